package org.canopy.learning;

import java.time.LocalDate;

/**
 * A recommendation of the one action plan passed its due date without being completed. Published once per
 * due date by the daily check; learning tells the owning agency's contributors and the coordinator. Events carry
 * ids, not free text: the registry keeps an event until its listeners have run.
 *
 * @param ownerAgencyId the agency that owns the recommendation, or null when none is named
 */
public record RecommendationOverdue(long partnershipId, long recommendationId, LocalDate due, Long ownerAgencyId) {
}
