package org.canopy.partnership;

import java.util.OptionalLong;

/** Demo mode's first step: the partnership the seed documents describe, its agencies and the demo accounts. */
public interface PartnershipDemo {

    /** Creates the demo partnership and returns its id; empty when it already exists (a restart). */
    OptionalLong create();
}
