package org.canopy.plan;

/** A plan section as other modules refer to it (the 2016-19 plan's sections are named after the children's rights charter). */
public record PlanSectionRef(long id, long planId, String planTitle, int number, String title) {
}
