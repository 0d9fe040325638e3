package org.canopy.risk.register;

import java.time.LocalDate;

/** How often a risk is reviewed. */
public enum Cadence {
    MONTHLY("Monthly", 1),
    QUARTERLY("Quarterly", 3);

    private final String label;
    private final int months;

    Cadence(String label, int months) {
        this.label = label;
        this.months = months;
    }

    public String label() {
        return label;
    }

    /** The review after one held (or the risk raised) on {@code from}. */
    public LocalDate after(LocalDate from) {
        return from.plusMonths(months);
    }
}
