package org.canopy.learning.incidents;

/** The criteria for notifying a serious incident to the national Child Safeguarding Practice Review Panel. */
enum Criterion {
    CHILD_DIED_OR_SERIOUSLY_HARMED("child_died_or_seriously_harmed", "A child has died or been seriously harmed"),
    ABUSE_OR_NEGLECT_SUSPECTED("abuse_or_neglect_suspected", "Abuse or neglect is known or suspected"),
    LOOKED_AFTER_CHILD("looked_after_child", "The child is looked after by a local authority"),
    HARMED_OUTSIDE_ENGLAND("harmed_outside_england", "The child was seriously harmed outside England while normally resident in England");

    private final String column;
    private final String label;

    Criterion(String column, String label) {
        this.column = column;
        this.label = label;
    }

    String column() {
        return column;
    }

    public String label() {
        return label;
    }
}
