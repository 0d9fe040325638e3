package org.canopy.governance.arrangements;

/** The three lead safeguarding partners of Working Together to Safeguard Children 2023. */
enum LeadRole {
    LOCAL_AUTHORITY("Chief executive of the local authority"),
    INTEGRATED_CARE_BOARD("Chief executive of the integrated care board"),
    POLICE("Chief officer of police");

    private final String label;

    LeadRole(String label) {
        this.label = label;
    }

    /** The role as Working Together names it. */
    String label() {
        return label;
    }

    /** The form field prefix for this role's inputs. */
    String field() {
        return name().toLowerCase(java.util.Locale.UK).replace('_', '-');
    }
}
