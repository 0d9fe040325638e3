package org.canopy.governance;

/** A group as other modules see it. */
public record GroupSummary(long id, String name, GroupType type, GroupFunction function) {
}
