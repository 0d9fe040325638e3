package org.canopy.governance;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.canopy.partnership.CanopyUser;

/**
 * Escalations to the executive, for other modules: any group raises one (a writing member of the group or the
 * administrator), the executive (or the administrator) records its decision and the actions it asks for, and it is
 * closed with a note of the outcome. Texts are refused with {@code InvalidInput} when they hold identifiers, a stale
 * version with {@code EditConflict}, a person without the right with {@code AccessDeniedException}.
 */
public interface ExecutiveEscalations {

    /** One escalation as it stands; {@code link} leads back to the record escalated, or is null. */
    record Escalation(long id, long fromGroupId, String fromGroupName, EscalationKind kind, String subject, String reason,
            String link, EscalationStatus status, String raisedBy, LocalDateTime raisedAt, String decision,
            String decisionActions, String decidedBy, LocalDateTime decidedAt, String outcome, String closedBy,
            LocalDateTime closedAt, int version) {
    }

    /** One step of an escalation's history: who moved it to which status, when, with what note. */
    record Step(LocalDateTime at, String actor, EscalationStatus status, String note) {
    }

    /**
     * An escalation made before it was kept here, with its original times, people and steps, to be adopted once;
     * {@code link} must be set (it is how the adoption is found again).
     */
    record Adoption(long partnershipId, long fromGroupId, EscalationKind kind, String subject, String reason, String link,
            EscalationStatus status, String raisedBy, LocalDateTime raisedAt, String decision, String decisionActions,
            String decidedBy, LocalDateTime decidedAt, List<Step> steps) {
    }

    /** Raises an escalation from the group, with its subject and reason (both required) and a link back, or null. */
    Escalation raise(CanopyUser user, long fromGroupId, EscalationKind kind, String subject, String reason, String link);

    /** The executive's decision (required) and the actions it asks for (optional), on an open escalation. */
    Escalation decide(CanopyUser user, long id, String decision, String actions, int version);

    /** Closes a decided escalation with a note of its outcome (the executive, the administrator or the raising group). */
    Escalation close(CanopyUser user, long id, String outcome, int version);

    /** The escalation of the partnership, if there is one (no right is checked: the caller checks its own). */
    Optional<Escalation> find(long partnershipId, long id);

    /** The partnership's escalations of those ids, in one read. */
    List<Escalation> byIds(long partnershipId, Collection<Long> ids);

    /** The escalation's history, oldest first. */
    List<Step> history(long partnershipId, long id);

    /** Whether the person records the executive's decisions: the executive's role or the administrator. */
    boolean mayDecide(CanopyUser user);

    /** Whether the person may close the escalation once decided. */
    boolean mayClose(CanopyUser user, Escalation escalation);

    /**
     * Keeps an older escalation here once: the id of the one already adopted for the same kind and link, or of the
     * one adopted now (in the caller's transaction, recorded in the history as adopted by the system).
     */
    long adopt(Adoption adoption);
}
