package org.canopy.data;

/** Demo mode: loads the annual report's indicators, areas and figures into the demo partnership, through the module's own services. */
public interface DataDemo {

    /** Adds the demo records to the new demo partnership (called once, in the demo transaction). */
    void load(long partnershipId);
}
