package org.canopy.learning.library;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.canopy.learning.access.LearningRules;
import org.canopy.learning.sources.Source;
import org.canopy.learning.sources.SourceKind;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.RecordChanged;
import org.canopy.web.EditConflict;
import org.canopy.web.FieldProblem;
import org.canopy.web.InvalidInput;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seven-minute briefings: a review's or audit's learning in the seven parts partnerships use, short
 * enough to share at the start of a team meeting. Narrative is stored as plain text.
 */
@Service
class Briefings {

    /** One of the seven parts: its form field (and column), its heading and what goes in it. */
    record Part(int number, String field, String column, String heading, String hint) {
    }

    static final List<Part> PARTS = List.of(
            new Part(1, "background", "background", "Background", "The review or audit and why it was held"),
            new Part(2, "keyFacts", "key_facts", "The case: what happened", "The key facts, by pseudonym only"),
            new Part(3, "learning", "learning", "What we found: the learning", "The main findings"),
            new Part(4, "whyItMatters", "why_it_matters", "Why it matters", "What it means for children and families"),
            new Part(5, "practicePoints", "practice_points", "What to do: practice points", "What practitioners should do differently"),
            new Part(6, "reflection", "reflection", "Questions for reflection", "Questions for teams and supervision"),
            new Part(7, "resources", "resources", "Further information and resources", "Guidance, tools and training"));

    record Briefing(long id, Source source, List<String> parts, String updatedBy, LocalDateTime updatedAt, int version) {

        /** The text of part {@code number} (1 to 7), or null. */
        public String part(int number) {
            return parts.get(number - 1);
        }

        /** The learning part, or the background when the learning is not yet written. */
        public String summary() {
            return part(3) != null ? part(3) : part(1);
        }
    }

    private final JdbcClient jdbc;
    private final LearningRules rules;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Briefings(JdbcClient jdbc, LearningRules rules, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.events = events;
        this.clock = clock;
    }

    List<Briefing> briefings(long partnershipId) {
        return jdbc.sql(SELECT + " where partnership_id = ? order by source_title").param(partnershipId).query(Briefings::briefing).list();
    }

    Optional<Briefing> briefing(long partnershipId, SourceKind kind, long sourceId) {
        return jdbc.sql(SELECT + " where partnership_id = ? and source_kind = ? and source_id = ?").params(partnershipId, kind.name(), sourceId)
                .query(Briefings::briefing).optional();
    }

    /**
     * Writes the source's briefing: created when {@code version} is negative and none exists yet, otherwise
     * replaced if the version still matches. Every part is optional while it is being written.
     */
    @Transactional
    Briefing save(CanopyUser user, Source source, Map<String, String> form, int version) {
        rules.requireEditor(user, "write briefings");
        var problems = new ArrayList<FieldProblem>();
        var texts = new ArrayList<String>();
        for (var part : PARTS) {
            texts.add(rules.text(part.field(), part.heading(), form.get(part.field()), false, 4000, problems));
        }
        if (texts.stream().allMatch(t -> t == null)) {
            problems.add(FieldProblem.of(PARTS.get(0).field(), "Write at least one part of the briefing"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var current = briefing(user.partnershipId(), source.kind(), source.id());
        var now = LocalDateTime.now(clock);
        var columns = String.join(", ", PARTS.stream().map(Part::column).toList());
        var params = new ArrayList<Object>();
        if (current.isEmpty()) {
            if (version >= 0) {
                throw new EditConflict("The briefing was removed since you opened it: check it again");
            }
            params.addAll(List.of(user.partnershipId(), source.kind().name(), source.id(), source.title()));
            params.addAll(texts);
            params.addAll(List.of(user.getUsername(), now));
            jdbc.sql("insert into learning_briefing (partnership_id, source_kind, source_id, source_title, " + columns
                    + ", updated_by, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").params(params).update();
        } else {
            params.addAll(texts);
            params.addAll(List.of(user.getUsername(), now, current.get().id(), version));
            int changed = jdbc.sql("update learning_briefing set " + String.join(" = ?, ", PARTS.stream().map(Part::column).toList())
                    + " = ?, updated_by = ?, updated_at = ?, version = version + 1 where id = ? and version = ?").params(params).update();
            if (changed == 0) {
                throw new EditConflict("Someone else changed this briefing since you opened it: check it again");
            }
        }
        var after = briefing(user.partnershipId(), source.kind(), source.id()).orElseThrow();
        events.publishEvent(RecordChanged.by(user, "briefing", after.id(), current.isEmpty() ? "added" : "edited",
                "Wrote the seven-minute briefing for " + source.label(), current.orElse(null), after));
        return after;
    }

    private static final String SELECT = """
            select id, source_kind, source_id, source_title, background, key_facts, learning, why_it_matters, practice_points,
                   reflection, resources, updated_by, updated_at, version from learning_briefing""";

    private static Briefing briefing(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        var parts = new ArrayList<String>();
        for (int i = 0; i < PARTS.size(); i++) {
            parts.add(rs.getString(5 + i));
        }
        return new Briefing(rs.getLong(1), new Source(SourceKind.valueOf(rs.getString(2)), rs.getLong(3), rs.getString(4)),
                java.util.Collections.unmodifiableList(parts), rs.getString(12), rs.getObject(13, LocalDateTime.class), rs.getInt(14));
    }
}
