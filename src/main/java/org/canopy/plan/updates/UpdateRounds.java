package org.canopy.plan.updates;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.RecordChanged;
import org.canopy.plan.plans.PlanStore;
import org.canopy.plan.plans.PlanViews.RoundView;
import org.canopy.web.EditConflict;
import org.canopy.web.DateInput;
import org.canopy.web.FieldProblem;
import org.canopy.web.InvalidInput;
import org.canopy.web.NotFound;
import org.canopy.web.Period;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Quarterly update rounds: the administrator opens one with a due date and closes it. */
@Service
public class UpdateRounds {

    private final JdbcClient jdbc;
    private final PlanStore plans;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    UpdateRounds(JdbcClient jdbc, PlanStore plans, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.events = events;
        this.clock = clock;
    }

    List<RoundView> rounds(long planId) {
        return jdbc.sql(SELECT + " where plan_id = ? order by period desc").param(planId).query(UpdateRounds::round).list();
    }

    Optional<RoundView> round(long planId, String period) {
        return jdbc.sql(SELECT + " where plan_id = ? and period = ?").params(planId, period).query(UpdateRounds::round)
                .optional();
    }

    /** The plan's open round, if one is open. */
    public Optional<RoundView> openRound(long planId) {
        return jdbc.sql(SELECT + " where plan_id = ? and closed_at is null").param(planId).query(UpdateRounds::round)
                .optional();
    }

    @Transactional
    RoundView open(CanopyUser admin, long planId, String periodText, DateInput dueDate) {
        requireAdministrator(admin);
        var plan = plans.plan(admin.partnershipId(), planId).orElseThrow(() -> new NotFound("The plan"));
        var problems = new ArrayList<FieldProblem>();
        var period = Period.parseQuarter(periodText);
        if (period.isEmpty()) {
            problems.add(FieldProblem.of("period", "Enter the quarter as a financial year and quarter, like 2018-19-Q4"));
        } else if ((plan.start() != null && period.get().lastDay().isBefore(plan.start()))
                || (plan.end() != null && period.get().start().isAfter(plan.end()))) {
            problems.add(FieldProblem.of("period", "The quarter must fall within the plan, "
                    + plan.runs()));
        } else if (round(planId, period.get().toString()).isPresent()) {
            problems.add(FieldProblem.of("period", "There is already a round for " + period.get()));
        }
        LocalDate due = dueDate.read("dueDate", "The due date", true, DateInput.Range.PLANNED, LocalDate.now(clock), problems);
        openRound(planId).ifPresent(r -> problems.add(FieldProblem.of("period",
                "Close the " + r.period() + " round before opening another")));
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into update_round (plan_id, period, due_date, opened_at, opened_by) values (?, ?, ?, ?, ?)")
                .params(planId, period.get().toString(), due, LocalDateTime.now(clock), admin.getUsername())
                .update(keys, "id");
        var created = round(planId, period.get().toString()).orElseThrow();
        events.publishEvent(RecordChanged.by(admin, "update-round", created.id(), "opened",
                "Opened the " + created.period() + " update round, due " + due, null, created));
        return created;
    }

    @Transactional
    RoundView close(CanopyUser admin, long planId, long roundId) {
        requireAdministrator(admin);
        plans.plan(admin.partnershipId(), planId).orElseThrow(() -> new NotFound("The plan"));
        var before = rounds(planId).stream().filter(r -> r.id() == roundId).findFirst()
                .orElseThrow(() -> new NotFound("The update round"));
        if (!before.open()) {
            throw new EditConflict("The " + before.period() + " round is already closed");
        }
        jdbc.sql("update update_round set closed_at = ?, closed_by = ?, version = version + 1 where id = ? and closed_at is null")
                .params(LocalDateTime.now(clock), admin.getUsername(), roundId).update();
        var after = round(planId, before.period()).orElseThrow();
        events.publishEvent(RecordChanged.by(admin, "update-round", roundId, "closed",
                "Closed the " + before.period() + " update round", before, after));
        return after;
    }

    /** Used by demo mode, which has no signed-in administrator. */
    @Transactional
    public void openForDemo(long partnershipId, long planId, String period, LocalDate due, boolean closed) {
        var now = LocalDateTime.now(clock);
        jdbc.sql("""
                insert into update_round (plan_id, period, due_date, opened_at, opened_by, closed_at, closed_by)
                values (?, ?, ?, ?, 'demo', ?, ?)""")
                .params(planId, period, due, now, closed ? now : null, closed ? "demo" : null).update();
        var round = round(planId, period).orElseThrow();
        events.publishEvent(new RecordChanged(partnershipId, "demo", "update-round", String.valueOf(round.id()),
                closed ? "closed" : "opened", "Demo update round " + period, null, Map.of("period", period)));
    }

    private static void requireAdministrator(CanopyUser user) {
        if (!user.isAdministrator()) {
            throw new AccessDeniedException("Only the partnership administrator opens and closes update rounds");
        }
    }

    private static final String SELECT = "select id, plan_id, period, due_date, opened_at, opened_by, closed_at, closed_by from update_round";

    private static RoundView round(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new RoundView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                rs.getObject(5, LocalDateTime.class), rs.getString(6), rs.getObject(7, LocalDateTime.class), rs.getString(8));
    }
}
