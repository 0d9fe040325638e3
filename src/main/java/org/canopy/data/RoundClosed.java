package org.canopy.data;

/** A data round closed: its accepted figures are the period's record, the basis of reports and scrutiny. */
public record RoundClosed(long partnershipId, long roundId, String period, String closedBy) {
}
