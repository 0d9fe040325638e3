package org.canopy.governance.escalations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.canopy.governance.EscalationKind;
import org.canopy.governance.EscalationStatus;
import org.canopy.governance.ExecutiveEscalations;
import org.canopy.governance.Groups;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.RecordChanged;
import org.canopy.partnership.Role;
import org.canopy.privacy.IdentifierGuard;
import org.canopy.web.EditConflict;
import org.canopy.web.FieldProblem;
import org.canopy.web.InvalidInput;
import org.canopy.web.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The escalations to the executive, kept with each step of their history. */
@Service
class EscalationRegister implements ExecutiveEscalations {

    private final JdbcClient jdbc;
    private final Groups groups;
    private final IdentifierGuard guard;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EscalationRegister(JdbcClient jdbc, Groups groups, IdentifierGuard guard, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.groups = groups;
        this.guard = guard;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Escalation raise(CanopyUser user, long fromGroupId, EscalationKind kind, String subject, String reason, String link) {
        var group = groups.byIds(user.partnershipId(), List.of(fromGroupId)).stream().findFirst()
                .orElseThrow(() -> new NotFound("The group"));
        if (!groups.takesPart(user, group.id())) {
            throw new AccessDeniedException("Only the group's members and the administrator escalate from it to the executive");
        }
        var problems = new ArrayList<FieldProblem>();
        String subjectText = guard.freeText("subject", "The subject", subject, true, 300, problems, FieldProblem::of);
        String reasonText = guard.freeText("reason", "The reason", reason, true, 4000, problems, FieldProblem::of);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var now = LocalDateTime.now(clock);
        long id = insert(user.partnershipId(), group.id(), kind == null ? EscalationKind.ITEM : kind, subjectText, reasonText,
                link, EscalationStatus.OPEN, user.getUsername(), now, null, null, null, null);
        step(id, user.getUsername(), EscalationStatus.OPEN, reasonText, now);
        var raised = require(user.partnershipId(), id);
        events.publishEvent(RecordChanged.by(user, "executive-escalation", id, "raised",
                "Escalated " + subjectText + " from " + group.name() + " to the executive", null, raised));
        events.publishEvent(new ExecutiveToldOfGroupEscalation.Raised(user.partnershipId(), id, raised.kind(), group.name(),
                user.getUsername()));
        return raised;
    }

    @Override
    @Transactional
    public Escalation decide(CanopyUser user, long id, String decision, String actions, int version) {
        var current = require(user.partnershipId(), id);
        if (!mayDecide(user)) {
            throw new AccessDeniedException("Only the executive records decisions on escalations");
        }
        if (current.status() != EscalationStatus.OPEN) {
            throw new InvalidInput("decision", "This escalation already has a decision");
        }
        var problems = new ArrayList<FieldProblem>();
        String decisionText = guard.freeText("decision", "The decision", decision, true, 4000, problems, FieldProblem::of);
        String actionsText = guard.freeText("actions", "The actions", actions, false, 4000, problems, FieldProblem::of);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var now = LocalDateTime.now(clock);
        int changed = jdbc.sql("""
                update executive_escalation set status = ?, decision = ?, decision_actions = ?, decided_by = ?, decided_at = ?,
                       version = version + 1 where id = ? and partnership_id = ? and version = ?""")
                .params(EscalationStatus.DECIDED.name(), decisionText, actionsText, user.getUsername(), now, id,
                        user.partnershipId(), version).update();
        if (changed == 0) {
            throw new EditConflict("Someone else changed this escalation since you opened it: check it again");
        }
        step(id, user.getUsername(), EscalationStatus.DECIDED, decisionText + (actionsText == null ? "" : "\nActions: " + actionsText), now);
        var decided = require(user.partnershipId(), id);
        events.publishEvent(RecordChanged.by(user, "executive-escalation", id, "decided",
                "Recorded the executive's decision on " + current.subject(), current, decided));
        return decided;
    }

    @Override
    @Transactional
    public Escalation close(CanopyUser user, long id, String outcome, int version) {
        var current = require(user.partnershipId(), id);
        if (!mayClose(user, current)) {
            throw new AccessDeniedException("Only the executive and the group that escalated close an escalation");
        }
        if (current.status() != EscalationStatus.DECIDED) {
            throw new InvalidInput("note", current.status() == EscalationStatus.OPEN
                    ? "The executive must decide before the escalation is closed" : "This escalation is already closed");
        }
        var problems = new ArrayList<FieldProblem>();
        String text = guard.freeText("note", "The outcome", outcome, true, 4000, problems, FieldProblem::of);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var now = LocalDateTime.now(clock);
        int changed = jdbc.sql("""
                update executive_escalation set status = ?, outcome = ?, closed_by = ?, closed_at = ?, version = version + 1
                where id = ? and partnership_id = ? and version = ?""")
                .params(EscalationStatus.CLOSED.name(), text, user.getUsername(), now, id, user.partnershipId(), version).update();
        if (changed == 0) {
            throw new EditConflict("Someone else changed this escalation since you opened it: check it again");
        }
        step(id, user.getUsername(), EscalationStatus.CLOSED, text, now);
        var closed = require(user.partnershipId(), id);
        events.publishEvent(RecordChanged.by(user, "executive-escalation", id, "closed",
                "Closed the escalation of " + current.subject(), current, closed));
        return closed;
    }

    @Override
    public boolean mayDecide(CanopyUser user) {
        return user.isAdministrator() || user.role() == Role.EXECUTIVE;
    }

    @Override
    public boolean mayClose(CanopyUser user, Escalation escalation) {
        return mayDecide(user) || groups.takesPart(user, escalation.fromGroupId());
    }

    @Override
    public Optional<Escalation> find(long partnershipId, long id) {
        return jdbc.sql(SELECT + " where e.partnership_id = ? and e.id = ?").params(partnershipId, id)
                .query(EscalationRegister::escalation).optional();
    }

    @Override
    public List<Escalation> byIds(long partnershipId, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where e.partnership_id = :p and e.id in (:ids)").param("p", partnershipId)
                .param("ids", ids).query(EscalationRegister::escalation).list();
    }

    /** The partnership's escalations: open first, then decided, then closed, newest first within each. */
    List<Escalation> all(long partnershipId) {
        return jdbc.sql(SELECT + " where e.partnership_id = ? order by case e.status when 'OPEN' then 0 when 'DECIDED' then 1"
                + " else 2 end, e.raised_at desc, e.id desc").param(partnershipId).query(EscalationRegister::escalation).list();
    }

    /** The partnership's escalations the person may read (those of groups whose records they read). */
    List<Escalation> readableBy(CanopyUser user) {
        var readable = new java.util.HashMap<Long, Boolean>(); // one check per group, not per escalation
        return all(user.partnershipId()).stream()
                .filter(e -> readable.computeIfAbsent(e.fromGroupId(), g -> groups.mayRead(user, g))).toList();
    }

    /** The escalation if the person may read it; not found otherwise (another partnership's, or a group they do not read). */
    Escalation readable(CanopyUser user, long id) {
        return find(user.partnershipId(), id).filter(e -> groups.mayRead(user, e.fromGroupId()))
                .orElseThrow(() -> new NotFound("The escalation"));
    }

    /** The ids of the partnership's groups, by name. */
    List<Long> groupIds(long partnershipId) {
        return jdbc.sql("select id from partnership_group where partnership_id = ? order by name").param(partnershipId)
                .query(Long.class).list();
    }

    @Override
    public List<Step> history(long partnershipId, long id) {
        return jdbc.sql("""
                select s.happened_at, s.actor, s.status, s.note from executive_escalation_step s
                join executive_escalation e on e.id = s.escalation_id where e.partnership_id = ? and e.id = ? order by s.id""")
                .params(partnershipId, id).query((rs, n) -> new Step(rs.getObject(1, LocalDateTime.class), rs.getString(2),
                        EscalationStatus.valueOf(rs.getString(3)), rs.getString(4))).list();
    }

    @Override
    @Transactional
    public long adopt(Adoption a) {
        var existing = jdbc.sql("select id from executive_escalation where partnership_id = ? and kind = ? and source_ref = ?")
                .params(a.partnershipId(), a.kind().name(), a.link()).query(Long.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        long id = insert(a.partnershipId(), a.fromGroupId(), a.kind(), a.subject(), a.reason(), a.link(), a.status(),
                a.raisedBy(), a.raisedAt(), a.decision(), a.decisionActions(), a.decidedBy(), a.decidedAt());
        // The closing step holds the outcome: the older records kept it only there.
        a.steps().stream().filter(s -> s.status() == EscalationStatus.CLOSED).reduce((x, y) -> y).ifPresent(closing ->
                jdbc.sql("update executive_escalation set outcome = ?, closed_by = ?, closed_at = ? where id = ?")
                        .params(closing.note(), closing.actor(), closing.at(), id).update());
        a.steps().forEach(s -> step(id, s.actor(), s.status(), s.note(), s.at()));
        events.publishEvent(new RecordChanged(a.partnershipId(), "system", "executive-escalation", String.valueOf(id),
                "adopted", "Kept the escalation of " + a.subject() + " among the escalations to the executive", null,
                require(a.partnershipId(), id)));
        return id;
    }

    private Escalation require(long partnershipId, long id) {
        return find(partnershipId, id).orElseThrow(() -> new NotFound("The escalation"));
    }

    private long insert(long partnershipId, long groupId, EscalationKind kind, String subject, String reason, String link,
            EscalationStatus status, String raisedBy, LocalDateTime raisedAt, String decision, String actions,
            String decidedBy, LocalDateTime decidedAt) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into executive_escalation (partnership_id, from_group_id, kind, subject, reason, source_ref, status,
                    raised_by, raised_at, decision, decision_actions, decided_by, decided_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(partnershipId, groupId, kind.name(), subject, reason, link, status.name(), raisedBy, raisedAt,
                        decision, actions, decidedBy, decidedAt).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    private void step(long id, String actor, EscalationStatus status, String note, LocalDateTime at) {
        jdbc.sql("insert into executive_escalation_step (escalation_id, happened_at, actor, status, note) values (?, ?, ?, ?, ?)")
                .params(id, at, actor, status.name(), note).update();
    }

    private static final String SELECT = """
            select e.id, e.from_group_id, g.name, e.kind, e.subject, e.reason, e.source_ref, e.status, e.raised_by, e.raised_at,
                   e.decision, e.decision_actions, e.decided_by, e.decided_at, e.outcome, e.closed_by, e.closed_at, e.version
            from executive_escalation e join partnership_group g on g.id = e.from_group_id""";

    private static Escalation escalation(ResultSet rs, int n) throws SQLException {
        return new Escalation(rs.getLong(1), rs.getLong(2), rs.getString(3), EscalationKind.valueOf(rs.getString(4)),
                rs.getString(5), rs.getString(6), rs.getString(7), EscalationStatus.valueOf(rs.getString(8)), rs.getString(9),
                rs.getObject(10, LocalDateTime.class), rs.getString(11), rs.getString(12), rs.getString(13),
                rs.getObject(14, LocalDateTime.class), rs.getString(15), rs.getString(16), rs.getObject(17, LocalDateTime.class),
                rs.getInt(18));
    }
}
