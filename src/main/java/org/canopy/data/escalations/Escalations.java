package org.canopy.data.escalations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.canopy.data.checks.FigureChecks;
import org.canopy.data.observations.DataStore;
import org.canopy.data.rounds.DataRounds;
import org.canopy.data.EscalationRaised;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.RecordChanged;
import org.canopy.partnership.Role;
import org.canopy.web.EditConflict;
import org.canopy.web.FieldProblem;
import org.canopy.web.InvalidInput;
import org.canopy.web.NotFound;
import org.canopy.web.StatusTag;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Escalations to the executive: the quality assurance group flags an indicator's period with a reason;
 * the executive records a decision and the actions it asks for; the escalation is closed once dealt
 * with. Each step is kept in the escalation's history.
 */
@Service
public class Escalations {

    /** Where an escalation to the executive stands. */
    public enum Status implements StatusTag {
        OPEN("Open: awaiting the executive", "govuk-tag--red"), DECIDED("Decided: actions under way", "govuk-tag--yellow"),
        CLOSED("Closed", "govuk-tag--green");

        private final Tag tag;

        Status(String label, String tagClass) { tag = new Tag(label, tagClass); }

        @Override public Tag tag() { return tag; }
    }

    public record Escalation(long id, String indicatorCode, String indicatorName, String period, String reason, Status status,
            String raisedBy, LocalDateTime raisedAt, String decision, String decisionActions, String decidedBy,
            LocalDateTime decidedAt, int version) {
    }

    record Step(LocalDateTime at, String actor, Status status, String note) {
    }

    private final JdbcClient jdbc;
    private final DataStore store;
    private final DataRounds rounds;
    private final FigureChecks checks;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Escalations(JdbcClient jdbc, DataStore store, DataRounds rounds, FigureChecks checks, ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.rounds = rounds;
        this.checks = checks;
        this.events = events;
        this.clock = clock;
    }

    /** The executive's members and the administrator record decisions. */
    static boolean mayDecide(CanopyUser user) {
        return user.isAdministrator() || user.role() == Role.EXECUTIVE;
    }

    public List<Escalation> escalations(long partnershipId) {
        return jdbc.sql(SELECT + " where e.partnership_id = ? order by case e.status when 'OPEN' then 0 when 'DECIDED' then 1 else 2 end,"
                + " e.raised_at desc").param(partnershipId).query(Escalations::escalation).list();
    }

    public List<Escalation> forIndicator(long partnershipId, String code) {
        return escalations(partnershipId).stream().filter(e -> e.indicatorCode().equals(code)).toList();
    }

    Escalation escalation(long partnershipId, long id) {
        return jdbc.sql(SELECT + " where e.partnership_id = ? and e.id = ?").params(partnershipId, id)
                .query(Escalations::escalation).optional().orElseThrow(() -> new NotFound("The escalation"));
    }

    List<Step> history(long escalationId) {
        return jdbc.sql("select happened_at, actor, status, note from escalation_event where escalation_id = ? order by id")
                .param(escalationId)
                .query((rs, n) -> new Step(rs.getObject(1, LocalDateTime.class), rs.getString(2), Status.valueOf(rs.getString(3)),
                        rs.getString(4))).list();
    }

    @Transactional
    Escalation raise(CanopyUser user, String code, String period, String reason) {
        if (!rounds.isReviewer(user)) {
            throw new AccessDeniedException("Only the quality assurance group's chairs and the administrator escalate to the executive");
        }
        var indicator = store.indicator(user.partnershipId(), code).orElseThrow(() -> new NotFound("The indicator " + code));
        var problems = new ArrayList<FieldProblem>();
        var home = store.homeArea(user.partnershipId());
        boolean held = home.isPresent() && store.seriesIn(indicator.id(), List.of(home.get().id())).stream()
                .anyMatch(o -> o.period().equals(period));
        if (!held) {
            problems.add(FieldProblem.of("period", "Choose a period that has a figure"));
        }
        String text = checked("reason", "The reason", reason, true, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var now = LocalDateTime.now(clock);
        long id = store.insert("""
                insert into escalation (partnership_id, indicator_id, period, reason, status, raised_by, raised_at)
                values (?, ?, ?, ?, ?, ?, ?)""", user.partnershipId(), indicator.id(), period, text, Status.OPEN.name(),
                user.getUsername(), now);
        step(id, user, Status.OPEN, text, now);
        var raised = escalation(user.partnershipId(), id);
        events.publishEvent(RecordChanged.by(user, "escalation", id, "raised", "Escalated " + indicator.name() + " ("
                + period + ") to the executive", null, raised));
        events.publishEvent(new EscalationRaised(user.partnershipId(), id, indicator.code(), indicator.name(), period,
                user.getUsername()));
        return raised;
    }

    /** The executive's decision and the actions it asks for. */
    @Transactional
    Escalation decide(CanopyUser user, long id, String decision, String actions, int version) {
        if (!mayDecide(user)) {
            throw new AccessDeniedException("Only the executive records decisions on escalations");
        }
        var current = escalation(user.partnershipId(), id);
        if (current.status() != Status.OPEN) {
            throw new InvalidInput("decision", "This escalation already has a decision");
        }
        var problems = new ArrayList<FieldProblem>();
        String decisionText = checked("decision", "The decision", decision, true, problems);
        String actionsText = checked("actions", "The actions", actions, false, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var now = LocalDateTime.now(clock);
        int changed = jdbc.sql("""
                update escalation set status = ?, decision = ?, decision_actions = ?, decided_by = ?, decided_at = ?,
                       version = version + 1 where id = ? and version = ?""")
                .params(Status.DECIDED.name(), decisionText, actionsText, user.getUsername(), now, id, version).update();
        if (changed == 0) {
            throw new EditConflict("Someone else changed this escalation since you opened it: check it again");
        }
        step(id, user, Status.DECIDED, decisionText + (actionsText == null ? "" : "\nActions: " + actionsText), now);
        var decided = escalation(user.partnershipId(), id);
        events.publishEvent(RecordChanged.by(user, "escalation", id, "decided", "Recorded the executive's decision on "
                + current.indicatorName() + " (" + current.period() + ")", current, decided));
        return decided;
    }

    /** Closes an escalation once its actions are done, with a note of the outcome. */
    @Transactional
    Escalation close(CanopyUser user, long id, String note, int version) {
        if (!mayDecide(user) && !rounds.isReviewer(user)) {
            throw new AccessDeniedException("Only the executive and the quality assurance group close escalations");
        }
        var current = escalation(user.partnershipId(), id);
        if (current.status() != Status.DECIDED) {
            throw new InvalidInput("note", current.status() == Status.OPEN ? "The executive must decide before the escalation is closed"
                    : "This escalation is already closed");
        }
        var problems = new ArrayList<FieldProblem>();
        String text = checked("note", "The outcome", note, true, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var now = LocalDateTime.now(clock);
        int changed = jdbc.sql("update escalation set status = ?, version = version + 1 where id = ? and version = ?")
                .params(Status.CLOSED.name(), id, version).update();
        if (changed == 0) {
            throw new EditConflict("Someone else changed this escalation since you opened it: check it again");
        }
        step(id, user, Status.CLOSED, text, now);
        var closed = escalation(user.partnershipId(), id);
        events.publishEvent(RecordChanged.by(user, "escalation", id, "closed", "Closed the escalation of "
                + current.indicatorName() + " (" + current.period() + ")", current, closed));
        return closed;
    }

    /** Free text as stored: trimmed, within 4000 characters and free of identifiers; problems added to the list. */
    private String checked(String field, String label, String text, boolean required, List<FieldProblem> problems) {
        return checks.freeText(field, label, text, required, problems);
    }

    private void step(long id, CanopyUser user, Status status, String note, LocalDateTime at) {
        jdbc.sql("insert into escalation_event (escalation_id, happened_at, actor, status, note) values (?, ?, ?, ?, ?)")
                .params(id, at, user.getUsername(), status.name(), note).update();
    }

    private static final String SELECT = """
            select e.id, i.code, i.name, e.period, e.reason, e.status, e.raised_by, e.raised_at, e.decision, e.decision_actions,
                   e.decided_by, e.decided_at, e.version
            from escalation e join indicator i on i.id = e.indicator_id""";

    private static Escalation escalation(ResultSet rs, int n) throws SQLException {
        return new Escalation(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                Status.valueOf(rs.getString(6)), rs.getString(7), rs.getObject(8, LocalDateTime.class), rs.getString(9),
                rs.getString(10), rs.getString(11), rs.getObject(12, LocalDateTime.class), rs.getInt(13));
    }
}
