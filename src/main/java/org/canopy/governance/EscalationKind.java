package org.canopy.governance;

/** What was escalated to the executive: a group's item of business, the data dashboard's figures; modules add others. */
public enum EscalationKind {
    ITEM("A group's item of business"),
    FIGURES("Figures from the data dashboard"),
    RISK("A risk above the partnership's tolerance");

    private final String label;

    EscalationKind(String label) {
        this.label = label;
    }

    /** The kind as shown to people. */
    public String label() {
        return label;
    }
}
