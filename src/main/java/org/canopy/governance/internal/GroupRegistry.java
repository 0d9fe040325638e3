package org.canopy.governance.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.canopy.governance.GroupSummary;
import org.canopy.governance.GroupType;
import org.canopy.governance.Groups;
import org.canopy.partnership.RecordChanged;
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
        return byName(partnershipId, name).orElseGet(() -> {
            var keys = new GeneratedKeyHolder();
            jdbc.sql("insert into partnership_group (partnership_id, name, type) values (?, ?, ?)")
                    .params(partnershipId, name, type.name()).update(keys, "id");
            var created = new GroupSummary(keys.getKey().longValue(), name, type);
            events.publishEvent(new RecordChanged(partnershipId, actor, "group", String.valueOf(created.id()),
                    "created", "Added group " + name, null, created));
            return created;
        });
    }

    @Override
    public Optional<GroupSummary> byName(long partnershipId, String name) {
        return jdbc.sql("select id, name, type from partnership_group where partnership_id = ? and name = ?")
                .params(partnershipId, name).query(GroupRegistry::summary).optional();
    }

    @Override
    public List<GroupSummary> byIds(long partnershipId, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, GroupSummary> found = jdbc
                .sql("select id, name, type from partnership_group where partnership_id = :p and id in (:ids)")
                .param("p", partnershipId).param("ids", ids).query(GroupRegistry::summary).list().stream()
                .collect(Collectors.toMap(GroupSummary::id, Function.identity()));
        return ids.stream().map(found::get).filter(g -> g != null).toList();
    }

    List<GroupSummary> all(long partnershipId) {
        return jdbc.sql("select id, name, type from partnership_group where partnership_id = ? order by lower(name)")
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
    public Set<Long> groupIdsOf(long userId) {
        return new HashSet<>(jdbc.sql("select group_id from group_member where user_id = ?").param(userId)
                .query(Long.class).list());
    }

    @Override
    public Set<Long> memberIdsOf(Collection<Long> groupIds) {
        if (groupIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select distinct user_id from group_member where group_id in (:ids)")
                .param("ids", groupIds).query(Long.class).list());
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

    private static GroupSummary summary(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new GroupSummary(rs.getLong("id"), rs.getString("name"), GroupType.valueOf(rs.getString("type")));
    }
}
