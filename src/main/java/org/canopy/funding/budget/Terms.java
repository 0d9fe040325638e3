package org.canopy.funding.budget;

/** The words of the shared budget: the basis of the partners' shares, kinds of contribution in kind and of outgoing, the lead partners. */
public final class Terms {

    private Terms() {
    }

    /** How the partnership expects the three statutory partners to share the cost. */
    public enum Basis {
        EQUAL_THIRDS("Equal thirds"), POPULATION("Population"), FORMULA("An agreed formula");

        private final String label;

        Basis(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** What an agency gives in kind. */
    public enum InKindKind {
        CHAIRING("Chairing"), REVIEWS("Reviews"), AUDITS("Audits"), TRAINING("Training"), DATA("Data"), OTHER("Other");

        private final String label;

        InKindKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The kind of an outgoing line (the line's own name is the partnership's). */
    public enum Category {
        SALARIES("Business unit salaries and on-costs"), TRAINING("Training"), REVIEWS("Thematic and local reviews"),
        SCRUTINEER("Independent scrutineer"), OTHER("Other");

        private final String label;

        Category(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The three lead safeguarding partners (Working Together 2023). */
    public enum LeadPartner {
        LOCAL_AUTHORITY("Local authority", "la"), INTEGRATED_CARE_BOARD("Integrated care board (before 1 July 2022 the clinical commissioning group)", "icb"),
        POLICE("Police", "police");

        private final String label;
        private final String field;

        LeadPartner(String label, String field) {
            this.label = label;
            this.field = field;
        }

        public String label() {
            return label;
        }

        /** The prefix of this partner's form fields and columns ("la", "icb", "police"). */
        public String field() {
            return field;
        }
    }
}
