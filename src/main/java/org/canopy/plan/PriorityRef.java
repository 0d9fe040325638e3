package org.canopy.plan;

/** A plan priority as other modules refer to it. */
public record PriorityRef(long id, long planId, String planTitle, int number, String title) {
}
