package org.canopy.data.internal;

/** How an indicator's values are measured. */
enum Unit {
    COUNT("count", ""),
    PERCENT("per cent", "%"),
    RATE_PER_10000("per 10,000", " per 10,000"),
    RATE_PER_100000("per 100,000", " per 100,000");

    private final String label;
    private final String suffix;

    Unit(String label, String suffix) {
        this.label = label;
        this.suffix = suffix;
    }

    public String label() {
        return label;
    }

    public String suffix() {
        return suffix;
    }
}
