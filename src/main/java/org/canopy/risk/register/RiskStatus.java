package org.canopy.risk.register;

import org.canopy.web.StatusTag;

/** Where a risk stands: open, treated (actions have brought it down), tolerated (accepted as it is) or closed. */
public enum RiskStatus implements StatusTag {
    OPEN("Open", "govuk-tag--red"),
    TREATED("Treated", "govuk-tag--blue"),
    TOLERATED("Tolerated", "govuk-tag--yellow"),
    CLOSED("Closed", "govuk-tag--grey");

    private final Tag tag;

    RiskStatus(String label, String tagClass) {
        tag = new Tag(label, tagClass);
    }

    @Override
    public Tag tag() {
        return tag;
    }
}
