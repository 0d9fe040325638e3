package org.canopy.risk.register;

/** A score on the 5 by 5 matrix: likelihood and impact, each 1 to 5; the score is their product. */
public record Score(int likelihood, int impact) {

    /** Which score of a risk. */
    public enum Which {
        INHERENT("Inherent (before controls)"), CURRENT("Current"), TARGET("Target");

        private final String label;

        Which(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The zones of the matrix, by score. */
    public enum Zone {
        LOW("Low", "canopy-risk--low"), MEDIUM("Medium", "canopy-risk--medium"), HIGH("High", "canopy-risk--high"),
        VERY_HIGH("Very high", "canopy-risk--very-high");

        private final String label;
        private final String cssClass;

        Zone(String label, String cssClass) {
            this.label = label;
            this.cssClass = cssClass;
        }

        public String label() {
            return label;
        }

        public String cssClass() {
            return cssClass;
        }

        /** The zone of a score from 1 to 25: low up to 4, medium to 9, high to 16, very high above. */
        public static Zone of(int score) {
            return score <= 4 ? LOW : score <= 9 ? MEDIUM : score <= 16 ? HIGH : VERY_HIGH;
        }
    }

    /** The score, or null when either part is missing. */
    public static Score of(Integer likelihood, Integer impact) {
        return likelihood == null || impact == null ? null : new Score(likelihood, impact);
    }

    public int score() {
        return likelihood * impact;
    }

    public Zone zone() {
        return Zone.of(score());
    }

    /** As people read it: "12 (likelihood 3, impact 4)". */
    public String text() {
        return score() + " (likelihood " + likelihood + ", impact " + impact + ")";
    }
}
