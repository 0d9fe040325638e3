package org.canopy.learning.actionplan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.canopy.learning.access.LearningRules;
import org.canopy.learning.deadlines.Deadline;
import org.canopy.learning.deadlines.DeadlineSource;
import org.canopy.learning.sources.Source;
import org.canopy.learning.sources.SourceKind;
import org.canopy.partnership.AgencyDirectory;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.RecordChanged;
import org.canopy.web.EditConflict;
import org.canopy.web.FieldProblem;
import org.canopy.web.InvalidInput;
import org.canopy.web.NotFound;
import org.canopy.web.StatusTag;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one action plan: every recommendation from rapid reviews, local reviews, serious case reviews and
 * audits in a single register, so nothing is tracked twice. One recommendation may serve several sources.
 * Held by the Quality Assurance and Performance Group; the executive sees what is overdue.
 */
@Service
public class ActionPlan implements DeadlineSource {

    /** Stored statuses, and OVERDUE, which is derived from a past due date while not complete. */
    enum Status implements StatusTag {
        OPEN("Open", "govuk-tag--blue"), IN_PROGRESS("In progress", "govuk-tag--yellow"), COMPLETE("Complete", "govuk-tag--green"),
        OVERDUE("Overdue", "govuk-tag--red");

        private final Tag tag;

        Status(String label, String tagClass) { tag = new Tag(label, tagClass); }

        @Override public Tag tag() { return tag; }
    }

    public record Recommendation(long id, String text, Long ownerAgencyId, String ownerAgency, LocalDate due, Status stored,
            String evidence, LocalDate completedOn, int version, List<Source> sources, List<String> themes) {

        /** The stored status, or OVERDUE when a due date has passed and the recommendation is not complete. */
        public Status statusOn(LocalDate today) {
            return stored != Status.COMPLETE && due != null && due.isBefore(today) ? Status.OVERDUE : stored;
        }

        /** Every source's label, joined: "Serious case review: Ollie; Audit: …". */
        public String sourceLabel() {
            return String.join("; ", sources.stream().map(Source::label).toList());
        }
    }

    record Similar(Recommendation recommendation, double score) {

        /** The likeness as a whole percentage, for people. */
        public long percent() {
            return Math.round(score * 100);
        }
    }

    /** Recommendations at least this alike are shown as possible duplicates. */
    static final double SIMILAR = 0.3;

    private final JdbcClient jdbc;
    private final LearningRules rules;
    private final AgencyDirectory agencies;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ActionPlan(JdbcClient jdbc, LearningRules rules, AgencyDirectory agencies, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.agencies = agencies;
        this.events = events;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Every recommendation of the partnership, oldest first. */
    public List<Recommendation> recommendations(long partnershipId) {
        return query(" where r.partnership_id = ? order by r.id", partnershipId);
    }

    /** The partnership's recommendations that came from one source. */
    public List<Recommendation> forSource(long partnershipId, SourceKind kind, long sourceId) {
        return query(" where r.partnership_id = ? and exists (select 1 from learning_recommendation_source s where"
                + " s.recommendation_id = r.id and s.source_kind = ? and s.source_id = ?) order by r.id", partnershipId, kind.name(), sourceId);
    }

    Recommendation recommendation(long partnershipId, long id) {
        return query(" where r.partnership_id = ? and r.id = ?", partnershipId, id).stream().findFirst()
                .orElseThrow(() -> new NotFound("The recommendation"));
    }

    /** Recommendations whose due date has passed while they are not complete: the executive's list. */
    List<Recommendation> overdue(long partnershipId) {
        var today = today();
        return recommendations(partnershipId).stream().filter(r -> r.statusOn(today) == Status.OVERDUE)
                .sorted(Comparator.comparing(Recommendation::due)).toList();
    }

    /** Existing recommendations that read like {@code text}, most alike first (at most five). */
    List<Similar> similar(long partnershipId, String text) {
        return recommendations(partnershipId).stream().map(r -> new Similar(r, TextSimilarity.cosine(text, r.text())))
                .filter(s -> s.score() >= SIMILAR).sorted(Comparator.comparingDouble(Similar::score).reversed()).limit(5).toList();
    }

    /**
     * Adds a recommendation to the action plan from a source (a rapid or local review, a serious case review or
     * an audit). Reviews held elsewhere in the module call this with their own id and title.
     */
    @Transactional
    Recommendation addRecommendation(CanopyUser user, SourceKind sourceKind, long sourceId, String sourceTitle, String text,
            List<String> themes, Long ownerAgencyId, LocalDate due) {
        rules.requireEditor(user, "change the action plan");
        var problems = new ArrayList<FieldProblem>();
        var checked = checkedFields(user, text, themes, ownerAgencyId, problems);
        String title = rules.text("source", "The source's title", sourceTitle, true, 300, problems);
        if (sourceKind == null) {
            problems.add(FieldProblem.of("source", "Choose the review or audit the recommendation comes from"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        long id = insert(user.partnershipId(), checked, due, Status.OPEN, null, null, user.getUsername());
        insertSource(id, new Source(sourceKind, sourceId, title));
        var added = recommendation(user.partnershipId(), id);
        events.publishEvent(RecordChanged.by(user, "recommendation", id, "added", "Added a recommendation to the action plan from "
                + added.sourceLabel(), null, added));
        return added;
    }

    /** Adds a recommendation already implemented, with its evidence: the legacy reviews of the demo. */
    @Transactional
    public Recommendation addCompleted(long partnershipId, String actor, Source source, String text, List<String> themes,
            String ownerAgency, String evidence) {
        Long ownerId = ownerAgency == null ? null : agencies.byName(partnershipId, ownerAgency)
                .orElseThrow(() -> new IllegalStateException("No agency " + ownerAgency)).id();
        var checked = new Checked(text, normalised(themes), ownerId, ownerAgency);
        long id = insert(partnershipId, checked, null, Status.COMPLETE, evidence, null, actor);
        insertSource(id, source);
        var added = recommendation(partnershipId, id);
        events.publishEvent(new RecordChanged(partnershipId, actor, "recommendation", String.valueOf(id), "added",
                "Added a completed recommendation from " + source.label(), null, added));
        return added;
    }

    /** Records that an existing recommendation also serves another source, instead of tracking it twice. */
    @Transactional
    Recommendation attachSource(CanopyUser user, long id, Source source) {
        rules.requireEditor(user, "change the action plan");
        var current = recommendation(user.partnershipId(), id);
        if (current.sources().stream().anyMatch(s -> s.kind() == source.kind() && s.id() == source.id())) {
            throw new InvalidInput("source", "This recommendation already comes from " + source.label());
        }
        var problems = new ArrayList<FieldProblem>();
        String title = rules.text("source", "The source's title", source.title(), true, 300, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        insertSource(id, new Source(source.kind(), source.id(), title));
        jdbc.sql("update learning_recommendation set version = version + 1 where id = ?").param(id).update();
        var after = recommendation(user.partnershipId(), id);
        events.publishEvent(RecordChanged.by(user, "recommendation", id, "source added", "Linked the recommendation to "
                + source.label(), current, after));
        return after;
    }

    /** Changes the text, themes, owner and due date (the action plan's holders only). */
    @Transactional
    Recommendation edit(CanopyUser user, long id, String text, List<String> themes, Long ownerAgencyId, LocalDate due, int version) {
        rules.requireEditor(user, "change the action plan");
        var current = recommendation(user.partnershipId(), id);
        var problems = new ArrayList<FieldProblem>();
        var checked = checkedFields(user, text, themes, ownerAgencyId, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        int changed = jdbc.sql("""
                update learning_recommendation set text = ?, owner_agency_id = ?, owner_agency = ?, due_date = ?, version = version + 1
                where id = ? and partnership_id = ? and version = ?""")
                .params(checked.text(), checked.ownerId(), checked.ownerName(), due, id, user.partnershipId(), version).update();
        conflictIfNone(changed);
        jdbc.sql("delete from learning_recommendation_theme where recommendation_id = ?").param(id).update();
        insertThemes(id, checked.themes());
        var after = recommendation(user.partnershipId(), id);
        events.publishEvent(RecordChanged.by(user, "recommendation", id, "edited", "Edited a recommendation", current, after));
        return after;
    }

    /** Moves a recommendation on: complete needs evidence of completion. Editors, or the owner agency's contributors. */
    @Transactional
    Recommendation updateStatus(CanopyUser user, long id, String status, String evidence, int version) {
        var current = recommendation(user.partnershipId(), id);
        if (!rules.mayUpdateStatus(user, current.ownerAgencyId())) {
            throw new AccessDeniedException("Only the owner agency's contributors and the action plan's holders update this recommendation");
        }
        var problems = new ArrayList<FieldProblem>();
        Status chosen = null;
        try {
            chosen = Status.valueOf(status == null ? "" : status);
        } catch (IllegalArgumentException e) {
            // Reported below with the other problems.
        }
        if (chosen == null || chosen == Status.OVERDUE) {
            problems.add(FieldProblem.of("status", "Choose open, in progress or complete"));
        }
        String evidenceText = rules.text("evidence", "The evidence of completion", evidence, chosen == Status.COMPLETE, 4000, problems);
        if (chosen == Status.COMPLETE && evidenceText == null) {
            problems.removeIf(p -> p.field().equals("evidence"));
            problems.add(FieldProblem.of("evidence", "Enter the evidence that the recommendation is complete"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        LocalDate completedOn = chosen == Status.COMPLETE ? (current.completedOn() != null ? current.completedOn() : today()) : null;
        int changed = jdbc.sql("""
                update learning_recommendation set status = ?, evidence = ?, completed_on = ?, version = version + 1
                where id = ? and partnership_id = ? and version = ?""")
                .params(chosen.name(), evidenceText, completedOn, id, user.partnershipId(), version).update();
        conflictIfNone(changed);
        var after = recommendation(user.partnershipId(), id);
        events.publishEvent(RecordChanged.by(user, "recommendation", id, "status", "Marked a recommendation "
                + chosen.label().toLowerCase(Locale.UK), current, after));
        return after;
    }

    @Override
    public List<Deadline> deadlines(long partnershipId) {
        return recommendations(partnershipId).stream().filter(r -> r.due() != null)
                .map(r -> new Deadline("Recommendation due", r.due(), shortened(r.text()), "/learning/action-plan/" + r.id(),
                        r.stored() == Status.COMPLETE ? (r.completedOn() != null ? r.completedOn() : r.due()) : null))
                .toList();
    }

    /** Every theme in use, alphabetically. */
    public List<String> themes(long partnershipId) {
        return jdbc.sql("""
                select distinct t.theme from learning_recommendation_theme t join learning_recommendation r on r.id = t.recommendation_id
                where r.partnership_id = ? order by t.theme""").param(partnershipId).query(String.class).list();
    }

    /** Comma-separated themes as a list: trimmed, lower case, without repeats. */
    static List<String> parseThemes(String text) {
        return text == null ? List.of() : normalised(List.of(text.split("[,;\\n]")));
    }

    static String shortened(String text) {
        return text.length() <= 90 ? text : text.substring(0, 87).strip() + "…";
    }

    private record Checked(String text, List<String> themes, Long ownerId, String ownerName) {
    }

    private Checked checkedFields(CanopyUser user, String text, List<String> themes, Long ownerAgencyId, List<FieldProblem> problems) {
        String t = rules.text("text", "The recommendation", text, true, 4000, problems);
        var list = normalised(themes == null ? List.of() : themes);
        for (String theme : list) {
            rules.text("themes", "A theme", theme, false, 100, problems);
        }
        String ownerName = null;
        if (ownerAgencyId != null) {
            var agency = agencies.agencies(user.partnershipId()).stream().filter(a -> a.id() == ownerAgencyId).findFirst();
            if (agency.isEmpty()) {
                problems.add(FieldProblem.of("owner", "Choose an agency of the partnership"));
            } else {
                ownerName = agency.get().name();
            }
        }
        return new Checked(t, list, ownerAgencyId, ownerName);
    }

    private static List<String> normalised(List<String> themes) {
        var set = new LinkedHashSet<String>();
        themes.stream().filter(t -> t != null && !t.isBlank()).map(t -> t.strip().toLowerCase(Locale.UK)).forEach(set::add);
        return List.copyOf(set);
    }

    private static void conflictIfNone(int changed) {
        if (changed == 0) {
            throw new EditConflict("Someone else changed this recommendation since you opened it: check it again");
        }
    }

    private long insert(long partnershipId, Checked c, LocalDate due, Status status, String evidence, LocalDate completedOn, String actor) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into learning_recommendation (partnership_id, text, owner_agency_id, owner_agency, due_date, status, evidence,
                                                     completed_on, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(partnershipId, c.text(), c.ownerId(), c.ownerName(), due, status.name(), evidence, completedOn, actor,
                        LocalDateTime.now(clock))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        insertThemes(id, c.themes());
        return id;
    }

    private void insertThemes(long id, List<String> themes) {
        themes.forEach(t -> jdbc.sql("insert into learning_recommendation_theme (recommendation_id, theme) values (?, ?)")
                .params(id, t).update());
    }

    private void insertSource(long id, Source source) {
        jdbc.sql("insert into learning_recommendation_source (recommendation_id, source_kind, source_id, source_title) values (?, ?, ?, ?)")
                .params(id, source.kind().name(), source.id(), source.title()).update();
    }

    private List<Recommendation> query(String where, Object... params) {
        long partnershipId = (Long) params[0];
        Map<Long, List<Source>> sources = new LinkedHashMap<>();
        jdbc.sql("""
                select s.recommendation_id, s.source_kind, s.source_id, s.source_title from learning_recommendation_source s
                join learning_recommendation r on r.id = s.recommendation_id where r.partnership_id = ?
                order by s.source_kind, s.source_title""").param(partnershipId)
                .query((ResultSet rs) -> {
                    sources.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Source(SourceKind.valueOf(rs.getString(2)), rs.getLong(3), rs.getString(4)));
                });
        Map<Long, List<String>> themes = new LinkedHashMap<>();
        jdbc.sql("""
                select t.recommendation_id, t.theme from learning_recommendation_theme t
                join learning_recommendation r on r.id = t.recommendation_id where r.partnership_id = ? order by t.theme""")
                .param(partnershipId)
                .query((ResultSet rs) -> {
                    themes.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        return jdbc.sql("""
                select r.id, r.text, r.owner_agency_id, r.owner_agency, r.due_date, r.status, r.evidence, r.completed_on, r.version
                from learning_recommendation r""" + where).params(params)
                .query((rs, n) -> recommendation(rs, sources, themes)).list();
    }

    private static Recommendation recommendation(ResultSet rs, Map<Long, List<Source>> sources, Map<Long, List<String>> themes)
            throws SQLException {
        long id = rs.getLong(1);
        long owner = rs.getLong(3);
        Long ownerId = rs.wasNull() ? null : owner;
        return new Recommendation(id, rs.getString(2), ownerId, rs.getString(4),
                rs.getObject(5, LocalDate.class), Status.valueOf(rs.getString(6)), rs.getString(7), rs.getObject(8, LocalDate.class),
                rs.getInt(9), sources.getOrDefault(id, List.of()), themes.getOrDefault(id, List.of()));
    }
}
