package org.canopy.scrutiny.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.canopy.governance.Groups;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.RecordChanged;
import org.canopy.scrutiny.access.ScrutinyAccess;
import org.canopy.web.DateInput;
import org.canopy.web.EditConflict;
import org.canopy.web.FieldProblem;
import org.canopy.web.InvalidInput;
import org.canopy.web.NotFound;
import org.canopy.web.Period;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The scrutiny plan: the year's activities under the scrutiny functions, kept by the scrutineer or the administrator. */
@Service
public class ScrutinyPlan {

    private final JdbcClient jdbc;
    private final Groups groups;
    private final ScrutinyAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ScrutinyPlan(JdbcClient jdbc, Groups groups, ScrutinyAccess access, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.groups = groups;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The activities the person may read, by year then date: a young scrutineer reads only those naming no group or
     * their own group, since the others speak of groups they may not read.
     */
    public List<Activity> activities(CanopyUser user) {
        var all = jdbc.sql(SELECT + " where partnership_id = ? order by plan_year desc, planned_on, planned_quarter, id").param(user.partnershipId())
                .query(Activity.class).list();
        if (!ScrutinyAccess.young(user)) {
            return all;
        }
        var own = access.ownGroups(user);
        return all.stream().filter(a -> a.groupId() == null || own.contains(a.groupId())).toList();
    }

    Activity activity(CanopyUser user, long id) {
        return activities(user).stream().filter(a -> a.id() == id).findFirst().orElseThrow(() -> new NotFound("The scrutiny activity"));
    }

    /** Adds an activity from the form's fields (see {@link #checked}). */
    @Transactional
    Activity add(CanopyUser user, Map<String, String> form) {
        access.requireKeeper(user, "keep the scrutiny plan");
        var a = checked(user, form);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into scrutiny_activity (partnership_id, plan_year, scrutiny_function, kind, title, group_id, planned_on, planned_quarter,
                                               status, findings, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(user.partnershipId(), a.planYear(), a.scrutinyFunction() == null ? null : a.scrutinyFunction().name(), a.kind().name(),
                        a.title(), a.groupId(), a.plannedOn(), a.plannedQuarter(), a.status().name(), a.findings(), user.getUsername(),
                        LocalDateTime.now(clock))
                .update(keys, "id");
        var added = activity(user, keys.getKey().longValue());
        events.publishEvent(RecordChanged.by(user, "scrutiny activity", added.id(), "added", "Planned " + a.title(), null, added));
        return added;
    }

    /** Changes an activity: its plan, its status, what was found. */
    @Transactional
    Activity edit(CanopyUser user, long id, Map<String, String> form, int version) {
        access.requireKeeper(user, "keep the scrutiny plan");
        var current = activity(user, id);
        var a = checked(user, form);
        int changed = jdbc.sql("""
                update scrutiny_activity set plan_year = ?, scrutiny_function = ?, kind = ?, title = ?, group_id = ?, planned_on = ?,
                       planned_quarter = ?, status = ?, findings = ?, version = version + 1
                where id = ? and partnership_id = ? and version = ?""")
                .params(a.planYear(), a.scrutinyFunction() == null ? null : a.scrutinyFunction().name(), a.kind().name(), a.title(), a.groupId(),
                        a.plannedOn(), a.plannedQuarter(), a.status().name(), a.findings(), id, user.partnershipId(), version).update();
        if (changed == 0) {
            throw new EditConflict("Someone else changed this activity since you opened it: check it again");
        }
        var after = activity(user, id);
        events.publishEvent(RecordChanged.by(user, "scrutiny activity", id, "edited", "Edited " + a.title(), current, after));
        return after;
    }

    /** A planned activity the report states, without a date or function it does not give (demo data). */
    public void addDemo(long partnershipId, String actor, String year, ActivityKind kind, String title) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into scrutiny_activity (partnership_id, plan_year, kind, title, created_by, created_at) values (?, ?, ?, ?, ?, ?)""")
                .params(partnershipId, year, kind.name(), title, actor, LocalDateTime.now(clock)).update(keys, "id");
        events.publishEvent(new RecordChanged(partnershipId, actor, "scrutiny activity", String.valueOf(keys.getKey().longValue()),
                "added", "Planned " + title, null, title));
    }

    /** The form's fields checked: year, function, kind, title, group, date or quarter, status, findings. */
    private Activity checked(CanopyUser user, Map<String, String> form) {
        var problems = new ArrayList<FieldProblem>();
        String year = form.getOrDefault("year", "").strip();
        if (Period.parse(year).filter(p -> p.kind() == Period.Kind.FINANCIAL_YEAR).isEmpty()) {
            problems.add(FieldProblem.of("year", "Enter the financial year, like 2021-22"));
        }
        ScrutinyFunction function = choice(ScrutinyFunction.class, form.get("scrutinyFunction"), true, "scrutinyFunction",
                "Choose the scrutiny function the activity serves", problems);
        ActivityKind kind = choice(ActivityKind.class, form.get("kind"), true, "kind", "Choose the kind of activity", problems);
        ActivityStatus status = choice(ActivityStatus.class, form.getOrDefault("status", "PLANNED"), true, "status", "Choose a status",
                problems);
        String title = access.text("title", "The activity", form.get("title"), true, 500, problems);
        String findings = access.text("findings", "What was found", form.get("findings"), false, 4000, problems);
        Long groupId = null;
        String group = form.get("group");
        if (group != null && !group.isBlank()) {
            groupId = groups.all(user.partnershipId()).stream().filter(g -> String.valueOf(g.id()).equals(group.strip()))
                    .map(g -> g.id()).findFirst().orElse(null);
            if (groupId == null) {
                problems.add(FieldProblem.of("group", "Choose a group of the partnership"));
            }
        }
        LocalDate plannedOn = DateInput.fromForm(form::get, "plannedOn").read("plannedOn", "The planned date", false, DateInput.Range.PLANNED,
                LocalDate.now(clock), problems);
        String quarter = form.get("plannedQuarter");
        quarter = quarter == null || quarter.isBlank() ? null : quarter.strip();
        if (quarter != null && !quarter.matches("Q[1-4]")) {
            problems.add(FieldProblem.of("plannedQuarter", "Choose a quarter, Q1 to Q4"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return new Activity(0, year, function, kind, title, groupId, plannedOn, quarter, status, findings, 0);
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, boolean required, String field, String message,
            List<FieldProblem> problems) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            if (required) {
                problems.add(FieldProblem.of(field, message));
            }
            return null;
        }
    }

    private static final String SELECT = """
            select id, plan_year, scrutiny_function, kind, title, group_id, planned_on, planned_quarter, status, findings, version
            from scrutiny_activity""";
}
