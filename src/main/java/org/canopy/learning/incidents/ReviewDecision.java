package org.canopy.learning.incidents;

/** What a rapid review decides about a further review. */
public enum ReviewDecision {
    PRACTICE_REVIEW("A local child safeguarding practice review"),
    LEARNING_REVIEW("A local learning review"),
    NO_REVIEW("No further review");

    private final String label;

    ReviewDecision(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** True when the decision leads to a local review. */
    public boolean leadsToLocalReview() {
        return this != NO_REVIEW;
    }
}
