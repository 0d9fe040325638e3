package org.canopy.voice.feedback;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

/** The themes of the log: what recurs in what was said, each counted from the items tagged with it. */
@Service
class FeedbackThemes {

    /** A theme with the number of items tagged with it. */
    record Theme(long id, String name, String description, String sourceNote, String createdBy, int items) {
    }

    /** Counts of a theme's items by a column's values (financial years or sources), in the order of the columns. */
    record Counts(List<String> columns, Map<Theme, List<Integer>> rows) {

        public int total(Theme theme) {
            return rows.get(theme).stream().mapToInt(Integer::intValue).sum();
        }
    }

    private final JdbcClient jdbc;
    private final IdentifierGuard guard;
    private final FeedbackLog log;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FeedbackThemes(JdbcClient jdbc, IdentifierGuard guard, FeedbackLog log, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.guard = guard;
        this.log = log;
        this.events = events;
        this.clock = clock;
    }

    private static final String COLUMNS = """
            select t.id, t.name, t.description, t.source_note, t.created_by,
                   (select count(*) from feedback_theme_tag g where g.theme_id = t.id) as items
            from feedback_theme t""";

    List<Theme> all(long partnershipId) {
        return jdbc.sql(COLUMNS + " where t.partnership_id = ? order by t.name").param(partnershipId).query(FeedbackThemes::theme).list();
    }

    Optional<Theme> find(long partnershipId, long id) {
        return jdbc.sql(COLUMNS + " where t.partnership_id = ? and t.id = ?").params(partnershipId, id).query(FeedbackThemes::theme).optional();
    }

    Theme get(long partnershipId, long id) {
        return find(partnershipId, id).orElseThrow(() -> new NotFound("The theme"));
    }

    /** The priorities the theme bears on, as tagged (feedback_theme_priority), with who tagged them. */
    List<FeedbackLog.Tag> priorities(long partnershipId, long themeId) {
        var names = log.priorityNames(partnershipId);
        return jdbc.sql("select priority_id, tagged_by from feedback_theme_priority where theme_id = ? order by priority_id").param(themeId)
                .query((rs, n) -> new FeedbackLog.Tag(rs.getLong(1), names.get(rs.getLong(1)), rs.getString(2))).list().stream()
                .filter(t -> t.name() != null).toList();
    }

    /** The priorities the theme's items bear on directly (besides the theme's own), with how many of its items do. */
    Map<Long, Integer> itemPriorities(long partnershipId, long themeId) {
        var counts = new LinkedHashMap<Long, Integer>();
        jdbc.sql("""
                select p.priority_id, count(*) from feedback_priority p join feedback_theme_tag t on t.feedback_id = p.feedback_id
                join feedback f on f.id = p.feedback_id where t.theme_id = ? and f.partnership_id = ? group by p.priority_id order by p.priority_id""")
                .params(themeId, partnershipId).query(rs -> {
                    counts.put(rs.getLong(1), rs.getInt(2));
                });
        return counts;
    }

    /** The number of each theme's items by the financial year they were heard in, oldest year first. */
    Counts byYear(long partnershipId) {
        return counts(partnershipId, "f.heard_in", jdbc.sql("select distinct heard_in from feedback where partnership_id = ? order by heard_in")
                .param(partnershipId).query(String.class).list());
    }

    /** The number of each theme's items by where they were heard, in the order of {@link FeedbackSource}. */
    Counts bySource(long partnershipId) {
        var used = new HashSet<>(jdbc.sql("select distinct source from feedback where partnership_id = ?").param(partnershipId)
                .query(String.class).list());
        var sources = new ArrayList<String>();
        for (var s : FeedbackSource.values()) {
            if (used.contains(s.name())) {
                sources.add(s.name());
            }
        }
        return counts(partnershipId, "f.source", sources);
    }

    private Counts counts(long partnershipId, String column, List<String> columns) {
        var rows = new LinkedHashMap<Theme, List<Integer>>();
        var index = new LinkedHashMap<Long, Theme>();
        for (var theme : all(partnershipId)) {
            var zeros = new ArrayList<Integer>();
            columns.forEach(c -> zeros.add(0));
            rows.put(theme, zeros);
            index.put(theme.id(), theme);
        }
        jdbc.sql("select t.theme_id, " + column + ", count(*) from feedback_theme_tag t join feedback f on f.id = t.feedback_id"
                + " where f.partnership_id = ? group by t.theme_id, " + column)
                .param(partnershipId).query(rs -> {
                    var theme = index.get(rs.getLong(1));
                    int at = columns.indexOf(rs.getString(2));
                    if (theme != null && at >= 0) {
                        rows.get(theme).set(at, rs.getInt(3));
                    }
                });
        return new Counts(columns, rows);
    }

    /** Adds a theme (the coordinator), with the priorities it bears on. */
    @Transactional
    Theme add(CanopyUser user, Map<String, String> form, Collection<String> priorities) {
        if (!user.isAdministrator()) {
            throw new AccessDeniedException("Only the partnership coordinator adds themes");
        }
        var problems = new ArrayList<FieldProblem>();
        String name = guard.freeText("name", "The theme's name", form.get("name"), true, 200, problems, FieldProblem::of);
        String description = guard.freeText("description", "The description", form.get("description"), false, 2000, problems, FieldProblem::of);
        if (name != null && all(user.partnershipId()).stream().anyMatch(t -> t.name().equalsIgnoreCase(name))) {
            problems.add(FieldProblem.of("name", "There is already a theme of that name"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var now = LocalDateTime.now(clock);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into feedback_theme (partnership_id, name, description, created_by, created_at) values (?, ?, ?, ?, ?)")
                .params(user.partnershipId(), name, description, user.getUsername(), now).update(keys, "id");
        long id = keys.getKey().longValue();
        var known = log.priorityNames(user.partnershipId()).keySet();
        for (Long priority : new HashSet<>(FeedbackLog.ids(priorities))) {
            if (known.contains(priority)) {
                jdbc.sql("insert into feedback_theme_priority (theme_id, priority_id, tagged_by, tagged_at) values (?, ?, ?, ?)")
                        .params(id, priority, user.getUsername(), now).update();
            }
        }
        var added = get(user.partnershipId(), id);
        events.publishEvent(RecordChanged.by(user, "feedback theme", id, "added", "Added the theme " + name, null, added));
        return added;
    }

    private static Theme theme(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Theme(rs.getLong("id"), rs.getString("name"), rs.getString("description"), rs.getString("source_note"),
                rs.getString("created_by"), rs.getInt("items"));
    }
}
