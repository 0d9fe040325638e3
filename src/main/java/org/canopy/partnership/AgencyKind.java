package org.canopy.partnership;

/**
 * Whether an agency is one of the three statutory safeguarding partners, a relevant agency, or an education or
 * childcare agency (which the arrangements must include under the Children's Wellbeing and Schools Act 2026).
 */
public enum AgencyKind {
    STATUTORY_PARTNER("Statutory partner"),
    RELEVANT_AGENCY("Relevant agency"),
    EDUCATION_OR_CHILDCARE("Education or childcare agency");

    private final String label;

    AgencyKind(String label) {
        this.label = label;
    }

    /** The kind as shown to people. */
    public String label() {
        return label;
    }
}
