package org.canopy.learning.incidents;

import java.util.List;
import org.canopy.learning.deadlines.Deadline;
import org.canopy.learning.deadlines.DeadlineSource;
import org.canopy.learning.reviews.LocalReviews;
import org.springframework.stereotype.Component;

/** The deadlines of every serious incident, its rapid review and its local review. */
@Component
class IncidentDeadlines implements DeadlineSource {

    private final Incidents incidents;
    private final LocalReviews localReviews;
    private final LearningClocks clocks;

    IncidentDeadlines(Incidents incidents, LocalReviews localReviews, LearningClocks clocks) {
        this.incidents = incidents;
        this.localReviews = localReviews;
        this.clocks = clocks;
    }

    @Override
    public List<Deadline> deadlines(long partnershipId) {
        var rapid = incidents.rapidReviewDates(partnershipId);
        var local = localReviews.localReviews(partnershipId);
        return incidents.incidents(partnershipId).stream()
                .flatMap(i -> clocks.deadlines(i, rapid.get(i.id()), local.get(i.id())).stream()).toList();
    }
}
