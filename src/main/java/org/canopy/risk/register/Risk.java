package org.canopy.risk.register;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** One risk of the register as it stands, with what it bears on. */
public record Risk(long id, String title, String cause, String effect, Long ownerAgencyId, String ownerPerson, Long ownerUserId,
        List<String> controls, Score inherent, Score current, Score target, LocalDate targetDate, String noScoreNote,
        Cadence cadence, LocalDate raisedOn, String raisedIn, LocalDate lastReviewedOn, RiskStatus status, String response,
        String closingNote, LocalDate closedOn, String closedIn, Long escalationId, String createdBy, LocalDateTime createdAt,
        int version, List<Long> priorityIds, List<Long> groupIds) {

    /** The score asked for. */
    public Score score(Score.Which which) {
        return switch (which) {
            case INHERENT -> inherent;
            case CURRENT -> current;
            case TARGET -> target;
        };
    }

    /** Whether the risk has no score at all. */
    public boolean unscored() {
        return inherent == null && current == null && target == null;
    }

    /** The next review: a cadence's span after the last review (or after the risk was raised); none when closed or without cadence. */
    public LocalDate reviewDue() {
        if (status == RiskStatus.CLOSED || cadence == null) {
            return null;
        }
        LocalDate from = lastReviewedOn != null ? lastReviewedOn : raisedOn != null ? raisedOn : createdAt.toLocalDate();
        return cadence.after(from);
    }

    public boolean reviewOverdue(LocalDate today) {
        var due = reviewDue();
        return due != null && due.isBefore(today);
    }

    /** An action the risk's owner or the partnership takes to bring it down. */
    public record Action(long id, String what, String owner, LocalDate due, boolean done) {
    }

    /** A review of the risk, with the current score it gave, if any. */
    public record Review(long id, LocalDate reviewedOn, String note, String reviewedBy, Score score) {
    }

    /** One score given: which, the score (null when cleared), when, who, why. */
    public record ScoreChange(Score.Which which, Score score, LocalDateTime changedAt, String changedBy, String why) {
    }
}
