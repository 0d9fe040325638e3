package org.canopy.partnership;

/** Whether an agency is one of the three statutory safeguarding partners or a relevant agency. */
public enum AgencyKind {
    STATUTORY_PARTNER("Statutory partner"),
    RELEVANT_AGENCY("Relevant agency");

    private final String label;

    AgencyKind(String label) {
        this.label = label;
    }

    /** The kind as shown to people. */
    public String label() {
        return label;
    }
}
