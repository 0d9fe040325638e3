package org.canopy.governance.groups;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.canopy.governance.GroupFunction;
import org.canopy.governance.GroupSummary;
import org.canopy.governance.GroupType;
import org.canopy.governance.Groups;
import org.canopy.governance.MemberRole;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.Role;
import org.canopy.partnership.RecordChanged;
import org.canopy.web.EditConflict;
import org.canopy.web.FieldProblem;
import org.canopy.web.InvalidInput;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Groups and membership, stored in the governance module's own tables. */
@Service
class GroupRegistry implements Groups {

    /** A member as listed on a group's page. */
    record Member(long userId, String role) {
    }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    GroupRegistry(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @Override
    @Transactional
    public GroupSummary findOrCreate(long partnershipId, String actor, String name, GroupType type) {
        return findOrCreate(partnershipId, actor, name, type, GroupFunction.NONE);
    }

    /** As {@link #findOrCreate(long, String, String, GroupType)}, a new group holding the function. */
    @Transactional
    GroupSummary findOrCreate(long partnershipId, String actor, String name, GroupType type, GroupFunction function) {
        return byName(partnershipId, name).orElseGet(() -> {
            var keys = new GeneratedKeyHolder();
            jdbc.sql("insert into partnership_group (partnership_id, name, type, group_function) values (?, ?, ?, ?)")
                    .params(partnershipId, name, type.name(), stored(function)).update(keys, "id");
            var created = new GroupSummary(keys.getKey().longValue(), name, type, function);
            events.publishEvent(new RecordChanged(partnershipId, actor, "group", String.valueOf(created.id()),
                    "created", "Added group " + name, null, created));
            return created;
        });
    }

    @Override
    public Optional<GroupSummary> byName(long partnershipId, String name) {
        return jdbc.sql("select id, name, type, group_function from partnership_group where partnership_id = ? and name = ?")
                .params(partnershipId, name).query(GroupRegistry::summary).optional();
    }

    @Override
    public Optional<GroupSummary> withFunction(long partnershipId, GroupFunction function) {
        if (function == GroupFunction.NONE) {
            return Optional.empty();
        }
        return jdbc.sql("select id, name, type, group_function from partnership_group where partnership_id = ? and group_function = ?")
                .params(partnershipId, function.name()).query(GroupRegistry::summary).optional();
    }

    @Override
    public List<GroupSummary> byIds(long partnershipId, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, GroupSummary> found = jdbc
                .sql("select id, name, type, group_function from partnership_group where partnership_id = :p and id in (:ids)")
                .param("p", partnershipId).param("ids", ids).query(GroupRegistry::summary).list().stream()
                .collect(Collectors.toMap(GroupSummary::id, Function.identity()));
        return ids.stream().map(found::get).filter(g -> g != null).toList();
    }

    @Override
    public List<GroupSummary> all(long partnershipId) {
        return jdbc.sql("select id, name, type, group_function from partnership_group where partnership_id = ? order by lower(name)")
                .param(partnershipId).query(GroupRegistry::summary).list();
    }

    Optional<GroupSummary> find(long partnershipId, long id) {
        return byIds(partnershipId, List.of(id)).stream().findFirst();
    }

    Map<Long, Integer> memberCounts(long partnershipId) {
        return jdbc.sql("""
                select g.id, count(m.user_id) from partnership_group g left join group_member m on m.group_id = g.id
                where g.partnership_id = ? group by g.id""").param(partnershipId)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getInt(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    List<Member> members(long groupId) {
        return jdbc.sql("select user_id, role from group_member where group_id = ?").param(groupId)
                .query((rs, n) -> new Member(rs.getLong(1), rs.getString(2))).list();
    }

    @Override
    public Optional<MemberRole> roleIn(long groupId, long userId) {
        return jdbc.sql("select role from group_member where group_id = ? and user_id = ?").params(groupId, userId)
                .query(String.class).optional().map(MemberRole::valueOf);
    }

    @Override
    public boolean mayRead(CanopyUser user, long groupId) {
        var group = find(user.partnershipId(), groupId);
        if (group.isEmpty()) {
            return false;
        }
        if (user.role() == Role.YOUNG_SCRUTINEER) {
            return roleIn(groupId, user.id()).isPresent();
        }
        if (group.get().function() == GroupFunction.RAPID_REVIEW_PANEL) {
            return user.isAdministrator() || user.role() == Role.EXECUTIVE || user.role() == Role.INDEPENDENT_SCRUTINEER
                    || roleIn(groupId, user.id()).isPresent();
        }
        return true;
    }

    @Override
    public Set<Long> youngScrutineersUnknownTo(CanopyUser user, long groupId) {
        if (mayKnowYoungScrutineerOf(user, groupId)) {
            return Set.of();
        }
        return members(groupId).stream().filter(m -> MemberRole.YOUNG_SCRUTINEER.name().equals(m.role())).map(Member::userId)
                .collect(Collectors.toSet());
    }

    @Override
    public Set<Long> groupIdsOf(long userId) {
        return new HashSet<>(jdbc.sql("select group_id from group_member where user_id = ?").param(userId)
                .query(Long.class).list());
    }

    @Override
    public Map<Long, Set<Long>> memberIdsByGroup(Collection<Long> groupIds) {
        Map<Long, Set<Long>> byGroup = new HashMap<>();
        if (groupIds.isEmpty()) {
            return byGroup;
        }
        jdbc.sql("select group_id, user_id from group_member where group_id in (:ids)").param("ids", groupIds)
                .query((rs, n) -> byGroup.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2))).list();
        return byGroup;
    }

    @Override
    @Transactional
    public void addMember(long partnershipId, String actor, long groupId, long userId) {
        var group = find(partnershipId, groupId).orElseThrow();
        boolean already = jdbc.sql("select count(*) from group_member where group_id = ? and user_id = ?")
                .params(groupId, userId).query(Integer.class).single() > 0;
        if (already) {
            return;
        }
        jdbc.sql("insert into group_member (group_id, user_id, role) values (?, ?, 'MEMBER')")
                .params(groupId, userId).update();
        events.publishEvent(new RecordChanged(partnershipId, actor, "group", String.valueOf(groupId), "member-added",
                "Added member " + userId + " to " + group.name(), null, Map.of("userId", userId)));
    }

    @Override
    @Transactional
    public void addMember(long partnershipId, String actor, long groupId, long userId, MemberRole role) {
        addMember(partnershipId, actor, groupId, userId);
        setRole(partnershipId, actor, groupId, userId, role);
    }

    /** Sets a member's role in the group, recorded in the history (no change if they do not belong). */
    @Transactional
    void setRole(long partnershipId, String actor, long groupId, long userId, MemberRole role) {
        var group = find(partnershipId, groupId).orElseThrow();
        var before = roleIn(groupId, userId);
        if (before.isEmpty() || before.get() == role) {
            return;
        }
        jdbc.sql("update group_member set role = ? where group_id = ? and user_id = ?").params(role.name(), groupId, userId)
                .update();
        events.publishEvent(new RecordChanged(partnershipId, actor, "group", String.valueOf(groupId), "member-role",
                "Made member " + userId + " " + role.label() + " of " + group.name(), Map.of("role", before.get().name()),
                Map.of("role", role.name())));
    }

    @Transactional
    boolean removeMember(long partnershipId, String actor, long groupId, long userId) {
        var group = find(partnershipId, groupId).orElseThrow();
        int removed = jdbc.sql("delete from group_member where group_id = ? and user_id = ?").params(groupId, userId)
                .update();
        if (removed > 0) {
            events.publishEvent(new RecordChanged(partnershipId, actor, "group", String.valueOf(groupId),
                    "member-removed", "Removed member " + userId + " from " + group.name(), Map.of("userId", userId),
                    null));
        }
        return removed > 0;
    }

    /** The version a group's page was read at, which a change must name. */
    int version(long partnershipId, long groupId) {
        return jdbc.sql("select version from partnership_group where partnership_id = ? and id = ?")
                .params(partnershipId, groupId).query(Integer.class).single();
    }

    /**
     * Renames the group and sets its function, recorded in the history. Refused when the name is blank, too long or
     * another group's, or when another group already holds the function (it must be taken from that one first, so
     * that a right never moves without someone deciding it); a change since {@code version} is a conflict.
     */
    @Transactional
    GroupSummary change(long partnershipId, String actor, long groupId, int version, String name, GroupFunction function) {
        var before = find(partnershipId, groupId).orElseThrow();
        String newName = name == null ? "" : name.strip();
        var problems = new ArrayList<FieldProblem>();
        if (newName.isEmpty()) {
            problems.add(FieldProblem.of("name", "Enter the group's name"));
        } else if (newName.length() > 200) {
            problems.add(FieldProblem.of("name", "The group's name must be 200 characters or fewer"));
        } else {
            byName(partnershipId, newName).filter(other -> other.id() != groupId).ifPresent(other -> problems.add(
                    FieldProblem.of("name", "Another group is already called " + newName)));
        }
        if (function == null) {
            problems.add(FieldProblem.of("function", "Select the group's function"));
        } else {
            withFunction(partnershipId, function).filter(other -> other.id() != groupId).ifPresent(other -> problems.add(
                    FieldProblem.of("function", other.name() + " already holds the function " + function.label()
                            + ": give it another function first")));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        int changed = jdbc.sql("""
                update partnership_group set name = ?, group_function = ?, version = version + 1
                where partnership_id = ? and id = ? and version = ?""")
                .params(newName, stored(function), partnershipId, groupId, version).update();
        if (changed == 0) {
            throw new EditConflict("Someone else changed this group while you were editing it. "
                    + "Its name and function are shown as they now are; make your change again.");
        }
        var after = new GroupSummary(groupId, newName, before.type(), function);
        if (!after.equals(before)) {
            events.publishEvent(new RecordChanged(partnershipId, actor, "group", String.valueOf(groupId), "changed",
                    "Changed group " + before.name() + (before.name().equals(newName) ? "" : " to " + newName)
                            + ", function " + function.label(), before, after));
        }
        return after;
    }

    private static String stored(GroupFunction function) {
        return function == GroupFunction.NONE ? null : function.name();
    }

    private static GroupSummary summary(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        String function = rs.getString("group_function");
        return new GroupSummary(rs.getLong("id"), rs.getString("name"), GroupType.valueOf(rs.getString("type")),
                function == null ? GroupFunction.NONE : GroupFunction.valueOf(function));
    }
}
