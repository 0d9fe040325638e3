package org.canopy.plan;

/** Demo mode: loads the Children and Families Plan 2016-19 with its priorities, actions and progress into the demo partnership, through the module's own services. */
public interface PlanDemo {

    /** Adds the demo records to the new demo partnership (called once, in the demo transaction). */
    void load(long partnershipId);
}
