package org.canopy.partnership;

import java.time.LocalDate;

/**
 * An agency as other modules see it: {@code from} and {@code until} bound the days it existed (null: not recorded,
 * or still existing), {@code successorId} is the agency that took over its duties when it ceased (or null).
 */
public record AgencySummary(long id, String name, AgencyKind kind, boolean active, LocalDate from, LocalDate until,
        Long successorId) {

    /** Whether the agency existed on the day (an unrecorded bound does not exclude it). */
    public boolean existedOn(LocalDate day) {
        return (from == null || !day.isBefore(from)) && (until == null || !day.isAfter(until));
    }
}
