package org.canopy.voice.engagement;

import org.canopy.web.StatusTag;

/** Where a canvasser's visit to an engagement group stands. */
public enum VisitStatus implements StatusTag {
    PLANNED(new Tag("Planned", "govuk-tag--blue")),
    DONE(new Tag("Done", "govuk-tag--green")),
    CANCELLED(new Tag("Cancelled", "govuk-tag--grey"));

    private final Tag tag;

    VisitStatus(Tag tag) {
        this.tag = tag;
    }

    @Override
    public Tag tag() {
        return tag;
    }
}
