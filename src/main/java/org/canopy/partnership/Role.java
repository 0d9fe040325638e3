package org.canopy.partnership;

/** What a person may do in Canopy, in the partnership's own words. */
public enum Role {
    ADMINISTRATOR("Partnership administrator"),
    EXECUTIVE("Executive member"),
    GROUP_CHAIR("Group chair"),
    AGENCY_CONTRIBUTOR("Agency contributor"),
    INDEPENDENT_SCRUTINEER("Independent scrutineer"),
    YOUNG_SCRUTINEER("Young scrutineer"),
    VIEWER("Read only");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    /** The role's name as shown to people. */
    public String label() {
        return label;
    }

    /** The Spring Security authority for this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
