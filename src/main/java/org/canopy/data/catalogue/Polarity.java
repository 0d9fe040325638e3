package org.canopy.data.catalogue;

/** Which direction of change is good news for an indicator. */
public enum Polarity {
    HIGHER_IS_BETTER("Higher is better"),
    LOWER_IS_BETTER("Lower is better"),
    NEUTRAL("Neither higher nor lower is better");

    private final String label;

    Polarity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
