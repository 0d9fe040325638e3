package org.canopy.scrutiny;

/** Demo mode: loads the annual report's independent scrutiny (the scrutineer's reflections) into the demo partnership. */
public interface ScrutinyDemo {

    /** Adds the demo records to the new demo partnership (called once, in the demo transaction). */
    void load(long partnershipId);
}
