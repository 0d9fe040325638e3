package org.canopy.scrutiny.plan;

import java.time.LocalDate;

/**
 * One activity of the scrutiny plan for a year ({@code 2021-22}); its function is null where the record does not
 * state one, its date and quarter where it is not yet planned to a day.
 */
public record Activity(long id, String planYear, ScrutinyFunction scrutinyFunction, ActivityKind kind, String title, Long groupId,
        LocalDate plannedOn, String plannedQuarter, ActivityStatus status, String findings, int version) {

    /** When it is planned, in words. */
    public String when() {
        if (plannedOn != null) {
            return null;
        }
        return plannedQuarter != null ? plannedQuarter + " of " + planYear : "During " + planYear + ", no date set";
    }
}
