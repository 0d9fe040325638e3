package org.canopy.governance.arrangements;

/** The three lead safeguarding partners of Working Together to Safeguard Children 2023. */
public enum LeadRole {
    LOCAL_AUTHORITY("Chief executive of the local authority"),
    INTEGRATED_CARE_BOARD("Chief executive of the integrated care board"),
    POLICE("Chief officer of police");

    private final String label;

    LeadRole(String label) {
        this.label = label;
    }

    /** The role as Working Together names it. */
    public String label() {
        return label;
    }

    /** The form field prefix for this role's inputs. */
    public String field() {
        return name().toLowerCase(java.util.Locale.UK).replace('_', '-');
    }
}
