package org.canopy.learning.sources;

/** The kinds of review or audit a recommendation or briefing comes from. */
public enum SourceKind {
    RAPID_REVIEW("Rapid review"), LOCAL_REVIEW("Local child safeguarding practice review"),
    SERIOUS_CASE_REVIEW("Serious case review"), AUDIT("Audit");

    private final String label;

    SourceKind(String label) {
        this.label = label;
    }

    /** The kind as people name it. */
    public String label() {
        return label;
    }
}
