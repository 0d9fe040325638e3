package org.canopy.governance;

/**
 * What a group does for the partnership, which decides the rights its members and chairs hold: a group keeps them
 * whatever it is called. At most one group of a partnership holds each function; most groups hold none.
 */
public enum GroupFunction {
    EXECUTIVE("The executive", "Decides what is escalated to it and signs off for the partnership"),
    QUALITY_ASSURANCE("Quality assurance", "Reviews agencies' figures, holds the learning action plan and escalates to the executive"),
    RAPID_REVIEW_PANEL("Rapid review panel", "Reads case records; its chairs record serious incidents and rapid reviews"),
    NONE("No particular function", "No rights beyond its members updating the actions it leads");

    private final String label;
    private final String rights;

    GroupFunction(String label, String rights) {
        this.label = label;
        this.rights = rights;
    }

    /** The function as shown to people. */
    public String label() {
        return label;
    }

    /** What holding the function lets its members and chairs do, in a sentence. */
    public String rights() {
        return rights;
    }
}
