package org.canopy.data.catalogue;

/** How an indicator's values are measured. */
public enum Unit {
    COUNT("count", "", "A whole number, like 235", "numeric"),
    PERCENT("per cent", "%", "A percentage from 0 to 100, like 12.5", "decimal"),
    RATE_PER_10000("per 10,000", " per 10,000", "A rate per 10,000, like 34 or 32.5", "decimal"),
    RATE_PER_100000("per 100,000", " per 100,000", "A rate per 100,000, like 41 or 40.5", "decimal");

    private final String label;
    private final String suffix;
    private final String hint;
    private final String inputMode;

    Unit(String label, String suffix, String hint, String inputMode) {
        this.label = label;
        this.suffix = suffix;
        this.hint = hint;
        this.inputMode = inputMode;
    }

    /** How a form asks for a value of this unit: a count never suggests a decimal. */
    public String hint() {
        return hint;
    }

    /** The keyboard a phone offers: whole numbers for counts. */
    public String inputMode() {
        return inputMode;
    }

    public String label() {
        return label;
    }

    public String suffix() {
        return suffix;
    }
}
