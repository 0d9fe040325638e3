package org.canopy.voice.feedback;

import org.springframework.stereotype.Component;

/** Demo mode: the annual report's tables of what children, young people and partners said, with its recurring themes. */
@Component
public class DemoFeedback {

    /** Adds the demo feedback log and themes. */
    public void load(long partnershipId) {
        // Filled in by the feedback feature.
    }

    /** Links the demo feedback and themes to the 2021 priorities made by the priority-setting round. */
    public void linkPriorities(long partnershipId) {
        // Filled in by the feedback feature.
    }
}
