package org.canopy.voice.tell;

import org.canopy.web.StatusTag;

/** Where a message from the tell us page stands with the coordinator. */
enum MessageStatus implements StatusTag {
    NEW(new Tag("New", "govuk-tag--blue")),
    SEEN(new Tag("Seen", "govuk-tag--grey")),
    ADDED_TO_LOG(new Tag("Added to the feedback log", "govuk-tag--green")),
    CLOSED(new Tag("Closed", "govuk-tag--grey"));

    private final Tag tag;

    MessageStatus(Tag tag) {
        this.tag = tag;
    }

    @Override
    public Tag tag() {
        return tag;
    }

    /** Whether the coordinator may still act on it (mark it seen, close it or add it to the log). */
    public boolean open() {
        return this == NEW || this == SEEN;
    }
}
