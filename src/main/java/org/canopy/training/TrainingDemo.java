package org.canopy.training;

/** Demo mode: the training facts the annual report and the plan state, and nothing invented. */
public interface TrainingDemo {

    /** Adds the demo records to the new demo partnership (called once, in the demo transaction, after the priorities are set). */
    void load(long partnershipId);
}
