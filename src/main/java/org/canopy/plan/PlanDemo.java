package org.canopy.plan;

/** Demo mode: loads the Children and Families Plan 2016-19 with its priorities, actions and progress into the demo partnership, through the module's own services. */
public interface PlanDemo {

    /** Adds the demo records to the new demo partnership (called once, in the demo transaction). */
    void load(long partnershipId);

    /**
     * Adds the annual report's 2020 priority-setting round, its evidence and the Executive's decision, which makes the
     * 2021 priorities a second plan; called after the figures, learning, scrutiny and voice are loaded, as it cites them.
     */
    void setPriorities(long partnershipId);
}
