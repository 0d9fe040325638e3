package org.canopy.learning;

/** Demo mode: loads the annual report's rapid reviews, local review, serious case reviews, audits and briefings into the demo partnership, through the module's own services. */
public interface LearningDemo {

    /** Adds the demo records to the new demo partnership (called once, in the demo transaction). */
    void load(long partnershipId);
}
