package org.canopy.partnership;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Looks up the people of a partnership for other modules. */
public interface People {

    /** Everyone in the partnership, enabled or not, by display name. */
    List<PersonSummary> inPartnership(long partnershipId);

    /** The named people of the partnership, by display name. */
    List<PersonSummary> byIds(long partnershipId, Collection<Long> ids);

    /** A person by username within the partnership. */
    Optional<PersonSummary> byUsername(long partnershipId, String username);
}
