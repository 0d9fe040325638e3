package org.canopy.learning.internal;

import java.time.LocalDate;

/**
 * One date the partnership must meet: what is due, when, which record it belongs to (a link to its
 * page) and, once met, the date it was done. The deadlines page and the calendar feed list these.
 */
record Deadline(String what, LocalDate due, String recordTitle, String link, LocalDate done) {

    boolean overdueOn(LocalDate today) {
        return done == null && due.isBefore(today);
    }
}
