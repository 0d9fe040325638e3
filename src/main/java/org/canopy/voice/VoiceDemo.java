package org.canopy.voice;

/** Demo mode: the annual report's engagement groups, canvasser visits and the tables of what children, young people and partners said. */
public interface VoiceDemo {

    /** Adds the engagement groups, the canvasser programme and the feedback log with its themes (called once, in the demo transaction). */
    void load(long partnershipId);

    /** Links the demo feedback to the 2021 priorities, once the priority-setting round has made them. */
    void linkPriorities(long partnershipId);
}
