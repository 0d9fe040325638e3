package org.canopy.governance;

/** Demo mode: loads the seed's groups (the executive, its sub-groups, panels and task and finish groups) into the demo partnership, through the module's own services. */
public interface GovernanceDemo {

    /** Adds the demo records to the new demo partnership (called once, in the demo transaction). */
    void load(long partnershipId);
}
