package org.canopy.partnership;

import java.util.List;
import java.util.Optional;

/** The partnership's agencies, for other modules. */
public interface AgencyDirectory {

    /** Every agency of the partnership, statutory partners first. */
    List<AgencySummary> agencies(long partnershipId);

    /** The agency of that name (ignoring case) in the partnership. */
    default Optional<AgencySummary> byName(long partnershipId, String name) {
        return agencies(partnershipId).stream().filter(a -> a.name().equalsIgnoreCase(name)).findFirst();
    }
}
