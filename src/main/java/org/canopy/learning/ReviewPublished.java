package org.canopy.learning;

import java.time.LocalDate;

/**
 * A local child safeguarding practice review's report was published (its published date was recorded).
 * Learning reminds the coordinator of the learning that follows: the workshop and the seven-minute briefing.
 *
 * @param pseudonym the case's pseudonym, never a name
 */
public record ReviewPublished(long partnershipId, long incidentId, String pseudonym, LocalDate publishedOn) {
}
