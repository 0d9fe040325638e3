package org.canopy.data;

/**
 * A figure was escalated to the executive with a reason (read from the escalation: events carry no free text).
 * Data tells the executive members; governance will put it on the executive's agenda.
 */
public record EscalationRaised(long partnershipId, long escalationId, String indicatorCode, String indicatorName,
        String period, String raisedBy) {
}
