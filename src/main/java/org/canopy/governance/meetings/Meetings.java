package org.canopy.governance.meetings;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.canopy.governance.GroupSummary;
import org.canopy.governance.Groups;
import org.canopy.governance.MemberRole;
import org.canopy.governance.groups.GroupTerms;
import org.canopy.partnership.AgencyDirectory;
import org.canopy.partnership.AgencySummary;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.People;
import org.canopy.partnership.RecordChanged;
import org.canopy.privacy.IdentifierGuard;
import org.canopy.web.DateInput;
import org.canopy.web.EditConflict;
import org.canopy.web.FieldProblem;
import org.canopy.web.FormFields;
import org.canopy.web.InvalidInput;
import org.canopy.web.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A group's meetings: scheduling, members' agenda items, attendance and whether the meeting was quorate. */
@Service
class Meetings {

    /** A meeting of a group; {@code held} once attendance is recorded, after which its agenda is kept as it stood. */
    public record Meeting(long id, long groupId, LocalDate meetingDate, LocalTime startsAt, String place, Long chairUserId, boolean held,
            int version) {
    }

    /** Someone's attendance: a member (userId, with their agency) or a partner's guest for one item (agency and item). */
    public record Attendance(long id, Long userId, Long agencyId, Long agendaItemId, String status) {
    }

    /** Whether the meeting was quorate (null: no attendance yet, or no quorum set) and why, in words. */
    public record QuorumCheck(Boolean quorate, String words) {
    }

    /** The statuses a member's attendance may take. */
    static final Set<String> MEMBER_STATUSES = Set.of("PRESENT", "APOLOGIES", "ABSENT");

    private final JdbcClient jdbc;
    private final Groups groups;
    private final People people;
    private final AgencyDirectory agencies;
    private final IdentifierGuard guard;
    private final Agenda agenda;
    private final GroupTerms terms;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Meetings(JdbcClient jdbc, Groups groups, People people, AgencyDirectory agencies, IdentifierGuard guard, Agenda agenda,
            GroupTerms terms, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.groups = groups;
        this.people = people;
        this.agencies = agencies;
        this.guard = guard;
        this.agenda = agenda;
        this.terms = terms;
        this.events = events;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The group of the partnership, if the person may read it; otherwise not found (another partnership's) or refused. */
    GroupSummary readableGroup(CanopyUser user, long groupId) {
        var group = groups.byIds(user.partnershipId(), List.of(groupId)).stream().findFirst()
                .orElseThrow(() -> new NotFound("The group"));
        if (!groups.mayRead(user, groupId)) {
            throw new AccessDeniedException("This group's records are not open to you");
        }
        return group;
    }

    /** The meeting of the partnership, if the person may read its group's records. */
    Meeting readable(CanopyUser user, long meetingId) {
        var meeting = meeting(user.partnershipId(), meetingId);
        readableGroup(user, meeting.groupId());
        return meeting;
    }

    Meeting meeting(long partnershipId, long id) {
        return jdbc.sql(SELECT + " where partnership_id = ? and id = ?").params(partnershipId, id).query(Meeting.class).optional()
                .orElseThrow(() -> new NotFound("The meeting"));
    }

    /** The group's meetings, latest first. */
    List<Meeting> ofGroup(long partnershipId, long groupId) {
        return jdbc.sql(SELECT + " where partnership_id = ? and group_id = ? order by meeting_date desc, id desc")
                .params(partnershipId, groupId).query(Meeting.class).list();
    }

    /** The group's next meeting on or after {@code day}, if one is scheduled. */
    Optional<Meeting> next(long partnershipId, long groupId, LocalDate day) {
        return jdbc.sql(SELECT + " where partnership_id = ? and group_id = ? and meeting_date >= ? order by meeting_date, id"
                + " fetch first 1 row only").params(partnershipId, groupId, day).query(Meeting.class).optional();
    }

    /** The meetings of the given groups from {@code from}, soonest first: a person's calendar. */
    List<Meeting> ofGroups(long partnershipId, Collection<Long> groupIds, LocalDate from) {
        if (groupIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where partnership_id = :p and group_id in (:g) and meeting_date >= :from order by meeting_date, id")
                .param("p", partnershipId).param("g", groupIds).param("from", from).query(Meeting.class).list();
    }

    /**
     * Schedules a meeting of the group (its chair, vice-chair or the administrator): a date today or later, a start time
     * (24-hour, optional), the place or "online" and who chairs it (a member; for the executive, whichever lead partner's
     * turn it is). Without a chair named, the group's chair chairs it.
     */
    @Transactional
    Meeting schedule(CanopyUser user, long groupId, DateInput date, String startTime, String place, String chairId) {
        readableGroup(user, groupId);
        requireRunner(user, groupId);
        var problems = new ArrayList<FieldProblem>();
        LocalDate day = date.read("date", "The meeting's date", true, DateInput.Range.PLANNED, today(), problems);
        if (day != null && day.isBefore(today())) {
            problems.add(FieldProblem.of("date", "A new meeting's date must be today or later"));
        }
        LocalTime starts = null;
        if (startTime != null && !startTime.isBlank()) {
            try {
                starts = LocalTime.parse(startTime.strip().length() == 4 ? "0" + startTime.strip() : startTime.strip());
            } catch (DateTimeParseException e) {
                problems.add(FieldProblem.of("startTime", "The start time must be a time on the 24-hour clock, like 14:30"));
            }
        }
        String where = guard.freeText("place", "The place", place, false, 200, problems, FieldProblem::of);
        Long chair = chair(groupId, chairId, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into meeting (partnership_id, group_id, meeting_date, starts_at, place, chair_user_id, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(user.partnershipId(), groupId, day, starts, where, chair, user.getUsername(), LocalDateTime.now(clock))
                .update(keys, "id");
        var meeting = meeting(user.partnershipId(), keys.getKey().longValue());
        events.publishEvent(RecordChanged.by(user, "meeting", meeting.id(), "scheduled", "Scheduled a meeting on " + day, null, meeting));
        return meeting;
    }

    private Long chair(long groupId, String chairId, List<FieldProblem> problems) {
        if (chairId == null || chairId.isBlank()) {
            return groups.memberIdsByGroup(List.of(groupId)).getOrDefault(groupId, Set.of()).stream()
                    .filter(id -> groups.roleIn(groupId, id).orElse(MemberRole.MEMBER) == MemberRole.CHAIR).sorted().findFirst()
                    .orElse(null);
        }
        long id = FormFields.id(chairId);
        if (groups.roleIn(groupId, id).isEmpty()) {
            problems.add(FieldProblem.of("chair", "Select a member of the group to chair the meeting"));
            return null;
        }
        return id;
    }

    /** Adds a member's item to a meeting not yet held, optionally with a partner invited for that item only. */
    @Transactional
    Agenda.Item addItem(CanopyUser user, long meetingId, String title, String detail, String invitedAgencyId) {
        var meeting = readable(user, meetingId);
        if (!groups.takesPart(user, meeting.groupId())) {
            throw new AccessDeniedException("Only the group's members add items to its agenda");
        }
        var problems = new ArrayList<FieldProblem>();
        if (meeting.held()) {
            problems.add(FieldProblem.of("title", "This meeting has been held: add the item to the group's next meeting"));
        }
        String t = guard.freeText("title", "The item", title, true, 300, problems, FieldProblem::of);
        String d = guard.freeText("detail", "The item's detail", detail, false, 2000, problems, FieldProblem::of);
        Long invited = null;
        if (invitedAgencyId != null && !invitedAgencyId.isBlank()) {
            long a = FormFields.id(invitedAgencyId);
            if (agencies.agencies(user.partnershipId()).stream().noneMatch(x -> x.id() == a)) {
                problems.add(FieldProblem.of("invitedAgency", "Select an agency of the partnership to invite"));
            } else {
                invited = a;
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var item = agenda.addMemberItem(user.partnershipId(), user.getUsername(), meetingId, meeting.groupId(), t, d, invited);
        events.publishEvent(RecordChanged.by(user, "meeting", meetingId, "item-added", "Added " + t + " to the agenda", null, item));
        return item;
    }

    /** The attendance recorded at the meeting. */
    List<Attendance> attendance(long partnershipId, long meetingId) {
        return jdbc.sql("""
                select id, user_id, agency_id, agenda_item_id, status from meeting_attendance
                where partnership_id = ? and meeting_id = ? order by id""").params(partnershipId, meetingId)
                .query(Attendance.class).list();
    }

    /**
     * Records who attended (each member present, apologies or absent; each invited partner's guest), on or after the
     * meeting's date: the meeting is then held and its agenda kept as it stood. Recording again replaces the attendance.
     */
    @Transactional
    void recordAttendance(CanopyUser user, long meetingId, int version, Map<Long, String> members, Set<Long> guestItems) {
        var meeting = readable(user, meetingId);
        requireRunner(user, meeting.groupId());
        var group = readableGroup(user, meeting.groupId());
        if (meeting.meetingDate().isAfter(today())) {
            throw new InvalidInput("attendance", "Attendance is recorded on or after the meeting's date");
        }
        var memberIds = groups.memberIdsByGroup(List.of(meeting.groupId())).getOrDefault(meeting.groupId(), Set.of());
        var problems = new ArrayList<FieldProblem>();
        members.forEach((id, status) -> {
            if (!memberIds.contains(id) || !MEMBER_STATUSES.contains(status)) {
                problems.add(FieldProblem.of("attendance", "Select present, apologies or absent for each member"));
            }
        });
        var invited = new HashMap<Long, Long>();
        agenda.stored(user.partnershipId(), meetingId).stream().filter(i -> i.invitedAgencyId() != null)
                .forEach(i -> invited.put(i.id(), i.invitedAgencyId()));
        if (!invited.keySet().containsAll(guestItems)) {
            problems.add(FieldProblem.of("attendance", "A guest attends for an item a partner was invited to"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems.subList(0, 1));
        }
        int changed = jdbc.sql("update meeting set held = true, version = version + 1 where partnership_id = ? and id = ? and version = ?")
                .params(user.partnershipId(), meetingId, version).update();
        if (changed == 0) {
            throw new EditConflict("Someone else changed this meeting since you opened it: check the attendance again");
        }
        if (!meeting.held()) {
            agenda.keep(user.partnershipId(), user.getUsername(), meeting, group);
        }
        var before = attendance(user.partnershipId(), meetingId);
        jdbc.sql("delete from meeting_attendance where partnership_id = ? and meeting_id = ?").params(user.partnershipId(), meetingId)
                .update();
        var agencyOf = agencyIdsOf(user.partnershipId(), members.keySet());
        members.forEach((id, status) -> jdbc.sql("""
                insert into meeting_attendance (partnership_id, meeting_id, user_id, agency_id, status) values (?, ?, ?, ?, ?)""")
                .params(user.partnershipId(), meetingId, id, agencyOf.get(id), status).update());
        guestItems.forEach(item -> jdbc.sql("""
                insert into meeting_attendance (partnership_id, meeting_id, agency_id, agenda_item_id, status) values (?, ?, ?, ?, 'GUEST')""")
                .params(user.partnershipId(), meetingId, invited.get(item), item).update());
        events.publishEvent(RecordChanged.by(user, "meeting", meetingId, "attendance", "Recorded the attendance of the meeting on "
                + meeting.meetingDate(), before, attendance(user.partnershipId(), meetingId)));
    }

    /** Each person's agency id, by the agency their account names. */
    private Map<Long, Long> agencyIdsOf(long partnershipId, Collection<Long> userIds) {
        var byName = new HashMap<String, Long>();
        agencies.agencies(partnershipId).forEach(a -> byName.put(a.name(), a.id()));
        var out = new HashMap<Long, Long>();
        people.byIds(partnershipId, userIds).forEach(p -> {
            if (p.agencyName() != null && byName.containsKey(p.agencyName())) {
                out.put(p.id(), byName.get(p.agencyName()));
            }
        });
        return out;
    }

    /** The quorum of the group's terms of reference checked against the members present (guests do not count). */
    QuorumCheck quorum(long partnershipId, Meeting meeting) {
        var quorum = terms.quorumOf(partnershipId, meeting.groupId());
        if (quorum.isEmpty()) {
            return new QuorumCheck(null, "The terms of reference set no quorum");
        }
        if (!meeting.held()) {
            return new QuorumCheck(null, "Attendance has not been recorded yet; the terms of reference need "
                    + members(quorum.get().members()) + " present");
        }
        var present = attendance(partnershipId, meeting.id()).stream().filter(a -> "PRESENT".equals(a.status())).toList();
        int count = present.size();
        var why = new ArrayList<String>();
        boolean met = true;
        String counted = members(count) + " present";
        if (count < quorum.get().members()) {
            met = false;
        }
        why.add(counted + "; the terms of reference need " + quorum.get().members());
        var presentAgencies = present.stream().map(Attendance::agencyId).filter(Objects::nonNull).toList();
        var missing = agencies.agencies(partnershipId).stream().filter(a -> quorum.get().agencyIds().contains(a.id())
                && !presentAgencies.contains(a.id())).map(AgencySummary::name).toList();
        if (!missing.isEmpty()) {
            met = false;
            why.add("not represented: " + String.join(", ", missing));
        } else if (!quorum.get().agencyIds().isEmpty()) {
            why.add("every agency the terms of reference name was represented");
        }
        return new QuorumCheck(met, (met ? "Quorate: " : "Not quorate: ") + String.join("; ", why));
    }

    private static String members(int n) {
        return n + (n == 1 ? " member" : " members");
    }

    void requireRunner(CanopyUser user, long groupId) {
        if (!groups.runs(user, groupId)) {
            throw new AccessDeniedException("Only the group's chair, vice-chair or the administrator manages its meetings");
        }
    }

    private static final String SELECT = """
            select id, group_id, meeting_date, starts_at, place, chair_user_id, held, version from meeting""";
}
