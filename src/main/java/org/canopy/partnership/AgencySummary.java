package org.canopy.partnership;

/** An agency as other modules see it. */
public record AgencySummary(long id, String name, AgencyKind kind, boolean active) {
}
