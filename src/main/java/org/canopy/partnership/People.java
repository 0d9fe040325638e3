package org.canopy.partnership;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Looks up the people of a partnership for other modules. */
public interface People {

    /** Everyone in the partnership, enabled or not, by display name. */
    List<PersonSummary> inPartnership(long partnershipId);

    /** The named people of the partnership, by display name. */
    List<PersonSummary> byIds(long partnershipId, Collection<Long> ids);

    /** The ids of the partnership's enabled people with {@code role}: who a message to that role goes to. */
    default List<Long> enabledWithRole(long partnershipId, Role role) {
        return inPartnership(partnershipId).stream().filter(p -> p.enabled() && p.role() == role).map(PersonSummary::id).toList();
    }

    /** A person by username within the partnership. */
    Optional<PersonSummary> byUsername(long partnershipId, String username);

    /**
     * Everyone's display name by username: records keep the username of who changed them, and pages that say who
     * did what show the name (a username not found, such as the demo loader's, is shown as it is).
     */
    default Map<String, String> displayNames(long partnershipId) {
        var names = new HashMap<String, String>();
        inPartnership(partnershipId).forEach(p -> names.put(p.username(), p.displayName()));
        return names;
    }
}
