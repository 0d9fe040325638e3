package org.canopy.governance;

/** A person's part in a group: who runs its meetings (chair, vice-chair), who belongs, and a young scrutineer attached to it. */
public enum MemberRole {
    CHAIR("Chair"),
    VICE_CHAIR("Vice-chair"),
    MEMBER("Member"),
    YOUNG_SCRUTINEER("Young scrutineer");

    private final String label;

    MemberRole(String label) {
        this.label = label;
    }

    /** The role as shown to people. */
    public String label() {
        return label;
    }

    /** Whether the role runs the group's meetings. */
    public boolean runsMeetings() {
        return this == CHAIR || this == VICE_CHAIR;
    }
}
