package org.canopy.voice.feedback;

/** The only thing kept about a speaker's age: a band, in words a child reads on the no-account page. */
public enum AgeBand {
    UNDER_11("Under 11"),
    AGE_11_13("11 to 13"),
    AGE_14_15("14 to 15"),
    AGE_16_17("16 to 17"),
    AGE_18_PLUS("18 or over"),
    NOT_GIVEN("Not given");

    private final String label;

    AgeBand(String label) {
        this.label = label;
    }

    /** The band as people read it. */
    public String label() {
        return label;
    }
}
