package org.canopy.governance;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.Role;

/** The partnership's groups and their members, for other modules. */
public interface Groups {

    /** The group of that name in the partnership, created (and recorded in the history) if missing. */
    GroupSummary findOrCreate(long partnershipId, String actor, String name, GroupType type);

    /** The group of that name in the partnership. */
    Optional<GroupSummary> byName(long partnershipId, String name);

    /** The named groups of the partnership, in the order asked. */
    List<GroupSummary> byIds(long partnershipId, Collection<Long> ids);

    /** The ids of the groups a person belongs to. */
    Set<Long> groupIdsOf(long userId);

    /** The ids of everyone who belongs to any of the groups. */
    Set<Long> memberIdsOf(Collection<Long> groupIds);

    /** Adds a person to a group of the partnership (no change if they already belong). */
    void addMember(long partnershipId, String actor, long groupId, long userId);

    /**
     * Whether the person may act for the named group: the partnership administrator, or a group chair
     * (by role) who belongs to it.
     */
    default boolean administratorOrChairOf(CanopyUser user, String groupName) {
        if (user.isAdministrator()) {
            return true;
        }
        return user.role() == Role.GROUP_CHAIR && byName(user.partnershipId(), groupName)
                .map(g -> groupIdsOf(user.id()).contains(g.id())).orElse(false);
    }
}
