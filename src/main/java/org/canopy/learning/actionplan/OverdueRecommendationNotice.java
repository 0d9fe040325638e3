package org.canopy.learning.actionplan;

import org.canopy.learning.RecommendationOverdue;
import org.canopy.partnership.Outbox;
import org.canopy.partnership.People;
import org.canopy.partnership.Role;
import org.canopy.web.NotFound;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the owning agency's contributors and the coordinator that a recommendation is overdue. The message
 * names no case and quotes no text: contributors may not be allowed to read the review it came from, so the
 * link takes them to the recommendation, where Canopy shows what their role may see.
 */
@Component
class OverdueRecommendationNotice {

    private final ActionPlan plan;
    private final People people;
    private final Outbox outbox;

    OverdueRecommendationNotice(ActionPlan plan, People people, Outbox outbox) {
        this.plan = plan;
        this.people = people;
        this.outbox = outbox;
    }

    @ApplicationModuleListener
    void on(RecommendationOverdue overdue) {
        String owner;
        try {
            owner = plan.recommendation(overdue.partnershipId(), overdue.recommendationId()).ownerAgency();
        } catch (NotFound removed) {
            return;
        }
        var recipients = people.inPartnership(overdue.partnershipId()).stream()
                .filter(p -> p.enabled() && (p.role() == Role.ADMINISTRATOR
                        || p.role() == Role.AGENCY_CONTRIBUTOR && owner != null && owner.equals(p.agencyName())))
                .map(p -> p.id()).toList();
        if (recipients.isEmpty()) {
            return;
        }
        outbox.send(overdue.partnershipId(), "canopy", recipients,
                "A recommendation in the action plan is overdue (due " + overdue.due() + ")",
                "A recommendation" + (owner == null ? "" : " owned by " + owner) + " in the partnership's one action plan was due on "
                        + overdue.due() + " and is not complete. Record its progress and evidence, or agree a new due date,"
                        + " in Canopy: /learning/action-plan/" + overdue.recommendationId());
    }
}
