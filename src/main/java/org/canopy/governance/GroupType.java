package org.canopy.governance;

/** The kinds of group a partnership runs. */
public enum GroupType {
    EXECUTIVE("Executive"),
    SUB_GROUP("Sub-group"),
    TASK_AND_FINISH_GROUP("Task and finish group"),
    PRIORITY_GROUP("Priority group"),
    PANEL("Panel"),
    BOARD("Board"),
    TEAM("Team");

    private final String label;

    GroupType(String label) {
        this.label = label;
    }

    /** The type as shown to people. */
    public String label() {
        return label;
    }
}
