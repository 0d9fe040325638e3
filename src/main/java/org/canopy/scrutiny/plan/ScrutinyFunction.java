package org.canopy.scrutiny.plan;

/** The functions of independent scrutiny (Working Together 2023): the frame of the scrutineer's plan. */
public enum ScrutinyFunction {
    INDEPENDENT_CHALLENGE("Independent challenge"),
    STATUTORY_DUTIES("Assurance that statutory duties are met"),
    HEARING_CHILDREN_AND_FAMILIES("Hearing children and families"),
    DISAGREEMENTS_AND_ESCALATION("Advice on disagreements and escalation"),
    EVALUATION("Evaluation of the arrangements and of the yearly report");

    private final String label;

    ScrutinyFunction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
