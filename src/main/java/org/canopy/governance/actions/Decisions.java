package org.canopy.governance.actions;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.canopy.governance.Groups;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.RecordChanged;
import org.canopy.privacy.IdentifierGuard;
import org.canopy.web.FieldProblem;
import org.canopy.web.InvalidInput;
import org.canopy.web.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The partnership's decisions register: what each group decided, at which meeting, when and who recorded it. */
@Service
public class Decisions {

    /** One decision in the register. */
    public record Decision(long id, long groupId, Long meetingId, LocalDate decidedOn, String text, String recordedBy) {
    }

    private static final String SELECT = "select id, group_id, meeting_id, decided_on, text, recorded_by from group_decision";

    private final JdbcClient jdbc;
    private final Groups groups;
    private final IdentifierGuard guard;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Decisions(JdbcClient jdbc, Groups groups, IdentifierGuard guard, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.groups = groups;
        this.guard = guard;
        this.events = events;
        this.clock = clock;
    }

    /** The partnership's register, newest first. */
    public List<Decision> register(long partnershipId) {
        return jdbc.sql(SELECT + " where partnership_id = ? order by decided_on desc, id desc").param(partnershipId)
                .query(Decision.class).list();
    }

    /** The decisions recorded at a meeting. */
    public List<Decision> atMeeting(long partnershipId, long meetingId) {
        return jdbc.sql(SELECT + " where partnership_id = ? and meeting_id = ? order by id").params(partnershipId, meetingId)
                .query(Decision.class).list();
    }

    /** Records a decision of the group as its chair, vice-chair or the administrator (checked here). */
    @Transactional
    public Decision record(CanopyUser user, long groupId, Long meetingId, LocalDate decidedOn, String text) {
        if (!groups.runs(user, groupId)) {
            throw new AccessDeniedException("Only the group's chair, vice-chair or the administrator records its decisions");
        }
        return record(user.partnershipId(), user.getUsername(), groupId, meetingId, decidedOn, text);
    }

    /**
     * Records a decision of the group for a feature of governance that has checked the right itself (an escalation the
     * executive decided, say): the text is checked for identifiers and refused with {@link InvalidInput}.
     */
    @Transactional
    public Decision record(long partnershipId, String actor, long groupId, Long meetingId, LocalDate decidedOn, String text) {
        if (groups.byIds(partnershipId, List.of(groupId)).isEmpty()) {
            throw new NotFound("The group");
        }
        var problems = new ArrayList<FieldProblem>();
        String t = guard.freeText("decision", "The decision", text, true, 2000, problems, FieldProblem::of);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into group_decision (partnership_id, group_id, meeting_id, decided_on, text, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(partnershipId, groupId, meetingId, decidedOn, t, actor, LocalDateTime.now(clock)).update(keys, "id");
        long id = keys.getKey().longValue();
        var decision = new Decision(id, groupId, meetingId, decidedOn, t, actor);
        events.publishEvent(new RecordChanged(partnershipId, actor, "decision", String.valueOf(id), "recorded",
                "Recorded the decision " + t, null, decision));
        return decision;
    }
}
