package org.canopy.scrutiny.challenges;

import org.canopy.web.StatusTag;

/** Where a challenge stands, derived from its answer, the scrutineer's view and the day. */
public enum ChallengeStatus implements StatusTag {
    AWAITING_RESPONSE(new Tag("Awaiting response", "govuk-tag--blue")),
    OVERDUE(new Tag("Response overdue", "govuk-tag--red")),
    ANSWERED(new Tag("Answered", "govuk-tag--yellow")),
    SATISFIED(new Tag("Scrutineer satisfied", "govuk-tag--green")),
    NOT_SATISFIED(new Tag("Scrutineer not satisfied", "govuk-tag--orange")),
    CLOSED(new Tag("Closed", "govuk-tag--grey"));

    private final Tag tag;

    ChallengeStatus(Tag tag) {
        this.tag = tag;
    }

    @Override
    public Tag tag() {
        return tag;
    }

    /** Whether the challenge still waits for the challenged group's or agency's answer. */
    public boolean awaitsAnswer() {
        return this == AWAITING_RESPONSE || this == OVERDUE;
    }
}
