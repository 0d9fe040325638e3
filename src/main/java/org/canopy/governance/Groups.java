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

    /** Every group of the partnership, by name. */
    List<GroupSummary> all(long partnershipId);

    /** The named groups of the partnership, in the order asked. */
    List<GroupSummary> byIds(long partnershipId, Collection<Long> ids);

    /** The ids of the groups a person belongs to. */
    Set<Long> groupIdsOf(long userId);

    /** The ids of each group's members, by group id, in one read; a group with no members is absent. */
    Map<Long, Set<Long>> memberIdsByGroup(Collection<Long> groupIds);

    /** The person's role in the group, if they belong to it. */
    Optional<MemberRole> roleIn(long groupId, long userId);

    /** Adds a person to a group of the partnership (no change if they already belong). */
    void addMember(long partnershipId, String actor, long groupId, long userId);

    /** Adds a person to a group of the partnership in the role given, or sets their role if they already belong. */
    void addMember(long partnershipId, String actor, long groupId, long userId, MemberRole role);

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

    /**
     * Whether the person runs the group's meetings and records: the administrator, or the group's chair or vice-chair.
     * Scrutineers and viewers never do (the scrutineer writes only in scrutiny), whatever their place in the group.
     */
    default boolean runs(CanopyUser user, long groupId) {
        if (user.isAdministrator()) {
            return true;
        }
        if (user.role() == Role.INDEPENDENT_SCRUTINEER || user.role() == Role.YOUNG_SCRUTINEER || user.role() == Role.VIEWER) {
            return false;
        }
        return roleIn(groupId, user.id()).map(MemberRole::runsMeetings).orElse(false);
    }

    /** Whether the person takes part in the group's business (adds agenda items, raises escalations): a member who may write. */
    default boolean takesPart(CanopyUser user, long groupId) {
        if (user.isAdministrator()) {
            return true;
        }
        if (user.role() == Role.INDEPENDENT_SCRUTINEER || user.role() == Role.YOUNG_SCRUTINEER || user.role() == Role.VIEWER) {
            return false;
        }
        return roleIn(groupId, user.id()).isPresent();
    }

    /**
     * Whether the person may read the group's records (members, meetings, papers, actions): everyone signed in to the
     * partnership, except that a young scrutineer reads only the groups they belong to (their priority's group) and
     * the rapid review panel's records, which speak of cases, are read only by its members, the executive, the
     * scrutineer and the administrator.
     */
    boolean mayRead(CanopyUser user, long groupId);

    /**
     * The business entries the person may read: those of groups whose records they read ({@link #mayRead}), wherever the
     * entries are listed (a group's page, the Executive's overview, an agenda, its pack, the API). One check per group.
     */
    default List<BusinessEntry> readable(CanopyUser user, Collection<BusinessEntry> entries) {
        var readable = new java.util.HashMap<Long, Boolean>();
        return entries.stream().filter(e -> readable.computeIfAbsent(e.recordsOf(), g -> mayRead(user, g))).toList();
    }

    /**
     * Whether the person may know who a group's young scrutineer is (their first name and group): a child's, so only the
     * independent scrutineer, the administrator, the group's chair and the young scrutineer themselves (one per group).
     */
    default boolean mayKnowYoungScrutineerOf(CanopyUser user, long groupId) {
        if (user.isAdministrator() || user.role() == Role.INDEPENDENT_SCRUTINEER) {
            return true;
        }
        var role = roleIn(groupId, user.id());
        return role.filter(r -> r == MemberRole.CHAIR || r == MemberRole.YOUNG_SCRUTINEER).isPresent();
    }

    /**
     * The group's young scrutineers (its members in that role) whom the person may not know
     * ({@link #mayKnowYoungScrutineerOf}): left out of the group's members, its meetings' attendance and the API for them.
     */
    Set<Long> youngScrutineersUnknownTo(CanopyUser user, long groupId);
}
