package org.canopy.learning.audits;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.canopy.learning.access.LearningAccess;
import org.canopy.learning.actionplan.ActionPlan;
import org.canopy.learning.incidents.Incidents;
import org.canopy.learning.reviews.LocalReviews;
import org.canopy.learning.reviews.SeriousCaseReviews;
import org.canopy.partnership.CanopyUser;
import org.canopy.plan.PriorityRef;
import org.canopy.plan.PriorityThread;
import org.canopy.plan.ThreadEntry;
import org.canopy.plan.ThreadStrand;
import org.canopy.web.StatusTag;
import org.springframework.stereotype.Component;

/**
 * The learning module's strand of a priority's golden thread and the learning a priority-setting round may cite.
 * Citable: audits and serious case reviews (read by everyone signed in), and rapid and local reviews, which are case
 * records and so offered only to those who read cases ({@link LearningAccess}), named by the incident's number, never
 * its pseudonym, since a round's citations are read by everyone. About a priority: the recommendations and audits the
 * partnership has themed with the priority's title (learning records carry no lead group).
 */
@Component
class LearningThread implements PriorityThread {

    private final Audits audits;
    private final SeriousCaseReviews reviews;
    private final Incidents incidents;
    private final LocalReviews localReviews;
    private final ActionPlan plan;
    private final LearningAccess access;

    LearningThread(Audits audits, SeriousCaseReviews reviews, Incidents incidents, LocalReviews localReviews, ActionPlan plan,
            LearningAccess access) {
        this.audits = audits;
        this.reviews = reviews;
        this.incidents = incidents;
        this.localReviews = localReviews;
        this.plan = plan;
        this.access = access;
    }

    @Override
    public List<ThreadEntry> about(CanopyUser user, PriorityRef priority, Set<Long> leadGroupIds) {
        String title = priority.title().strip().toLowerCase(Locale.UK);
        var entries = new ArrayList<ThreadEntry>();
        var today = plan.today();
        var shown = LearningAccess.shown(access.mayReadCases(user), plan.recommendations(user.partnershipId()));
        for (var r : shown) {
            if (r.themes().stream().anyMatch(t -> t.strip().toLowerCase(Locale.UK).equals(title))) {
                entries.add(recommendation(r, r.statusOn(today)));
            }
        }
        for (var a : audits.audits(user.partnershipId())) {
            if (a.theme() != null && a.theme().strip().toLowerCase(Locale.UK).equals(title)) {
                entries.add(audit(a));
            }
        }
        return entries;
    }

    @Override
    public List<ThreadEntry> citable(CanopyUser user) {
        long p = user.partnershipId();
        var entries = new ArrayList<ThreadEntry>();
        audits.audits(p).forEach(a -> entries.add(audit(a)));
        // The one action plan's recommendations, as its page shows them to this person (a training need cites one).
        var today = plan.today();
        LearningAccess.shown(access.mayReadCases(user), plan.recommendations(p)).forEach(r -> entries.add(recommendation(r, r.statusOn(today))));
        for (var r : reviews.reviews(p)) {
            entries.add(new ThreadEntry(ThreadStrand.LEARNING, "REVIEW", "scr-" + r.id(), "Serious case review: " + r.pseudonym(),
                    null, "/learning/serious-case-reviews/" + r.id(), null));
        }
        if (access.mayReadCases(user)) {
            for (var id : incidents.rapidReviewDates(p).keySet().stream().sorted().toList()) {
                entries.add(new ThreadEntry(ThreadStrand.LEARNING, "REVIEW", "rapid-" + id, "Rapid review of serious incident " + id,
                        null, "/learning/incidents/" + id + "/rapid-review", null));
            }
            for (var id : localReviews.localReviews(p).keySet().stream().sorted().toList()) {
                entries.add(new ThreadEntry(ThreadStrand.LEARNING, "REVIEW", "local-" + id,
                        "Local child safeguarding practice review of serious incident " + id, null,
                        "/learning/incidents/" + id + "/local-review", null));
            }
        }
        return entries;
    }

    private static ThreadEntry recommendation(ActionPlan.Recommendation r, StatusTag status) {
        return new ThreadEntry(ThreadStrand.LEARNING, "RECOMMENDATION", String.valueOf(r.id()), r.text(), "From " + r.sourceLabel(),
                "/learning/action-plan/" + r.id(), status.label());
    }

    private static ThreadEntry audit(Audits.Audit a) {
        return new ThreadEntry(ThreadStrand.LEARNING, "AUDIT", String.valueOf(a.id()), a.kind().label() + ": " + a.title(),
                a.theme(), "/learning/audits/" + a.id(), null);
    }
}
