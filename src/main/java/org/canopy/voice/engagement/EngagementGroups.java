package org.canopy.voice.engagement;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.RecordChanged;
import org.canopy.privacy.IdentifierGuard;
import org.canopy.web.EditConflict;
import org.canopy.web.FieldProblem;
import org.canopy.web.InvalidInput;
import org.canopy.web.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The partnership's engagement groups of children and young people, and when each was last heard from: its latest
 * visit done or feedback item linked to it (directly or through a visit). The coordinator adds and edits them.
 */
@Service
public class EngagementGroups {

    /** An engagement group as kept. */
    public record EngagementGroup(long id, String name, String description, boolean active, String createdBy,
            LocalDateTime createdAt, int version) {
    }

    /** When a group was last heard from: the latest day it may have been ({@code latest}) and how the records put it. */
    public record Heard(LocalDate latest, String text) {
    }

    /**
     * A group on the list: when it was last heard from (null: never), whether that is within the setting's months, the
     * marker shown when it is not ("Never heard from", "Not heard from in the last 6 months"), and its counts.
     */
    public record GroupRow(EngagementGroup group, Heard lastHeard, boolean heardLately, String marker, int visitsDone,
            int visitsPlanned, int feedbackItems) {
    }

    /** A feedback item heard at the group (read from the feedback log): its words and when. */
    public record FeedbackHeard(long id, String words, String when, boolean ownWords) {
    }

    static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final JdbcClient jdbc;
    private final IdentifierGuard guard;
    private final ApplicationEventPublisher events;
    private final EngagementSettings settings;
    private final Clock clock;

    EngagementGroups(JdbcClient jdbc, IdentifierGuard guard, ApplicationEventPublisher events, EngagementSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.guard = guard;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /** How many months without a visit or feedback count as "not heard from lately". */
    public int heardLatelyMonths() {
        return settings.heardLatelyMonths();
    }

    /** Every engagement group of the partnership, by name. */
    public List<EngagementGroup> all(long partnershipId) {
        return jdbc.sql(SELECT + " where partnership_id = ? order by name").param(partnershipId).query(EngagementGroup.class).list();
    }

    /** One engagement group of the partnership. */
    public EngagementGroup group(long partnershipId, long id) {
        return jdbc.sql(SELECT + " where partnership_id = ? and id = ?").params(partnershipId, id).query(EngagementGroup.class)
                .optional().orElseThrow(() -> new NotFound("The engagement group"));
    }

    /** The list: every group with when it was last heard from and its marker, by name. */
    public List<GroupRow> rows(long partnershipId) {
        var today = LocalDate.now(clock);
        var since = today.minusMonths(settings.heardLatelyMonths());
        var heard = new HashMap<Long, Heard>();
        var done = new HashMap<Long, Integer>();
        var planned = new HashMap<Long, Integer>();
        jdbc.sql("select engagement_group_id, visited_on, day_known, status from canvass_visit where partnership_id = ?")
                .param(partnershipId).query((rs, n) -> {
                    long group = rs.getLong(1);
                    String status = rs.getString(4);
                    if (VisitStatus.DONE.name().equals(status)) {
                        done.merge(group, 1, Integer::sum);
                        later(heard, group, visitHeard(rs.getObject(2, LocalDate.class), rs.getBoolean(3)));
                    } else if (VisitStatus.PLANNED.name().equals(status)) {
                        planned.merge(group, 1, Integer::sum);
                    }
                    return null;
                }).list();
        var items = new HashMap<Long, Integer>();
        jdbc.sql(FEEDBACK + " where f.partnership_id = ? and coalesce(f.engagement_group_id, v.engagement_group_id) is not null")
                .param(partnershipId).query((rs, n) -> {
                    long group = rs.getLong("group_id");
                    items.merge(group, 1, Integer::sum);
                    later(heard, group, feedbackHeard(rs.getObject("heard_on", LocalDate.class), rs.getString("heard_in"),
                            rs.getString("heard_when")));
                    return null;
                }).list();
        return all(partnershipId).stream().map(g -> {
            var last = heard.get(g.id());
            boolean lately = last != null && !last.latest().isBefore(since);
            String marker = last == null ? "Never heard from"
                    : lately ? null : "Not heard from in the last " + settings.heardLatelyMonths() + " months";
            return new GroupRow(g, last, lately, marker, done.getOrDefault(g.id(), 0), planned.getOrDefault(g.id(), 0),
                    items.getOrDefault(g.id(), 0));
        }).toList();
    }

    /** The list's row for one group. */
    public GroupRow row(long partnershipId, long id) {
        group(partnershipId, id);
        return rows(partnershipId).stream().filter(r -> r.group().id() == id).findFirst().orElseThrow();
    }

    /** The feedback items heard at the group, directly or at one of its visits, newest first. */
    public List<FeedbackHeard> feedbackHeard(long partnershipId, long groupId) {
        return jdbc.sql(FEEDBACK + " where f.partnership_id = ? and coalesce(f.engagement_group_id, v.engagement_group_id) = ?"
                + " order by coalesce(f.heard_on, f.recorded_at) desc, f.id desc").params(partnershipId, groupId)
                .query((rs, n) -> new FeedbackHeard(rs.getLong("id"), rs.getString("words"),
                        feedbackHeard(rs.getObject("heard_on", LocalDate.class), rs.getString("heard_in"), rs.getString("heard_when")).text(),
                        rs.getBoolean("own_words")))
                .list();
    }

    /** Adds an engagement group (the coordinator only). */
    @Transactional
    public EngagementGroup add(CanopyUser user, String name, String description) {
        requireCoordinator(user);
        var problems = new ArrayList<FieldProblem>();
        String n = guard.freeText("name", "The group's name", name, true, 200, problems, FieldProblem::of);
        String d = guard.freeText("description", "The description", description, false, 2000, problems, FieldProblem::of);
        if (n != null && problems.isEmpty() && taken(user.partnershipId(), n, -1)) {
            problems.add(FieldProblem.of("name", "The partnership already has an engagement group called " + n));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("insert into engagement_group (partnership_id, name, description, active, created_by, created_at) values (?, ?, ?, true, ?, ?)")
                    .params(user.partnershipId(), n, d, user.getUsername(), LocalDateTime.now(clock)).update(keys, "id");
        } catch (DuplicateKeyException e) {
            throw new EditConflict("Someone else has just added an engagement group called " + n);
        }
        var added = group(user.partnershipId(), keys.getKey().longValue());
        events.publishEvent(RecordChanged.by(user, "engagement group", added.id(), "added", "Added the engagement group " + n, null, added));
        return added;
    }

    /** Changes a group's name, description and whether it is active (the coordinator only), against the version read. */
    @Transactional
    public EngagementGroup edit(CanopyUser user, long id, String name, String description, boolean active, int version) {
        requireCoordinator(user);
        var before = group(user.partnershipId(), id);
        var problems = new ArrayList<FieldProblem>();
        String n = guard.freeText("name", "The group's name", name, true, 200, problems, FieldProblem::of);
        String d = guard.freeText("description", "The description", description, false, 2000, problems, FieldProblem::of);
        if (n != null && problems.isEmpty() && taken(user.partnershipId(), n, id)) {
            problems.add(FieldProblem.of("name", "The partnership already has an engagement group called " + n));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        int changed = jdbc.sql("""
                update engagement_group set name = ?, description = ?, active = ?, version = version + 1
                where id = ? and partnership_id = ? and version = ?""")
                .params(n, d, active, id, user.partnershipId(), version).update();
        if (changed == 0) {
            throw new EditConflict("Someone else changed this engagement group since you opened it: check it again");
        }
        var after = group(user.partnershipId(), id);
        events.publishEvent(RecordChanged.by(user, "engagement group", id, "changed", "Changed the engagement group " + n, before, after));
        return after;
    }

    /** Adds a group for the demo, as the report names it. */
    long addForDemo(long partnershipId, String name, String description) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into engagement_group (partnership_id, name, description, active, created_by, created_at) values (?, ?, ?, true, 'demo', ?)")
                .params(partnershipId, name, description, LocalDateTime.now(clock)).update(keys, "id");
        return keys.getKey().longValue();
    }

    static void requireCoordinator(CanopyUser user) {
        if (!user.isAdministrator()) {
            throw new AccessDeniedException("Only the partnership coordinator adds and changes engagement groups");
        }
    }

    private boolean taken(long partnershipId, String name, long except) {
        return jdbc.sql("select count(*) from engagement_group where partnership_id = ? and lower(name) = lower(?) and id <> ?")
                .params(partnershipId, name, except).query(Integer.class).single() > 0;
    }

    /** A visit done on the day, or in the month when the day is not known (then its latest day is the month's last). */
    static Heard visitHeard(LocalDate on, boolean dayKnown) {
        return dayKnown ? new Heard(on, DAY.format(on)) : new Heard(YearMonth.from(on).atEndOfMonth(), MONTH.format(on));
    }

    /** A feedback item heard on a day, or only within a financial year (then its latest day is the year's 31 March). */
    static Heard feedbackHeard(LocalDate on, String financialYear, String when) {
        if (on != null) {
            return new Heard(on, DAY.format(on));
        }
        String text = when != null && !when.isBlank() ? when : "in " + financialYear;
        try {
            return new Heard(LocalDate.of(Integer.parseInt(financialYear.substring(0, 4)) + 1, 3, 31), text);
        } catch (RuntimeException e) {
            // Not a financial year as the log keeps them ("2020-21"): heard, but too long ago to count as lately.
            return new Heard(org.canopy.web.DateInput.EARLIEST, text);
        }
    }

    private static void later(Map<Long, Heard> heard, long group, Heard candidate) {
        heard.merge(group, candidate, (a, b) -> b.latest().isAfter(a.latest()) ? b : a);
    }

    private static final String SELECT = "select id, name, description, active, created_by, created_at, version from engagement_group";

    private static final String FEEDBACK = """
            select f.id, f.words, f.own_words, f.heard_on, f.heard_in, f.heard_when,
                   coalesce(f.engagement_group_id, v.engagement_group_id) as group_id
            from feedback f left join canvass_visit v on v.id = f.visit_id and v.partnership_id = f.partnership_id""";
}
