package org.canopy.data.escalations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.canopy.data.EscalationRaised;
import org.canopy.data.checks.FigureChecks;
import org.canopy.data.observations.DataStore;
import org.canopy.data.rounds.DataRounds;
import org.canopy.governance.EscalationKind;
import org.canopy.governance.EscalationStatus;
import org.canopy.governance.ExecutiveEscalations;
import org.canopy.governance.GroupFunction;
import org.canopy.governance.Groups;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.RecordChanged;
import org.canopy.web.FieldProblem;
import org.canopy.web.InvalidInput;
import org.canopy.web.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Escalations of figures to the executive: the quality assurance group flags an indicator's period with a reason. Each is
 * one kind ({@link EscalationKind#FIGURES}) of governance's escalations to the executive, which keeps its status, the
 * executive's decision, the actions it asks for and each step of its history; this keeps the indicator and the period.
 */
@Service
public class Escalations {

    /** A figure's escalation as it stands; status, decision and version are the governance escalation's. */
    public record Escalation(long id, String indicatorCode, String indicatorName, String period, String reason,
            EscalationStatus status, String raisedBy, LocalDateTime raisedAt, String decision, String decisionActions,
            String decidedBy, LocalDateTime decidedAt, int version, Long governanceId) {
    }

    private final JdbcClient jdbc;
    private final DataStore store;
    private final DataRounds rounds;
    private final FigureChecks checks;
    private final ExecutiveEscalations executive;
    private final Groups groups;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Escalations(JdbcClient jdbc, DataStore store, DataRounds rounds, FigureChecks checks, ExecutiveEscalations executive,
            Groups groups, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.rounds = rounds;
        this.checks = checks;
        this.executive = executive;
        this.groups = groups;
        this.events = events;
        this.clock = clock;
    }

    public List<Escalation> escalations(long partnershipId) {
        var rows = jdbc.sql(SELECT + " where e.partnership_id = ? order by e.raised_at desc, e.id desc").param(partnershipId)
                .query(Escalations::escalation).list();
        var ids = rows.stream().map(Escalation::governanceId).filter(java.util.Objects::nonNull).toList();
        Map<Long, ExecutiveEscalations.Escalation> kept = new HashMap<>();
        executive.byIds(partnershipId, ids).forEach(g -> kept.put(g.id(), g));
        return rows.stream().map(e -> withGovernance(e, kept.get(e.governanceId())))
                .sorted(Comparator.comparing((Escalation e) -> e.status().ordinal())).toList();
    }

    public List<Escalation> forIndicator(long partnershipId, String code) {
        return escalations(partnershipId).stream().filter(e -> e.indicatorCode().equals(code)).toList();
    }

    Escalation escalation(long partnershipId, long id) {
        var row = jdbc.sql(SELECT + " where e.partnership_id = ? and e.id = ?").params(partnershipId, id)
                .query(Escalations::escalation).optional().orElseThrow(() -> new NotFound("The escalation"));
        return row.governanceId() == null ? row
                : withGovernance(row, executive.find(partnershipId, row.governanceId()).orElse(null));
    }

    /** The governance escalation the figure's escalation is, if it is kept there yet. */
    Optional<ExecutiveEscalations.Escalation> governance(long partnershipId, Escalation escalation) {
        return escalation.governanceId() == null ? Optional.empty() : executive.find(partnershipId, escalation.governanceId());
    }

    /** Each step of the escalation, oldest first: governance's once it keeps the escalation, the figure's own before. */
    List<ExecutiveEscalations.Step> history(long partnershipId, Escalation escalation) {
        if (escalation.governanceId() != null) {
            return executive.history(partnershipId, escalation.governanceId());
        }
        return oldSteps(escalation.id());
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
        String text = checks.freeText("reason", "The reason", reason, true, problems);
        var qualityAssurance = groups.withFunction(user.partnershipId(), GroupFunction.QUALITY_ASSURANCE);
        if (qualityAssurance.isEmpty()) {
            problems.add(FieldProblem.of("reason", "No group holds the quality assurance function: the administrator sets it on the group's page"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var now = LocalDateTime.now(clock);
        long id = store.insert("""
                insert into escalation (partnership_id, indicator_id, period, reason, status, raised_by, raised_at)
                values (?, ?, ?, ?, ?, ?, ?)""", user.partnershipId(), indicator.id(), period, text, EscalationStatus.OPEN.name(),
                user.getUsername(), now);
        var kept = executive.raise(user, qualityAssurance.get().id(), EscalationKind.FIGURES, subject(indicator.name(), period),
                text, link(id));
        jdbc.sql("update escalation set governance_escalation_id = ? where id = ?").params(kept.id(), id).update();
        var raised = escalation(user.partnershipId(), id);
        events.publishEvent(RecordChanged.by(user, "escalation", id, "raised", "Escalated " + indicator.name() + " ("
                + period + ") to the executive", null, raised));
        events.publishEvent(new EscalationRaised(user.partnershipId(), id, indicator.code(), indicator.name(), period,
                user.getUsername()));
        return raised;
    }

    /** The executive's decision and the actions it asks for, recorded on the governance escalation. */
    @Transactional
    Escalation decide(CanopyUser user, long id, String decision, String actions, int version) {
        executive.decide(user, governanceId(user.partnershipId(), id), decision, actions, version);
        return escalation(user.partnershipId(), id);
    }

    /** Closes the governance escalation once its actions are done, with a note of the outcome. */
    @Transactional
    Escalation close(CanopyUser user, long id, String note, int version) {
        executive.close(user, governanceId(user.partnershipId(), id), note, version);
        return escalation(user.partnershipId(), id);
    }

    /** The governance escalation's id, adopting the figure's escalation first if it was made before governance kept them. */
    private long governanceId(long partnershipId, long id) {
        var current = escalation(partnershipId, id);
        return current.governanceId() != null ? current.governanceId() : adopt(current, partnershipId)
                .orElseThrow(() -> new NotFound("The quality assurance group"));
    }

    /** The data escalations made before governance kept them, of every partnership. */
    List<long[]> notAdopted() {
        return jdbc.sql("select partnership_id, id from escalation where governance_escalation_id is null order by id")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
    }

    /**
     * Keeps one older escalation among governance's, with its original times, people, statuses, decision and steps, from
     * the quality assurance group; nothing when the partnership has no such group (it is tried again at the next start).
     */
    @Transactional
    public Optional<Long> adopt(long partnershipId, long id) {
        var row = escalation(partnershipId, id);
        return row.governanceId() != null ? Optional.of(row.governanceId()) : adopt(row, partnershipId);
    }

    private Optional<Long> adopt(Escalation row, long partnershipId) {
        var qualityAssurance = groups.withFunction(partnershipId, GroupFunction.QUALITY_ASSURANCE);
        if (qualityAssurance.isEmpty()) {
            return Optional.empty();
        }
        long kept = executive.adopt(new ExecutiveEscalations.Adoption(partnershipId, qualityAssurance.get().id(),
                EscalationKind.FIGURES, subject(row.indicatorName(), row.period()), row.reason(), link(row.id()), row.status(),
                row.raisedBy(), row.raisedAt(), row.decision(), row.decisionActions(), row.decidedBy(), row.decidedAt(),
                oldSteps(row.id())));
        jdbc.sql("update escalation set governance_escalation_id = ? where id = ? and governance_escalation_id is null")
                .params(kept, row.id()).update();
        return Optional.of(kept);
    }

    private List<ExecutiveEscalations.Step> oldSteps(long escalationId) {
        return jdbc.sql("select happened_at, actor, status, note from escalation_event where escalation_id = ? order by id")
                .param(escalationId)
                .query((rs, n) -> new ExecutiveEscalations.Step(rs.getObject(1, LocalDateTime.class), rs.getString(2),
                        EscalationStatus.valueOf(rs.getString(3)), rs.getString(4))).list();
    }

    private static String subject(String indicatorName, String period) {
        return indicatorName + " (" + period + ")";
    }

    private static String link(long id) {
        return "/data/escalations/" + id;
    }

    private static Escalation withGovernance(Escalation e, ExecutiveEscalations.Escalation kept) {
        if (kept == null) {
            return e;
        }
        return new Escalation(e.id(), e.indicatorCode(), e.indicatorName(), e.period(), e.reason(), kept.status(), e.raisedBy(),
                e.raisedAt(), kept.decision(), kept.decisionActions(), kept.decidedBy(), kept.decidedAt(), kept.version(),
                e.governanceId());
    }

    private static final String SELECT = """
            select e.id, i.code, i.name, e.period, e.reason, e.status, e.raised_by, e.raised_at, e.decision, e.decision_actions,
                   e.decided_by, e.decided_at, e.version, e.governance_escalation_id
            from escalation e join indicator i on i.id = e.indicator_id""";

    private static Escalation escalation(ResultSet rs, int n) throws SQLException {
        return new Escalation(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                EscalationStatus.valueOf(rs.getString(6)), rs.getString(7), rs.getObject(8, LocalDateTime.class), rs.getString(9),
                rs.getString(10), rs.getString(11), rs.getObject(12, LocalDateTime.class), rs.getInt(13),
                rs.getObject(14, Long.class));
    }
}
