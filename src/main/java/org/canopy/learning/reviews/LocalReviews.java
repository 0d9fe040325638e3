package org.canopy.learning.reviews;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.canopy.learning.access.LearningAccess;
import org.canopy.learning.access.LearningInput;
import org.canopy.learning.incidents.Incidents;
import org.canopy.learning.ReviewPublished;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.RecordChanged;
import org.canopy.web.DateInput;
import org.canopy.web.DateInput.Range;
import org.canopy.web.EditConflict;
import org.canopy.web.FieldProblem;
import org.canopy.web.InvalidInput;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Local reviews (a local child safeguarding practice review or a local learning review), one per incident whose
 * rapid review decided on one: the methods chosen, the author and their confirmed independence from the case,
 * and the dates of each stage through publication and the workshops after it.
 */
@Service
public class LocalReviews {

    public record LocalReview(long incidentId, LocalDate startDate, Set<ReviewMethod> methods, String author, String authorConfirmedBy,
            LocalDateTime authorConfirmedAt, String progress, Map<Stage, LocalDate> stages, int version) {

        /** The date of a stage, or null. */
        public LocalDate stage(Stage stage) {
            return stages.get(stage);
        }
    }

    /**
     * What a form or API call asks to store. {@code authorConfirmed}: the author has confirmed they had no
     * direct involvement in the case; required whenever an author is named or changed.
     */
    public record LocalReviewInput(DateInput startDate, Set<String> methods, String author, boolean authorConfirmed, String progress,
            Map<Stage, DateInput> stages) {
    }

    private final JdbcClient jdbc;
    private final Incidents incidents;
    private final LearningAccess access;
    private final LearningInput input;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LocalReviews(JdbcClient jdbc, Incidents incidents, LearningAccess access, LearningInput input, ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.incidents = incidents;
        this.access = access;
        this.input = input;
        this.events = events;
        this.clock = clock;
    }

    /** The incident's local review, if one has started. */
    public Optional<LocalReview> localReview(long partnershipId, long incidentId) {
        incidents.incident(partnershipId, incidentId);
        return jdbc.sql(SELECT + " where r.incident_id = ?").param(incidentId).query(this::localReview).optional();
    }

    /** Every local review of the partnership, by incident id. */
    public Map<Long, LocalReview> localReviews(long partnershipId) {
        return jdbc.sql(SELECT + " join serious_incident i on i.id = r.incident_id where i.partnership_id = ?")
                .param(partnershipId).query(this::localReview).list().stream()
                .collect(Collectors.toMap(LocalReview::incidentId, r -> r));
    }

    /** Starts or changes the local review of an incident; {@code version} is -1 to start one. */
    @Transactional
    public LocalReview save(CanopyUser user, long incidentId, LocalReviewInput in, int version) {
        var incident = incidents.incident(user.partnershipId(), incidentId);
        if (!access.mayEditLocalReview(user)) {
            throw new AccessDeniedException("Only the administrator, the Rapid Review Panel's chairs and the executive edit local reviews");
        }
        var decision = incidents.rapidReview(user.partnershipId(), incidentId).map(Incidents.RapidReview::decision).orElse(null);
        var current = localReview(user.partnershipId(), incidentId).orElse(null);
        var problems = new ArrayList<FieldProblem>();
        if (current == null && (decision == null || !decision.leadsToLocalReview())) {
            problems.add(FieldProblem.of("startDate", "A local review starts once the rapid review has decided on one"));
        }
        var today = LocalDate.now(clock);
        var start = in.startDate().read("startDate", "The start date", true, Range.PLANNED, today, problems);
        var methods = EnumSet.noneOf(ReviewMethod.class);
        for (String m : in.methods() == null ? Set.<String>of() : in.methods()) {
            try {
                methods.add(ReviewMethod.valueOf(m.strip()));
            } catch (IllegalArgumentException e) {
                problems.add(FieldProblem.of("methods", "Choose methods from the list"));
            }
        }
        if (methods.isEmpty()) {
            problems.add(FieldProblem.of("methods", "Choose at least one way the review will be carried out"));
        }
        String author = input.text("author", "The author", in.author(), false, 200, problems);
        boolean authorChanged = author != null && (current == null || !author.equals(current.author()));
        boolean stillConfirmed = author != null && !authorChanged && current.authorConfirmedBy() != null;
        if (authorChanged && !in.authorConfirmed()) {
            problems.add(FieldProblem.of("authorConfirmed",
                    "Confirm that the author is a senior person with no direct involvement in the case before assigning them"));
        }
        String progress = input.text("progress", "What has taken place", in.progress(), false, 4000, problems);
        var stages = new EnumMap<Stage, LocalDate>(Stage.class);
        for (var stage : Stage.values()) {
            var typed = in.stages() == null ? null : in.stages().get(stage);
            // Publication and the workshops after it are recorded once held; earlier stages may be planned ahead.
            var date = typed == null ? null : typed.read(stage.field(), "The date of the stage " + stage.label().toLowerCase(), false,
                    stage.ordinal() >= Stage.PUBLISHED.ordinal() ? Range.PAST : Range.PLANNED, today, problems);
            if (date != null) {
                stages.put(stage, date);
            }
        }
        if (start != null && stages.containsKey(Stage.PUBLISHED) && stages.get(Stage.PUBLISHED).isBefore(start)) {
            problems.add(FieldProblem.of(Stage.PUBLISHED.field(), "The publication date must be on or after the start date"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        String confirmedBy = stillConfirmed ? current.authorConfirmedBy() : authorChanged ? user.getUsername() : null;
        LocalDateTime confirmedAt = stillConfirmed ? current.authorConfirmedAt() : authorChanged ? LocalDateTime.now(clock) : null;
        var params = new ArrayList<Object>(List.of(start));
        params.add(author);
        params.add(confirmedBy);
        params.add(confirmedAt);
        params.add(progress);
        for (var stage : Stage.values()) {
            params.add(stages.get(stage));
        }
        String stageColumns = java.util.Arrays.stream(Stage.values()).map(Stage::column).collect(Collectors.joining(", "));
        if (current == null) {
            if (version != -1) {
                throw new EditConflict("The local review was removed since you opened it: check it again");
            }
            params.add(0, incidentId);
            try {
                jdbc.sql("insert into local_review (incident_id, start_date, author, author_confirmed_by, author_confirmed_at, progress, "
                        + stageColumns + ") values (" + String.join(", ", Collections.nCopies(params.size(), "?")) + ")")
                        .params(params).update();
            } catch (DuplicateKeyException e) {
                throw new EditConflict("Someone else started this local review since you opened it: check it again");
            }
        } else {
            params.add(incidentId);
            params.add(version);
            String sets = java.util.Arrays.stream(Stage.values()).map(s -> s.column() + " = ?").collect(Collectors.joining(", "));
            int changed = jdbc.sql("update local_review set start_date = ?, author = ?, author_confirmed_by = ?, author_confirmed_at = ?, "
                    + "progress = ?, " + sets + ", version = version + 1 where incident_id = ? and version = ?").params(params).update();
            if (changed == 0) {
                throw new EditConflict("Someone else changed this local review since you opened it: check it again");
            }
            jdbc.sql("delete from local_review_method where incident_id = ?").param(incidentId).update();
        }
        for (var method : methods) {
            jdbc.sql("insert into local_review_method (incident_id, method) values (?, ?)").params(incidentId, method.name()).update();
        }
        var saved = localReview(user.partnershipId(), incidentId).orElseThrow();
        events.publishEvent(RecordChanged.by(user, "local-review", incidentId, current == null ? "started" : "updated",
                (current == null ? "Started the local review of " : "Changed the local review of ") + incident.pseudonym(), current, saved));
        // The day the report is published is the day its learning begins: announced once, when the date is first given.
        if (saved.stage(Stage.PUBLISHED) != null && (current == null || current.stage(Stage.PUBLISHED) == null)) {
            events.publishEvent(new ReviewPublished(user.partnershipId(), incidentId, incident.pseudonym(), saved.stage(Stage.PUBLISHED)));
        }
        return saved;
    }

    /** Demo data: a local review as a public document describes it, with no dates it does not give. */
    public void saveForDemo(long incidentId, Set<ReviewMethod> methods, String author, String confirmedBy, String progress) {
        jdbc.sql("insert into local_review (incident_id, author, author_confirmed_by, progress) values (?, ?, ?, ?)")
                .params(incidentId, author, confirmedBy, progress).update();
        methods.forEach(m -> jdbc.sql("insert into local_review_method (incident_id, method) values (?, ?)")
                .params(incidentId, m.name()).update());
    }

    private static final String SELECT = "select r.* from local_review r";

    private LocalReview localReview(ResultSet rs, int n) throws SQLException {
        long incidentId = rs.getLong("incident_id");
        var stages = new EnumMap<Stage, LocalDate>(Stage.class);
        for (var stage : Stage.values()) {
            var date = rs.getObject(stage.column(), LocalDate.class);
            if (date != null) {
                stages.put(stage, date);
            }
        }
        var methods = EnumSet.noneOf(ReviewMethod.class);
        jdbc.sql("select method from local_review_method where incident_id = ?").param(incidentId).query(String.class).list()
                .forEach(m -> methods.add(ReviewMethod.valueOf(m)));
        return new LocalReview(incidentId, rs.getObject("start_date", LocalDate.class), methods, rs.getString("author"),
                rs.getString("author_confirmed_by"), rs.getObject("author_confirmed_at", LocalDateTime.class), rs.getString("progress"),
                stages, rs.getInt("version"));
    }
}
