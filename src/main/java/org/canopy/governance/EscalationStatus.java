package org.canopy.governance;

import org.canopy.web.StatusTag;

/** Where an escalation to the executive stands. */
public enum EscalationStatus implements StatusTag {
    OPEN("Open: awaiting the executive", "govuk-tag--red"),
    DECIDED("Decided: actions under way", "govuk-tag--yellow"),
    CLOSED("Closed", "govuk-tag--green");

    private final Tag tag;

    EscalationStatus(String label, String tagClass) {
        tag = new Tag(label, tagClass);
    }

    @Override
    public Tag tag() {
        return tag;
    }
}
