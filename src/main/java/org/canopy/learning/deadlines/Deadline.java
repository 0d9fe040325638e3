package org.canopy.learning.deadlines;

import java.time.LocalDate;

/**
 * One date the partnership must meet: what is due, when, which record it belongs to (a link to its page) and, once
 * met, the date it was done. The deadlines page and the calendar feed list these. A deadline of a case record carries
 * the incident's id ({@code caseId}); shown to someone who may not read cases it is {@code restricted}: named by the
 * incident's number, not its pseudonym, and not linked.
 */
public record Deadline(String what, LocalDate due, String recordTitle, String link, LocalDate done, Long caseId, boolean restricted) {

    /** A deadline of a record that is not a case record. */
    public Deadline(String what, LocalDate due, String recordTitle, String link, LocalDate done) {
        this(what, due, recordTitle, link, done, null, false);
    }

    boolean overdueOn(LocalDate today) {
        return done == null && due.isBefore(today);
    }

    /** The deadline as a reader sees it: the date and what is due always, the case's pseudonym only for case readers. */
    Deadline shownTo(boolean caseReader) {
        return caseReader || caseId == null ? this : new Deadline(what, due, "Serious incident " + caseId, link, done, caseId, true);
    }
}
