package org.canopy.scrutiny.plan;

import org.canopy.web.StatusTag;

/** Where a planned scrutiny activity stands. */
public enum ActivityStatus implements StatusTag {
    PLANNED(new Tag("Planned", "govuk-tag--blue")),
    IN_PROGRESS(new Tag("In progress", "govuk-tag--yellow")),
    DONE(new Tag("Done", "govuk-tag--green")),
    NOT_DONE(new Tag("Not done", "govuk-tag--grey"));

    private final Tag tag;

    ActivityStatus(Tag tag) {
        this.tag = tag;
    }

    @Override
    public Tag tag() {
        return tag;
    }
}
