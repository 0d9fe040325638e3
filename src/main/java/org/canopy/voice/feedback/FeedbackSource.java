package org.canopy.voice.feedback;

/** Where the partnership heard something. */
public enum FeedbackSource {
    ENGAGEMENT_GROUP("Engagement group"),
    SURVEY("Survey"),
    WORKSHOP("Workshop"),
    CANVASSER_VISIT("Canvasser visit"),
    PUBLIC_PAGE("Tell us page (no account)"),
    PRIORITY_SETTING("Asked during priority setting"),
    RISK_MEETING("Raised at a partnership risk meeting");

    private final String label;

    FeedbackSource(String label) {
        this.label = label;
    }

    /** The source as people read it. */
    public String label() {
        return label;
    }
}
