package org.canopy.scrutiny.challenges;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** One challenge from a scrutineer to a group or an agency, with its answer and the scrutineer's view of it. */
public record Challenge(long id, String raisedBy, long raisedByUserId, String raisedByRole, Long toGroupId, Long toAgencyId,
        String toName, String text, String evidence, LocalDate responseDue, String response, String respondedBy,
        LocalDateTime respondedAt, Boolean satisfied, String whatChanged, boolean closed, LocalDateTime raisedAt, int version) {

    /** The status on {@code today}. */
    public ChallengeStatus status(LocalDate today) {
        if (closed) {
            return ChallengeStatus.CLOSED;
        }
        if (satisfied != null) {
            return satisfied ? ChallengeStatus.SATISFIED : ChallengeStatus.NOT_SATISFIED;
        }
        if (response != null) {
            return ChallengeStatus.ANSWERED;
        }
        return responseDue.isBefore(today) ? ChallengeStatus.OVERDUE : ChallengeStatus.AWAITING_RESPONSE;
    }
}
