package org.canopy.governance.meetings;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.canopy.governance.BusinessEntry;
import org.canopy.governance.GroupBusiness;
import org.canopy.governance.GroupSummary;
import org.canopy.governance.GroupType;
import org.canopy.governance.Groups;
import org.canopy.partnership.CanopyUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * A meeting's agenda: the standing item, the business every module brings for the meeting's date (open actions carried
 * forward, escalations, challenges) and the items members added. Until the meeting is held the first two are read
 * live; once held, what they were is kept as rows, so the agenda a meeting held never changes afterwards. Each item
 * keeps the group whose records it is, and a person is given only the items of groups whose records they read.
 */
@Component
class Agenda {

    /**
     * One item of an agenda; {@code id} is null for an item read live (not yet kept); {@code recordsOf} is the group whose
     * records it is (the meeting's own group for members' items and the standing item).
     */
    public record Item(Long id, String kind, String title, String detail, String href, String status, Long invitedAgencyId, boolean kept,
            long recordsOf) {
    }

    static final String STANDING_ESCALATIONS = "STANDING_ESCALATIONS";
    static final String MEMBER_ITEM = "MEMBER_ITEM";

    /** The groups whose every agenda has "Escalations to the Executive" as a standing item (the report's practice). */
    static final Set<GroupType> ESCALATING = EnumSet.of(GroupType.SUB_GROUP, GroupType.TASK_AND_FINISH_GROUP,
            GroupType.PRIORITY_GROUP, GroupType.PANEL);

    private static final int STANDING = 0;
    private static final int BUSINESS = 1;
    private static final int MEMBERS = 2;

    private final JdbcClient jdbc;
    private final ObjectProvider<GroupBusiness> business;
    private final Groups groups;
    private final Clock clock;

    Agenda(JdbcClient jdbc, ObjectProvider<GroupBusiness> business, Groups groups, Clock clock) {
        this.jdbc = jdbc; // the business beans are read when an agenda is built: some of them read meetings themselves
        this.business = business;
        this.groups = groups;
        this.clock = clock;
    }

    /**
     * The meeting's agenda in order (standing item, carried-forward business, members' items) as the person may read it:
     * an item of another group's records (a panel's escalation on the Executive's agenda) only for that group's readers.
     */
    List<Item> items(CanopyUser user, Meetings.Meeting meeting, GroupSummary group) {
        long partnershipId = user.partnershipId();
        var items = new ArrayList<Item>();
        if (!meeting.held()) {
            items.addAll(live(partnershipId, meeting, group));
        }
        items.addAll(stored(partnershipId, meeting.id()));
        var readable = new java.util.HashMap<Long, Boolean>();
        return items.stream().filter(i -> readable.computeIfAbsent(i.recordsOf(), g -> groups.mayRead(user, g))).toList();
    }

    /** The rows kept for the meeting (members' items, and once held everything it held), in agenda order. */
    List<Item> stored(long partnershipId, long meetingId) {
        return jdbc.sql("""
                select i.id, i.kind, i.title, i.detail, i.href, i.status, i.invited_agency_id, i.kept,
                       coalesce(i.records_of_group_id, m.group_id) as records_of
                from meeting_agenda_item i join meeting m on m.id = i.meeting_id
                where i.partnership_id = ? and i.meeting_id = ? order by i.section_order, i.id""").params(partnershipId, meetingId)
                .query(Item.class).list();
    }

    Item addMemberItem(long partnershipId, String actor, long meetingId, long groupId, String title, String detail, Long invitedAgencyId) {
        var item = new Item(null, MEMBER_ITEM, title, detail, null, null, invitedAgencyId, false, groupId);
        long id = insert(partnershipId, actor, meetingId, MEMBERS, item);
        return new Item(id, MEMBER_ITEM, title, detail, null, null, invitedAgencyId, false, groupId);
    }

    /** Keeps the live part of the agenda as rows, when the meeting is held. */
    void keep(long partnershipId, String actor, Meetings.Meeting meeting, GroupSummary group) {
        for (var item : live(partnershipId, meeting, group)) {
            insert(partnershipId, actor, meeting.id(), STANDING_ESCALATIONS.equals(item.kind()) ? STANDING : BUSINESS, item);
        }
    }

    private List<Item> live(long partnershipId, Meetings.Meeting meeting, GroupSummary group) {
        var items = new ArrayList<Item>();
        if (ESCALATING.contains(group.type())) {
            items.add(new Item(null, STANDING_ESCALATIONS, "Escalations to the Executive",
                    "A standing item: concerns the group escalates to the Executive Group", null, null, null, false, group.id()));
        }
        business.orderedStream().flatMap(b -> b.businessOf(partnershipId, group, meeting.meetingDate()).stream())
                .filter(BusinessEntry::forAgenda)
                .forEach(e -> items.add(new Item(null, e.kind(), e.title(), e.detail(), e.href(), e.status(), null, false, e.recordsOf())));
        return items;
    }

    private long insert(long partnershipId, String actor, long meetingId, int section, Item item) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into meeting_agenda_item (partnership_id, meeting_id, kind, section_order, title, detail, href, status,
                                                 invited_agency_id, kept, added_by, added_at, records_of_group_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(partnershipId, meetingId, item.kind(), section, cut(item.title(), 300), cut(item.detail(), 2000),
                        cut(item.href(), 300), cut(item.status(), 100), item.invitedAgencyId(), section != MEMBERS, actor,
                        LocalDateTime.now(clock), item.recordsOf())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Another module's entry is kept as it read, within the columns' room. */
    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
    }
}
