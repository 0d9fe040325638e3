package org.canopy.voice.engagement;

import org.springframework.stereotype.Component;

/** Demo mode: the annual report's eight engagement groups and the canvasser visit it dates. */
@Component
public class DemoEngagement {

    /** Adds the demo engagement groups and visits. */
    public void load(long partnershipId) {
        // Filled in by the engagement feature.
    }
}
