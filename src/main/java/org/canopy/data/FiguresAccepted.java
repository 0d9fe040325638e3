package org.canopy.data;

import java.util.List;

/**
 * Figures reached the dashboard: accepted from a data round or an upload, imported by the coordinator, or
 * corrected. Published in the storing transaction; listeners run after it commits.
 *
 * @param indicatorCodes the indicators whose figures changed, each once
 * @param figures        how many figures were stored
 * @param acceptedBy     the username of whoever accepted or stored them
 */
public record FiguresAccepted(long partnershipId, List<String> indicatorCodes, int figures, String acceptedBy) {

    public FiguresAccepted {
        indicatorCodes = List.copyOf(indicatorCodes);
    }
}
