package org.canopy.governance;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.Role;

/** The partnership's groups and their members, for other modules. */
public interface Groups {

    /** The group of that name in the partnership, created (and recorded in the history) if missing. */
    GroupSummary findOrCreate(long partnershipId, String actor, String name, GroupType type);

    /** The group of that name in the partnership: for finding a group a file names, never for deciding a right. */
    Optional<GroupSummary> byName(long partnershipId, String name);

    /** The group of the partnership that holds the function, if one does ({@link GroupFunction#NONE} finds none). */
    Optional<GroupSummary> withFunction(long partnershipId, GroupFunction function);

    /** The named groups of the partnership, in the order asked. */
    List<GroupSummary> byIds(long partnershipId, Collection<Long> ids);

    /** The ids of the groups a person belongs to. */
    Set<Long> groupIdsOf(long userId);

    /** The ids of each group's members, by group id, in one read; a group with no members is absent. */
    Map<Long, Set<Long>> memberIdsByGroup(Collection<Long> groupIds);

    /** Adds a person to a group of the partnership (no change if they already belong). */
    void addMember(long partnershipId, String actor, long groupId, long userId);

    /** Whether the person (by id) belongs to the group of the partnership that holds the function. */
    default boolean memberOf(long partnershipId, long userId, GroupFunction function) {
        return withFunction(partnershipId, function).map(g -> groupIdsOf(userId).contains(g.id())).orElse(false);
    }

    /** Whether the signed-in person belongs to the group of their partnership that holds the function. */
    default boolean memberOf(CanopyUser user, GroupFunction function) {
        return memberOf(user.partnershipId(), user.id(), function);
    }

    /**
     * Whether the person may act for the group holding the function: the partnership administrator, or a group
     * chair (by role) who belongs to it.
     */
    default boolean administratorOrChairOf(CanopyUser user, GroupFunction function) {
        return user.isAdministrator() || (user.role() == Role.GROUP_CHAIR && memberOf(user, function));
    }
}
