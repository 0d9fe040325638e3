package org.canopy.learning.incidents;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.canopy.learning.deadlines.Deadline;
import org.canopy.learning.incidents.Incidents.Incident;
import org.canopy.learning.incidents.Incidents.RapidReview;
import org.canopy.learning.reviews.LocalReviews.LocalReview;
import org.canopy.learning.reviews.Stage;
import org.springframework.stereotype.Component;

/**
 * The statutory clocks of an incident, worked out from its stored dates every time they are read, so a
 * changed date moves everything that depends on it:
 * <ul>
 * <li>the national panel is notified within 5 working days of the local authority becoming aware;</li>
 * <li>the rapid review is completed (sent to the national panel) within 15 working days of that notification;</li>
 * <li>a local review is published within 6 months of its start;</li>
 * <li>the learning workshop is held 1 month after publication ({@link #LEARNING_WORKSHOP_RULE});</li>
 * <li>the follow-up workshop 6 months after the learning workshop (held, or else as scheduled).</li>
 * </ul>
 */
@Component
class LearningClocks {

    static final int NOTIFICATION_WORKING_DAYS = 5;
    static final int RAPID_REVIEW_WORKING_DAYS = 15;
    static final int PUBLICATION_MONTHS = 6;
    static final int LEARNING_WORKSHOP_MONTHS = 1;
    static final int FOLLOW_UP_MONTHS = 6;
    static final String LEARNING_WORKSHOP_RULE = "The learning workshop is scheduled 1 month after publication and the"
            + " follow-up workshop 6 months after the learning workshop (the date it was held, or else the date scheduled).";

    /** An incident's deadlines; null where the date they run from is not yet recorded. */
    record Clocks(LocalDate panelNotificationDue, LocalDate rapidReviewDue, LocalDate reviewPublicationDue,
            LocalDate learningWorkshopDue, LocalDate followUpWorkshopDue) {
    }

    private final WorkingDays workingDays;

    LearningClocks(WorkingDays workingDays) {
        this.workingDays = workingDays;
    }

    /** The clocks of an incident with its rapid review and local review (either may be null). */
    Clocks clocks(Incident incident, RapidReview rapid, LocalReview local) {
        var aware = incident.awareDate();
        var notified = incident.notifiedDate();
        var start = local == null ? null : local.startDate();
        var published = local == null ? null : local.stage(Stage.PUBLISHED);
        var learning = published == null ? null : published.plusMonths(LEARNING_WORKSHOP_MONTHS);
        var learningHeld = local == null ? null : local.stage(Stage.LEARNING_WORKSHOP);
        var followUpFrom = learningHeld != null ? learningHeld : learning;
        return new Clocks(aware == null ? null : workingDays.plus(aware, NOTIFICATION_WORKING_DAYS),
                notified == null ? null : workingDays.plus(notified, RAPID_REVIEW_WORKING_DAYS),
                start == null ? null : start.plusMonths(PUBLICATION_MONTHS), learning,
                followUpFrom == null ? null : followUpFrom.plusMonths(FOLLOW_UP_MONTHS));
    }

    /** The incident's deadlines as the deadlines page and the calendar list them, met or not. */
    List<Deadline> deadlines(Incident incident, RapidReview rapid, LocalReview local) {
        var clocks = clocks(incident, rapid, local);
        String link = "/learning/incidents/" + incident.id();
        var list = new ArrayList<Deadline>();
        add(list, "Notify the national panel", clocks.panelNotificationDue(), incident, link, incident.notifiedDate());
        add(list, "Complete the rapid review", clocks.rapidReviewDue(), incident, link,
                rapid == null ? null : rapid.sentToPanelDate());
        if (local != null) {
            String reviewLink = link + "/local-review";
            add(list, "Publish the local review", clocks.reviewPublicationDue(), incident, reviewLink, local.stage(Stage.PUBLISHED));
            add(list, "Hold the learning workshop", clocks.learningWorkshopDue(), incident, reviewLink, local.stage(Stage.LEARNING_WORKSHOP));
            add(list, "Hold the follow-up workshop", clocks.followUpWorkshopDue(), incident, reviewLink, local.stage(Stage.FOLLOW_UP_WORKSHOP));
        }
        return list;
    }

    private static void add(List<Deadline> list, String what, LocalDate due, Incident incident, String link, LocalDate done) {
        if (due != null) {
            list.add(new Deadline(what, due, incident.pseudonym(), link, done, incident.id(), false));
        }
    }
}
