package org.canopy.learning.reviews;

/** The dated stages of a local review, in order, with the column each date is kept in. */
public enum Stage {
    PRACTITIONER_WORKSHOP("practitioner_workshop_date", "Practitioner workshop"),
    INTERVIEWS("interviews_date", "Interviews with the agencies involved"),
    FAMILY_ENGAGEMENT("family_engagement_date", "Family engagement"),
    DRAFT("draft_date", "Draft report"),
    SIGN_OFF("sign_off_date", "Sign-off"),
    SENT_TO_PANEL_AND_DFE("sent_to_panel_and_dfe_date", "Sent to the national panel and the Department for Education"),
    PUBLISHED("published_date", "Published"),
    LEARNING_WORKSHOP("learning_workshop_held", "Learning workshop held"),
    FOLLOW_UP_WORKSHOP("follow_up_workshop_held", "Follow-up workshop held");

    private final String column;
    private final String label;

    Stage(String column, String label) {
        this.column = column;
        this.label = label;
    }

    String column() {
        return column;
    }

    public String label() {
        return label;
    }

    /** The form field that carries this stage's date. */
    public String field() {
        return "stage-" + name();
    }
}
