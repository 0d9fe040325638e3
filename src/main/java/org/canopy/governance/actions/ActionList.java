package org.canopy.governance.actions;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.canopy.governance.Groups;
import org.canopy.partnership.AgencyDirectory;
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

/** A group's action list: actions raised at its meetings, each with an owner, an agency, a due date and a status. */
@Service
public class ActionList {

    /** Where an action stands; open and in-progress actions carry to the next agenda. */
    public enum Status {
        OPEN("Open"), IN_PROGRESS("In progress"), DONE("Done"), DROPPED("Dropped");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        /** The status as shown to people. */
        public String label() {
            return label;
        }

        /** Whether the action is still to be done. */
        public boolean open() {
            return this == OPEN || this == IN_PROGRESS;
        }
    }

    /** One action of a group's action list. */
    public record Action(long id, long groupId, Long meetingId, String text, long ownerUserId, Long agencyId, LocalDate dueOn,
            Status status, int version) {

        /** Whether the action is still open after its due date. */
        public boolean overdueOn(LocalDate day) {
            return status.open() && dueOn.isBefore(day);
        }
    }

    private static final String SELECT = """
            select id, group_id, meeting_id, text, owner_user_id, agency_id, due_on, status, version from group_action""";

    private final JdbcClient jdbc;
    private final Groups groups;
    private final People people;
    private final AgencyDirectory agencies;
    private final IdentifierGuard guard;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ActionList(JdbcClient jdbc, Groups groups, People people, AgencyDirectory agencies, IdentifierGuard guard,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.groups = groups;
        this.people = people;
        this.agencies = agencies;
        this.guard = guard;
        this.events = events;
        this.clock = clock;
    }

    /** Today, by the application's clock. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Every action of the group, by due date. */
    public List<Action> ofGroup(long partnershipId, long groupId) {
        return jdbc.sql(SELECT + " where partnership_id = ? and group_id = ? order by due_on, id").params(partnershipId, groupId)
                .query(Action.class).list();
    }

    /** The group's open and in-progress actions, by due date: what its next agenda carries forward. */
    public List<Action> openOf(long partnershipId, long groupId) {
        return ofGroup(partnershipId, groupId).stream().filter(a -> a.status().open()).toList();
    }

    /** The actions raised at a meeting. */
    public List<Action> raisedAt(long partnershipId, long meetingId) {
        return jdbc.sql(SELECT + " where partnership_id = ? and meeting_id = ? order by id").params(partnershipId, meetingId)
                .query(Action.class).list();
    }

    /** One action of the partnership. */
    public Optional<Action> action(long partnershipId, long id) {
        return jdbc.sql(SELECT + " where partnership_id = ? and id = ?").params(partnershipId, id).query(Action.class).optional();
    }

    /**
     * Raises an action at a meeting of the group (its chair, vice-chair or the administrator): the text, the owner (a
     * person of the partnership), the agency (optional) and the due date are all checked before anything is stored.
     */
    @Transactional
    public Action raise(CanopyUser user, long groupId, Long meetingId, String text, String ownerId, String agencyId, DateInput due) {
        if (!groups.runs(user, groupId)) {
            throw new AccessDeniedException("Only the group's chair, vice-chair or the administrator raises its actions");
        }
        var problems = new ArrayList<FieldProblem>();
        String t = guard.freeText("actionText", "The action", text, true, 1000, problems, FieldProblem::of);
        long owner = FormFields.id(ownerId);
        if (people.byIds(user.partnershipId(), List.of(owner)).isEmpty()) {
            problems.add(FieldProblem.of("owner", "Select who owns the action"));
        }
        Long agency = null;
        if (agencyId != null && !agencyId.isBlank()) {
            long a = FormFields.id(agencyId);
            if (agencies.agencies(user.partnershipId()).stream().noneMatch(x -> x.id() == a)) {
                problems.add(FieldProblem.of("agency", "Select an agency of the partnership"));
            } else {
                agency = a;
            }
        }
        LocalDate dueOn = due.read("due", "The due date", true, DateInput.Range.PLANNED, today(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into group_action (partnership_id, group_id, meeting_id, text, owner_user_id, agency_id, due_on, status,
                                          raised_by, raised_at)
                values (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)""")
                .params(user.partnershipId(), groupId, meetingId, t, owner, agency, dueOn, user.getUsername(), LocalDateTime.now(clock))
                .update(keys, "id");
        var raised = action(user.partnershipId(), keys.getKey().longValue()).orElseThrow();
        events.publishEvent(RecordChanged.by(user, "action", raised.id(), "raised", "Raised the action " + t, null, raised));
        return raised;
    }

    /** Whether the person may change the action's status: its owner, or the group's chair, vice-chair or the administrator. */
    public boolean mayUpdate(CanopyUser user, Action action) {
        return groups.runs(user, action.groupId()) || (action.ownerUserId() == user.id() && writer(user));
    }

    /** Sets the action's status; a change by someone else since {@code version} is a conflict. */
    @Transactional
    public Action setStatus(CanopyUser user, long id, String status, int version) {
        var before = action(user.partnershipId(), id).orElseThrow(() -> new NotFound("The action"));
        if (!groups.mayRead(user, before.groupId()) || !mayUpdate(user, before)) {
            throw new AccessDeniedException("Only the action's owner or the group's chair updates it");
        }
        Status next;
        try {
            next = Status.valueOf(status == null ? "" : status);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("status", "Select the action's status");
        }
        int changed = jdbc.sql("""
                update group_action set status = ?, version = version + 1 where partnership_id = ? and id = ? and version = ?""")
                .params(next.name(), user.partnershipId(), id, version).update();
        if (changed == 0) {
            throw new EditConflict("Someone else changed this action since you opened the page: its status is shown as it now is");
        }
        var after = action(user.partnershipId(), id).orElseThrow();
        events.publishEvent(RecordChanged.by(user, "action", id, "status", "Set the action " + before.text() + " to "
                + next.label(), before, after));
        return after;
    }

    /** Scrutineers and viewers never write a group's records, whatever they own. */
    private static boolean writer(CanopyUser user) {
        return switch (user.role()) {
            case INDEPENDENT_SCRUTINEER, YOUNG_SCRUTINEER, VIEWER -> false;
            default -> true;
        };
    }
}
