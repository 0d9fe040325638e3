package org.canopy.risk;

/** Demo mode: the risk facts the annual report and the plan state, and nothing invented. */
public interface RiskDemo {

    /** Adds the demo records to the new demo partnership (called once, in the demo transaction, after the priorities are set). */
    void load(long partnershipId);
}
