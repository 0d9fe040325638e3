package org.canopy.learning.reviews;

import org.canopy.learning.ReviewPublished;
import org.canopy.partnership.Outbox;
import org.canopy.partnership.People;
import org.canopy.partnership.Role;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** When a local review is published, reminds the coordinator of the learning that should follow it. */
@Component
class LearningAfterPublication {

    private final People people;
    private final Outbox outbox;

    LearningAfterPublication(People people, Outbox outbox) {
        this.people = people;
        this.outbox = outbox;
    }

    @ApplicationModuleListener
    void on(ReviewPublished published) {
        var coordinators = people.enabledWithRole(published.partnershipId(), Role.ADMINISTRATOR);
        if (coordinators.isEmpty()) {
            return;
        }
        outbox.send(published.partnershipId(), "canopy", coordinators,
                "The local review of " + published.pseudonym() + " was published on " + published.publishedOn(),
                "The local child safeguarding practice review of " + published.pseudonym() + " was published on "
                        + published.publishedOn() + ". What follows: its learning workshop, its seven-minute briefing, and its"
                        + " recommendations in the one action plan. Record them in Canopy: /learning/incidents/"
                        + published.incidentId() + "/local-review");
    }
}
