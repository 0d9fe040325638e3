package org.canopy.learning.incidents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.canopy.learning.access.LearningAccess;
import org.canopy.learning.access.LearningInput;
import org.canopy.partnership.AgencyDirectory;
import org.canopy.partnership.AgencySummary;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.RecordChanged;
import org.canopy.web.DateInput;
import org.canopy.web.DateInput.Range;
import org.canopy.web.EditConflict;
import org.canopy.web.FieldProblem;
import org.canopy.web.InvalidInput;
import org.canopy.web.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Serious incident notifications and their rapid reviews. A case is named by a short pseudonym only; the
 * pseudonym and every free text are read by the identifier guard before anything is stored.
 */
@Service
public class Incidents {

    static final int PSEUDONYM_MAX = 60;

    public record Incident(long id, String pseudonym, LocalDate awareDate, String summary, Set<Criterion> criteria,
            LocalDate notifiedDate, String createdBy, LocalDateTime createdAt, int version) {
    }

    /** What a form or API call asks to store; dates as typed (the page's date inputs or the API's ISO dates). */
    record IncidentInput(String pseudonym, DateInput awareDate, String summary, Set<Criterion> criteria, DateInput notifiedDate) {
    }

    public record RapidReview(long incidentId, LocalDate panelDate, List<Long> agencyIds, String immediateActions,
            ReviewDecision decision, String decisionReasons, LocalDate sentToPanelDate, String panelResponse, int version) {
    }

    record RapidReviewInput(DateInput panelDate, List<Long> agencyIds, String immediateActions, String decision,
            String decisionReasons, DateInput sentToPanelDate, String panelResponse) {
    }

    private final JdbcClient jdbc;
    private final LearningAccess access;
    private final LearningInput input;
    private final AgencyDirectory agencies;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Incidents(JdbcClient jdbc, LearningAccess access, LearningInput input, AgencyDirectory agencies,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.input = input;
        this.agencies = agencies;
        this.events = events;
        this.clock = clock;
    }

    /** The partnership's incidents, newest awareness first (undated ones last). */
    public List<Incident> incidents(long partnershipId) {
        return jdbc.sql(SELECT + " where partnership_id = ? order by case when aware_date is null then 1 else 0 end,"
                + " aware_date desc, id desc").param(partnershipId).query(Incidents::incident).list();
    }

    /** One incident of the partnership. */
    public Incident incident(long partnershipId, long id) {
        return jdbc.sql(SELECT + " where partnership_id = ? and id = ?").params(partnershipId, id)
                .query(Incidents::incident).optional().orElseThrow(() -> new NotFound("The serious incident"));
    }

    /** Records a new serious incident notification. */
    @Transactional
    Incident create(CanopyUser user, IncidentInput in) {
        requireEditor(user);
        var problems = new ArrayList<FieldProblem>();
        var checked = checked(in, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var now = LocalDateTime.now(clock);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into serious_incident (partnership_id, pseudonym, aware_date, summary, child_died_or_seriously_harmed,
                    abuse_or_neglect_suspected, looked_after_child, harmed_outside_england, notified_date, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(user.partnershipId(), checked.pseudonym(), checked.awareDate(), checked.summary(),
                        in.criteria().contains(Criterion.CHILD_DIED_OR_SERIOUSLY_HARMED),
                        in.criteria().contains(Criterion.ABUSE_OR_NEGLECT_SUSPECTED),
                        in.criteria().contains(Criterion.LOOKED_AFTER_CHILD),
                        in.criteria().contains(Criterion.HARMED_OUTSIDE_ENGLAND), checked.notifiedDate(),
                        user.getUsername(), now)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        var created = incident(user.partnershipId(), id);
        events.publishEvent(RecordChanged.by(user, "serious-incident", id, "created",
                "Recorded the serious incident " + created.pseudonym(), null, created));
        return created;
    }

    /** Changes an incident's details or dates; {@code version} is the one the writer read. */
    @Transactional
    Incident update(CanopyUser user, long id, IncidentInput in, int version) {
        var current = incident(user.partnershipId(), id);
        requireEditor(user);
        var problems = new ArrayList<FieldProblem>();
        var checked = checked(in, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        int changed = jdbc.sql("""
                update serious_incident set pseudonym = ?, aware_date = ?, summary = ?, child_died_or_seriously_harmed = ?,
                    abuse_or_neglect_suspected = ?, looked_after_child = ?, harmed_outside_england = ?, notified_date = ?,
                    version = version + 1
                where id = ? and partnership_id = ? and version = ?""")
                .params(checked.pseudonym(), checked.awareDate(), checked.summary(),
                        in.criteria().contains(Criterion.CHILD_DIED_OR_SERIOUSLY_HARMED),
                        in.criteria().contains(Criterion.ABUSE_OR_NEGLECT_SUSPECTED),
                        in.criteria().contains(Criterion.LOOKED_AFTER_CHILD),
                        in.criteria().contains(Criterion.HARMED_OUTSIDE_ENGLAND), checked.notifiedDate(),
                        id, user.partnershipId(), version).update();
        if (changed == 0) {
            throw new EditConflict("Someone else changed this incident since you opened it: check it again");
        }
        var updated = incident(user.partnershipId(), id);
        events.publishEvent(RecordChanged.by(user, "serious-incident", id, "updated",
                "Changed the serious incident " + updated.pseudonym(), current, updated));
        return updated;
    }

    /** Records the date the national panel was notified, keeping the incident's other details as they are. */
    @Transactional
    Incident recordNotification(CanopyUser user, long id, DateInput notified, int version) {
        var current = incident(user.partnershipId(), id);
        if (notified.isBlank()) {
            throw new InvalidInput("notifiedDate", "Enter the date the national panel was notified");
        }
        return update(user, id, new IncidentInput(current.pseudonym(), DateInput.of(current.awareDate()), current.summary(),
                current.criteria(), notified), version);
    }

    /** The incident's rapid review, if one has been recorded. */
    public Optional<RapidReview> rapidReview(long partnershipId, long incidentId) {
        incident(partnershipId, incidentId);
        return jdbc.sql(RAPID_SELECT + " where r.incident_id = ?").param(incidentId).query(Incidents::rapidReview).optional()
                .map(r -> withAgencies(r));
    }

    /** Every rapid review of the partnership, by incident id (agencies not read: the deadlines need dates only). */
    public Map<Long, RapidReview> rapidReviewDates(long partnershipId) {
        return jdbc.sql(RAPID_SELECT + " join serious_incident i on i.id = r.incident_id where i.partnership_id = ?")
                .param(partnershipId).query(Incidents::rapidReview).list().stream()
                .collect(Collectors.toMap(RapidReview::incidentId, r -> r));
    }

    /** Records or changes the rapid review of an incident (one per incident); {@code version} is -1 for a new one. */
    @Transactional
    RapidReview saveRapidReview(CanopyUser user, long incidentId, RapidReviewInput in, int version) {
        var incident = incident(user.partnershipId(), incidentId);
        requireEditor(user);
        var current = rapidReview(user.partnershipId(), incidentId).orElse(null);
        var problems = new ArrayList<FieldProblem>();
        var today = LocalDate.now(clock);
        if (incident.notifiedDate() == null) {
            // The incident page offers the rapid review only after this step; a stale form or a script may still post.
            throw new InvalidInput("panelDate", "Record the date the national panel was notified before the rapid review");
        }
        var panelDate = in.panelDate().read("panelDate", "The panel date", false, Range.PAST, today, problems);
        var sent = in.sentToPanelDate().read("sentToPanelDate", "The date sent to the national panel", false, Range.PAST, today, problems);
        if (panelDate != null && sent != null && sent.isBefore(panelDate)) {
            problems.add(FieldProblem.of("sentToPanelDate", "The date sent to the national panel must be on or after the panel date"));
        }
        var known = agencies.agencies(user.partnershipId()).stream().map(AgencySummary::id).collect(Collectors.toSet());
        var agencyIds = new ArrayList<>(new LinkedHashSet<>(in.agencyIds() == null ? List.of() : in.agencyIds()));
        if (!known.containsAll(agencyIds)) {
            problems.add(FieldProblem.of("agencies", "Choose agencies of the partnership"));
        }
        String actions = input.text("immediateActions", "The immediate actions", in.immediateActions(), false, 4000, problems);
        ReviewDecision decision = null;
        if (in.decision() != null && !in.decision().isBlank()) {
            try {
                decision = ReviewDecision.valueOf(in.decision().strip());
            } catch (IllegalArgumentException e) {
                problems.add(FieldProblem.of("decision", "Choose a decision from the list"));
            }
        }
        String reasons = input.text("decisionReasons", "The reasons for the decision", in.decisionReasons(), decision != null, 4000, problems);
        if (sent != null && decision == null) {
            problems.add(FieldProblem.of("decision", "Record the decision before the review is sent to the national panel"));
        }
        String response = input.text("panelResponse", "The national panel's response", in.panelResponse(), false, 4000, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        String decisionName = decision == null ? null : decision.name();
        if (current == null) {
            if (version != -1) {
                throw new EditConflict("The rapid review was removed since you opened it: check it again");
            }
            try {
                jdbc.sql("""
                        insert into rapid_review (incident_id, panel_date, immediate_actions, decision, decision_reasons,
                            sent_to_panel_date, panel_response) values (?, ?, ?, ?, ?, ?, ?)""")
                        .params(incidentId, panelDate, actions, decisionName, reasons, sent, response).update();
            } catch (DuplicateKeyException e) {
                throw new EditConflict("Someone else recorded this rapid review since you opened it: check it again");
            }
        } else {
            int changed = jdbc.sql("""
                    update rapid_review set panel_date = ?, immediate_actions = ?, decision = ?, decision_reasons = ?,
                        sent_to_panel_date = ?, panel_response = ?, version = version + 1 where incident_id = ? and version = ?""")
                    .params(panelDate, actions, decisionName, reasons, sent, response, incidentId, version).update();
            if (changed == 0) {
                throw new EditConflict("Someone else changed this rapid review since you opened it: check it again");
            }
            jdbc.sql("delete from rapid_review_agency where incident_id = ?").param(incidentId).update();
        }
        for (long agencyId : agencyIds) {
            jdbc.sql("insert into rapid_review_agency (incident_id, agency_id) values (?, ?)").params(incidentId, agencyId).update();
        }
        var saved = rapidReview(user.partnershipId(), incidentId).orElseThrow();
        events.publishEvent(RecordChanged.by(user, "rapid-review", incidentId, current == null ? "created" : "updated",
                "Recorded the rapid review of " + incident.pseudonym(), current, saved));
        return saved;
    }

    void requireEditor(CanopyUser user) {
        if (!access.mayEdit(user)) {
            throw new AccessDeniedException("Only the administrator and the Rapid Review Panel's chairs record incidents and rapid reviews");
        }
    }

    private record Checked(String pseudonym, LocalDate awareDate, String summary, LocalDate notifiedDate) {
    }

    private Checked checked(IncidentInput in, List<FieldProblem> problems) {
        var today = LocalDate.now(clock);
        // A pseudonym is a first name by design ("Ollie", "Baby Amara"): it is read for every identifier but a child's name.
        String pseudonym = input.pseudonym("pseudonym", "A pseudonym", in.pseudonym(), PSEUDONYM_MAX, problems);
        var aware = in.awareDate().read("awareDate", "The date the local authority became aware", true, Range.PAST, today, problems);
        if (in.criteria().isEmpty()) {
            problems.add(FieldProblem.of("criteria", "Select at least one criterion the incident meets"));
        }
        String summary = input.text("summary", "The summary", in.summary(), false, 4000, problems);
        var notified = in.notifiedDate().read("notifiedDate", "The date the national panel was notified", false, Range.PAST, today, problems);
        if (aware != null && notified != null && notified.isBefore(aware)) {
            problems.add(FieldProblem.of("notifiedDate", "The date the national panel was notified must be on or after the date the local authority became aware"));
        }
        return new Checked(pseudonym, aware, summary, notified);
    }

    private RapidReview withAgencies(RapidReview r) {
        var ids = jdbc.sql("select agency_id from rapid_review_agency where incident_id = ? order by agency_id")
                .param(r.incidentId()).query(Long.class).list();
        return new RapidReview(r.incidentId(), r.panelDate(), ids, r.immediateActions(), r.decision(), r.decisionReasons(),
                r.sentToPanelDate(), r.panelResponse(), r.version());
    }

    private static final String SELECT = """
            select id, pseudonym, aware_date, summary, child_died_or_seriously_harmed, abuse_or_neglect_suspected,
                   looked_after_child, harmed_outside_england, notified_date, created_by, created_at, version
            from serious_incident""";

    private static Incident incident(ResultSet rs, int n) throws SQLException {
        var criteria = EnumSet.noneOf(Criterion.class);
        for (var c : Criterion.values()) {
            if (rs.getBoolean(c.column())) {
                criteria.add(c);
            }
        }
        return new Incident(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4), criteria,
                rs.getObject(9, LocalDate.class), rs.getString(10), rs.getObject(11, LocalDateTime.class), rs.getInt(12));
    }

    private static final String RAPID_SELECT = """
            select r.incident_id, r.panel_date, r.immediate_actions, r.decision, r.decision_reasons, r.sent_to_panel_date,
                   r.panel_response, r.version from rapid_review r""";

    private static RapidReview rapidReview(ResultSet rs, int n) throws SQLException {
        String decision = rs.getString(4);
        return new RapidReview(rs.getLong(1), rs.getObject(2, LocalDate.class), List.of(), rs.getString(3),
                decision == null ? null : ReviewDecision.valueOf(decision), rs.getString(5), rs.getObject(6, LocalDate.class),
                rs.getString(7), rs.getInt(8));
    }

    /** Agency names by id, for pages and the API. */
    Map<Long, String> agencyNames(long partnershipId) {
        var names = new HashMap<Long, String>();
        agencies.agencies(partnershipId).forEach(a -> names.put(a.id(), a.name()));
        return names;
    }
}
