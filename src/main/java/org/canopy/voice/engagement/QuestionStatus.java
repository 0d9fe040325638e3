package org.canopy.voice.engagement;

import org.canopy.web.StatusTag;

/** Whether canvassers still take a question out to the engagement groups. */
public enum QuestionStatus implements StatusTag {
    OPEN(new Tag("Open", "govuk-tag--blue")),
    CLOSED(new Tag("Closed", "govuk-tag--grey"));

    private final Tag tag;

    QuestionStatus(Tag tag) {
        this.tag = tag;
    }

    @Override
    public Tag tag() {
        return tag;
    }
}
