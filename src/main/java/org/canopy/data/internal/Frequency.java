package org.canopy.data.internal;

/** How often an indicator is reported. */
enum Frequency {
    ANNUAL, QUARTERLY, MONTHLY
}
