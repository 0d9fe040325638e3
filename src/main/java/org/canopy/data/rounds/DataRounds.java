package org.canopy.data.rounds;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.canopy.data.observations.DataViews.Indicator;
import org.canopy.data.catalogue.DemoIndicators;
import org.canopy.data.catalogue.Frequency;
import org.canopy.data.checks.FigureChecks;
import org.canopy.data.observations.DataStore;
import org.canopy.data.observations.DataViews;
import org.canopy.data.observations.ObservationWriter;
import org.canopy.data.observations.Spc;
import org.canopy.governance.GroupFunction;
import org.canopy.governance.Groups;
import org.canopy.data.RoundClosed;
import org.canopy.partnership.AgencyDirectory;
import org.canopy.partnership.AgencySummary;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.Outbox;
import org.canopy.partnership.People;
import org.canopy.partnership.RecordChanged;
import org.canopy.partnership.Role;
import org.canopy.web.EditConflict;
import org.canopy.web.DateInput;
import org.canopy.web.FieldProblem;
import org.canopy.web.InvalidInput;
import org.canopy.web.NotFound;
import org.canopy.web.Period;
import org.canopy.web.StatusTag;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Submission rounds, the "data journey" of the annual report: the administrator asks the agencies for a
 * period's figures by a due date; each agency's contributors enter a value and narrative per indicator
 * and an overall narrative, save a draft and submit; the quality assurance group accepts the submission
 * (its figures then join the dashboard) or returns it with a comment. Late agencies are reminded by email.
 */
@Service
public class DataRounds {

    /** Where an agency's figures for a round stand, from not started to accepted. */
    enum Status implements StatusTag {
        NOT_STARTED("Not started", "govuk-tag--grey"), DRAFT("Draft", "govuk-tag--yellow"),
        SUBMITTED("Submitted for review", "govuk-tag--blue"), ACCEPTED("Accepted", "govuk-tag--green"),
        RETURNED("Returned for changes", "govuk-tag--red");

        private final Tag tag;

        Status(String label, String tagClass) { tag = new Tag(label, tagClass); }

        @Override public Tag tag() { return tag; }

        /** Whether the agency still owes its figures. */
        boolean outstanding() {
            return this == NOT_STARTED || this == DRAFT || this == RETURNED;
        }
    }

    public record Round(long id, long partnershipId, String period, LocalDate periodStart, LocalDate dueDate, String openedBy,
            LocalDateTime openedAt, LocalDateTime closedAt) {

        public boolean open() {
            return closedAt == null;
        }

        Period dataPeriod() {
            return Period.parse(period).orElseThrow(); // stored labels were parsed on the way in
        }
    }

    /** One requested figure of a submission, with the latest figure held before it for context. */
    record Line(Indicator indicator, BigDecimal value, String narrative, String flag, String previousPeriod,
            BigDecimal previousValue) {

        public String shownValue() {
            return value == null ? "" : value.toPlainString();
        }

        public String shownPrevious() {
            return previousValue == null ? "" : DataViews.format(previousValue) + indicator.unit().suffix() + " in " + previousPeriod;
        }
    }

    record Submission(Long id, Round round, AgencySummary agency, Status status, String overallNarrative, String savedBy,
            LocalDateTime savedAt, String submittedBy, LocalDateTime submittedAt, String reviewedBy, LocalDateTime reviewedAt,
            String reviewComment, int version, List<Line> lines) {

        /** Due and still owed on the given day. */
        public boolean lateOn(LocalDate today) {
            return status.outstanding() && today.isAfter(round.dueDate()) && !lines.isEmpty();
        }
    }

    /** An agency's place in a round, for the round's overview. */
    public record AgencyProgress(AgencySummary agency, Status status, int requested, LocalDateTime submittedAt, boolean late,
            LocalDateTime lastReminder) {
    }

    private final JdbcClient jdbc;
    private final DataStore store;
    private final AgencyDirectory agencies;
    private final People people;
    private final Groups groups;
    private final Outbox outbox;
    private final FigureChecks checks;
    private final ObservationWriter writer;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DataRounds(JdbcClient jdbc, DataStore store, AgencyDirectory agencies, People people, Groups groups, Outbox outbox,
            FigureChecks checks, ObservationWriter writer, ApplicationEventPublisher events, Clock clock) {
        this.writer = writer;
        this.jdbc = jdbc;
        this.store = store;
        this.agencies = agencies;
        this.people = people;
        this.groups = groups;
        this.outbox = outbox;
        this.checks = checks;
        this.events = events;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    // ----- who may do what -------------------------------------------------------------------------

    /** The administrator, or a group chair who belongs to the quality assurance group (by its function, whatever its name). */
    public boolean isReviewer(CanopyUser user) {
        return groups.administratorOrChairOf(user, GroupFunction.QUALITY_ASSURANCE);
    }

    /** A member of the quality assurance group (any role), or the administrator. */
    public boolean inQualityAssurance(CanopyUser user) {
        return user.isAdministrator() || groups.memberOf(user, GroupFunction.QUALITY_ASSURANCE);
    }

    /**
     * Who may read an agency's figures before they are accepted: its own contributors, the quality assurance
     * group and the administrator. Once accepted they are on the dashboard for everyone.
     */
    boolean mayReadSubmission(CanopyUser user, long agencyId) {
        return maySubmitFor(user, agencyId) || inQualityAssurance(user);
    }

    /** The administrator, or a contributor of that agency. */
    public static boolean maySubmitFor(CanopyUser user, long agencyId) {
        return user.isAdministrator()
                || (user.role() == Role.AGENCY_CONTRIBUTOR && user.agencyId() != null && user.agencyId() == agencyId);
    }

    private static void requireAdministrator(CanopyUser user) {
        if (!user.isAdministrator()) {
            throw new AccessDeniedException("Only the partnership administrator manages submission rounds");
        }
    }

    // ----- rounds ----------------------------------------------------------------------------------

    public List<Round> rounds(long partnershipId) {
        return jdbc.sql(SELECT_ROUND + " where partnership_id = ? order by period_start desc, id desc").param(partnershipId)
                .query(DataRounds::round).list();
    }

    Round round(long partnershipId, long roundId) {
        return jdbc.sql(SELECT_ROUND + " where partnership_id = ? and id = ?").params(partnershipId, roundId)
                .query(DataRounds::round).optional().orElseThrow(() -> new NotFound("The submission round"));
    }

    @Transactional
    Round open(CanopyUser admin, String periodText, DateInput dueDate) {
        requireAdministrator(admin);
        var problems = new ArrayList<FieldProblem>();
        var period = Period.parse(periodText);
        if (period.isEmpty()) {
            problems.add(FieldProblem.of("period", "Enter the period like 2021-22 (a financial year), 2021-22-Q1 (a quarter) or 2021-04 (a month)"));
        } else if (jdbc.sql("select count(*) from data_round where partnership_id = ? and period = ?")
                .params(admin.partnershipId(), period.get().label()).query(Integer.class).single() > 0) {
            problems.add(FieldProblem.of("period", "There is already a round for " + period.get().label()));
        }
        LocalDate due = dueDate.read("dueDate", "The due date", true, DateInput.Range.PLANNED, LocalDate.now(clock), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        long id = store.insert("""
                insert into data_round (partnership_id, period, period_start, due_date, opened_by, opened_at)
                values (?, ?, ?, ?, ?, ?)""", admin.partnershipId(), period.get().label(), period.get().start(), due,
                admin.getUsername(), LocalDateTime.now(clock));
        var round = round(admin.partnershipId(), id);
        events.publishEvent(RecordChanged.by(admin, "data-round", id, "opened",
                "Opened the " + round.period() + " data round, due " + due, null, round));
        return round;
    }

    /** Opens a round for the demo partnership, as its administrator would. */
    @Transactional
    public void openForDemo(long partnershipId, String period, LocalDate due) {
        var p = Period.parse(period).orElseThrow();
        long id = store.insert("""
                insert into data_round (partnership_id, period, period_start, due_date, opened_by, opened_at)
                values (?, ?, ?, ?, ?, ?)""", partnershipId, p.label(), p.start(), due, DemoIndicators.ACTOR, LocalDateTime.now(clock));
        events.publishEvent(new RecordChanged(partnershipId, DemoIndicators.ACTOR, "data-round", String.valueOf(id), "opened",
                "Opened the " + period + " data round, due " + due, null, Map.of("period", period, "due", due.toString())));
    }

    @Transactional
    void close(CanopyUser admin, long roundId) {
        requireAdministrator(admin);
        var round = round(admin.partnershipId(), roundId);
        if (!round.open()) {
            return;
        }
        // Only the close that changes the row announces it: two administrators closing at once send one event.
        if (jdbc.sql("update data_round set closed_at = ? where id = ? and closed_at is null").params(LocalDateTime.now(clock), roundId)
                .update() == 0) {
            return;
        }
        events.publishEvent(RecordChanged.by(admin, "data-round", roundId, "closed", "Closed the " + round.period()
                + " data round", round, round(admin.partnershipId(), roundId)));
        events.publishEvent(new RoundClosed(admin.partnershipId(), roundId, round.period(), admin.getUsername()));
    }

    /** The indicators a round asks an agency for: its own indicators collected at the round's frequency. */
    List<Indicator> requested(Round round, long agencyId) {
        var frequency = Frequency.of(round.dataPeriod());
        return store.indicators(round.partnershipId()).stream()
                .filter(i -> i.sourceAgencyId() != null && i.sourceAgencyId() == agencyId && i.frequency() == frequency)
                .toList();
    }

    /** Every agency the round asks for figures, with its progress. */
    public List<AgencyProgress> progress(Round round) {
        Map<Long, Object[]> byAgency = new HashMap<>();
        jdbc.sql("select agency_id, status, submitted_at from data_submission where round_id = ?").param(round.id())
                .query((rs, n) -> byAgency.put(rs.getLong(1), new Object[] {Status.valueOf(rs.getString(2)),
                        rs.getObject(3, LocalDateTime.class)})).list();
        Map<Long, LocalDateTime> reminded = new HashMap<>();
        jdbc.sql("select agency_id, max(sent_at) from data_reminder where round_id = ? group by agency_id").param(round.id())
                .query((rs, n) -> reminded.put(rs.getLong(1), rs.getObject(2, LocalDateTime.class))).list();
        var frequency = Frequency.of(round.dataPeriod());
        Map<Long, Integer> requested = new HashMap<>();
        store.indicators(round.partnershipId()).stream()
                .filter(i -> i.sourceAgencyId() != null && i.frequency() == frequency)
                .forEach(i -> requested.merge(i.sourceAgencyId(), 1, Integer::sum));
        var today = today();
        var progress = new ArrayList<AgencyProgress>();
        for (var agency : agencies.agencies(round.partnershipId())) {
            if (!requested.containsKey(agency.id())) {
                continue;
            }
            var row = byAgency.get(agency.id());
            var status = row == null ? Status.NOT_STARTED : (Status) row[0];
            progress.add(new AgencyProgress(agency, status, requested.get(agency.id()), row == null ? null : (LocalDateTime) row[1],
                    status.outstanding() && today.isAfter(round.dueDate()), reminded.get(agency.id())));
        }
        return progress;
    }

    /** Emails every contributor of each late agency; returns how many people were reminded. */
    @Transactional
    int remindLate(CanopyUser admin, long roundId) {
        requireAdministrator(admin);
        var round = round(admin.partnershipId(), roundId);
        var everyone = people.inPartnership(admin.partnershipId());
        int reminded = 0;
        var now = LocalDateTime.now(clock);
        for (var late : progress(round).stream().filter(AgencyProgress::late).toList()) {
            var recipients = everyone.stream()
                    .filter(p -> p.enabled() && p.role() == Role.AGENCY_CONTRIBUTOR && late.agency().name().equals(p.agencyName()))
                    .map(p -> p.id()).toList();
            if (recipients.isEmpty()) {
                continue;
            }
            int sent = outbox.send(admin.partnershipId(), admin.getUsername(), recipients,
                    "Figures for " + round.period() + " are overdue: " + late.agency().name(),
                    "The partnership asked " + late.agency().name() + " for its " + round.period() + " figures ("
                            + late.requested() + " indicators) by " + round.dueDate() + ". They have not yet been submitted ("
                            + late.status().label().toLowerCase() + "). Please submit them in Canopy: /data/rounds/" + round.id()
                            + "/agencies/" + late.agency().id());
            jdbc.sql("insert into data_reminder (round_id, agency_id, sent_by, sent_at, recipients) values (?, ?, ?, ?, ?)")
                    .params(round.id(), late.agency().id(), admin.getUsername(), now, sent).update();
            reminded += sent;
        }
        events.publishEvent(RecordChanged.by(admin, "data-round", roundId, "reminded",
                "Reminded " + reminded + " contributors of late agencies in the " + round.period() + " round", null,
                Map.of("reminded", reminded)));
        return reminded;
    }

    // ----- submissions -----------------------------------------------------------------------------

    /** The agency's submission for the round as it stands (an empty one if nothing is saved yet). */
    Submission submission(CanopyUser user, long roundId, long agencyId) {
        var round = round(user.partnershipId(), roundId);
        var agency = agencies.agencies(user.partnershipId()).stream().filter(a -> a.id() == agencyId).findFirst()
                .orElseThrow(() -> new NotFound("The agency"));
        if (!mayReadSubmission(user, agencyId)) {
            throw new AccessDeniedException("Until the quality assurance group accepts them, " + agency.name()
                    + "'s figures are seen only by its contributors, the quality assurance group and the administrator");
        }
        return load(round, agency);
    }

    private Submission load(Round round, AgencySummary agency) {
        var requested = requested(round, agency.id());
        var home = store.homeArea(round.partnershipId());
        var row = jdbc.sql("""
                select id, status, overall_narrative, saved_by, saved_at, submitted_by, submitted_at, reviewed_by, reviewed_at,
                       review_comment, version from data_submission where round_id = ? and agency_id = ?""")
                .params(round.id(), agency.id()).query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getObject(5, LocalDateTime.class), rs.getString(6), rs.getObject(7, LocalDateTime.class),
                        rs.getString(8), rs.getObject(9, LocalDateTime.class), rs.getString(10), rs.getInt(11)})
                .optional();
        Map<Long, Object[]> values = new HashMap<>();
        row.ifPresent(r -> jdbc.sql("select indicator_id, submitted_value, narrative, flag from data_submission_value where submission_id = ?")
                .param(r[0]).query((rs, n) -> values.put(rs.getLong(1), new Object[] {DataViews.plain(rs.getBigDecimal(2)), rs.getString(3),
                        rs.getString(4)})).list());
        var lines = new ArrayList<Line>();
        for (var indicator : requested) {
            var v = values.getOrDefault(indicator.id(), new Object[3]);
            var previous = home.flatMap(area -> store.seriesIn(indicator.id(), List.of(area.id())).stream()
                    .filter(o -> o.periodStart().isBefore(round.periodStart()))
                    .reduce((a, b) -> b));
            lines.add(new Line(indicator, (BigDecimal) v[0], (String) v[1], (String) v[2],
                    previous.map(o -> o.period()).orElse(null), previous.map(o -> o.value()).orElse(null)));
        }
        if (row.isEmpty()) {
            return new Submission(null, round, agency, Status.NOT_STARTED, null, null, null, null, null, null, null, null, -1, lines);
        }
        var r = row.get();
        return new Submission((Long) r[0], round, agency, Status.valueOf((String) r[1]), (String) r[2], (String) r[3],
                (LocalDateTime) r[4], (String) r[5], (LocalDateTime) r[6], (String) r[7], (LocalDateTime) r[8], (String) r[9],
                (Integer) r[10], lines);
    }

    /**
     * Saves the agency's figures as a draft, or submits them for review. Every figure is checked; on
     * submission every requested figure needs a value (or a narrative saying why there is none), a
     * narrative wherever the value raises a signal, and an overall narrative. Nothing is saved when any
     * check fails. {@code version} is the version the person read (-1 for a submission not yet saved).
     */
    @Transactional
    Submission save(CanopyUser user, long roundId, long agencyId, Map<String, FigureChecks.Entry> entries,
            String overallNarrative, boolean submitting, int version) {
        var current = submission(user, roundId, agencyId);
        if (!maySubmitFor(user, agencyId)) {
            throw new AccessDeniedException("Only " + current.agency().name() + "'s contributors and the administrator submit its figures");
        }
        if (!current.round().open()) {
            throw new InvalidInput("round", "The " + current.round().period() + " round is closed: figures can no longer be changed");
        }
        if (current.status() == Status.SUBMITTED || current.status() == Status.ACCEPTED) {
            throw new EditConflict("These figures were already submitted (" + current.status().label().toLowerCase()
                    + "); the quality assurance group can return them for changes");
        }
        if (current.version() != version) {
            throw new EditConflict("Someone else saved these figures since you opened them: your entries are kept below, "
                    + "check the latest and save again");
        }
        var problems = new ArrayList<FieldProblem>();
        var outcomes = new LinkedHashMap<Indicator, FigureChecks.Outcome>();
        for (var line : current.lines()) {
            var entry = entries.getOrDefault(line.indicator().code(), new FigureChecks.Entry(null, null));
            var outcome = checks.check(line.indicator(), entry, line.indicator().code(), submitting);
            problems.addAll(outcome.problems());
            outcomes.put(line.indicator(), outcome);
        }
        var period = current.round().dataPeriod();
        var home = store.homeArea(user.partnershipId());
        var flagged = new LinkedHashMap<Indicator, String>();
        if (home.isPresent()) {
            Map<String, Indicator> byCode = new HashMap<>();
            store.indicators(user.partnershipId()).forEach(i -> byCode.put(i.code(), i));
            var incoming = outcomes.entrySet().stream().filter(e -> e.getValue().value() != null)
                    .map(e -> new FigureChecks.Incoming(e.getKey(), home.get().id(), period.label(), e.getValue().value())).toList();
            var rateWarnings = checks.rateWarnings(user.partnershipId(), byCode, incoming);
            for (var e : outcomes.entrySet()) {
                var indicator = e.getKey();
                var outcome = e.getValue();
                if (outcome.value() == null) {
                    continue;
                }
                var series = store.seriesIn(indicator.id(), List.of(home.get().id()));
                var warnings = new ArrayList<String>();
                var rate = rateWarnings.get(FigureChecks.key(indicator.code(), home.get().id(), period.label()));
                if (rate != null) {
                    warnings.add(rate);
                }
                var outlier = FigureChecks.outlierWarning(indicator, series, period, outcome.value());
                if (outlier != null) {
                    warnings.add(outlier);
                }
                String flag = warnings.isEmpty() ? null : String.join(" ", warnings);
                flagged.put(indicator, flag);
                if (!submitting || outcome.narrative() != null || !outcome.problems().isEmpty()) {
                    continue;
                }
                var signal = FigureChecks.signalOf(indicator, series, period, outcome.value());
                if (signal != Spc.Signal.NONE) {
                    problems.add(FieldProblem.of(indicator.code() + "-narrative", indicator.name() + ": the figure "
                            + DataViews.format(outcome.value()) + " raises a signal (" + signal.words()
                            + "): explain it in the narrative"));
                } else if (flag != null) {
                    problems.add(FieldProblem.of(indicator.code() + "-narrative", indicator.name() + ": " + flag
                            + " Explain it in the narrative, or correct the figure."));
                }
            }
        }
        String overall = overallNarrative == null || overallNarrative.isBlank() ? null : overallNarrative.strip();
        if (overall != null && overall.length() > 4000) {
            problems.add(FieldProblem.of("overallNarrative", "The overall narrative must be 4000 characters or fewer"));
        } else if (overall != null) {
            problems.addAll(checks.identifiers("overallNarrative", "The overall narrative", overall));
        } else if (submitting) {
            problems.add(FieldProblem.of("overallNarrative", "Enter an overall narrative: what the figures say about this period"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var now = LocalDateTime.now(clock);
        var status = submitting ? Status.SUBMITTED : Status.DRAFT;
        long id;
        if (current.id() == null) {
            id = store.insert("""
                    insert into data_submission (round_id, agency_id, status, overall_narrative, saved_by, saved_at, submitted_by, submitted_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""", roundId, agencyId, status.name(), overall, user.getUsername(), now,
                    submitting ? user.getUsername() : null, submitting ? now : null);
        } else {
            id = current.id();
            int changed = jdbc.sql("""
                    update data_submission set status = ?, overall_narrative = ?, saved_by = ?, saved_at = ?, submitted_by = ?,
                           submitted_at = ?, version = version + 1 where id = ? and version = ?""")
                    .params(status.name(), overall, user.getUsername(), now, submitting ? user.getUsername() : null,
                            submitting ? now : null, id, version).update();
            if (changed == 0) {
                throw new EditConflict("Someone else saved these figures at the same moment: check the latest and save again");
            }
            jdbc.sql("delete from data_submission_value where submission_id = ?").param(id).update();
        }
        for (var e : outcomes.entrySet()) {
            var o = e.getValue();
            if (o.value() != null || o.narrative() != null) {
                jdbc.sql("insert into data_submission_value (submission_id, indicator_id, submitted_value, narrative, flag) values (?, ?, ?, ?, ?)")
                        .params(id, e.getKey().id(), o.value(), o.narrative(), flagged.get(e.getKey())).update();
            }
        }
        var saved = submission(user, roundId, agencyId);
        events.publishEvent(RecordChanged.by(user, "data-submission", id, submitting ? "submitted" : "saved",
                (submitting ? "Submitted " : "Saved a draft of ") + current.agency().name() + "'s " + current.round().period()
                        + " figures", current.id() == null ? null : summary(current), summary(saved)));
        return saved;
    }

    /**
     * The quality assurance group's decision on a submitted set of figures: accepted figures join the
     * dashboard (replacing any held for the same period); returned ones go back to the agency with the comment.
     */
    @Transactional
    Submission review(CanopyUser reviewer, long roundId, long agencyId, boolean accept, String comment, int version) {
        if (!isReviewer(reviewer)) {
            throw new AccessDeniedException("Only the quality assurance group's chairs and the administrator review submissions");
        }
        var current = submission(reviewer, roundId, agencyId);
        if (current.status() != Status.SUBMITTED) {
            throw new InvalidInput("decision", "Only submitted figures can be accepted or returned; these are "
                    + current.status().label().toLowerCase());
        }
        if (current.version() != version) {
            throw new EditConflict("The submission changed since you opened it: check it again");
        }
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        var problems = new ArrayList<FieldProblem>();
        if (!accept && text == null) {
            problems.add(FieldProblem.of("comment", "Say what needs to change before the figures can be accepted"));
        }
        if (text != null && text.length() > 2000) {
            problems.add(FieldProblem.of("comment", "The comment must be 2000 characters or fewer"));
        } else if (text != null) {
            problems.addAll(checks.identifiers("comment", "The comment", text));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var now = LocalDateTime.now(clock);
        jdbc.sql("""
                update data_submission set status = ?, reviewed_by = ?, reviewed_at = ?, review_comment = ?, version = version + 1
                where id = ? and version = ?""")
                .params((accept ? Status.ACCEPTED : Status.RETURNED).name(), reviewer.getUsername(), now, text, current.id(), version)
                .update();
        if (accept) {
            var home = store.homeArea(reviewer.partnershipId()).orElseThrow(() -> new NotFound("The partnership's own area"));
            var period = current.round().dataPeriod();
            var rows = new ArrayList<Object[]>();
            for (var line : current.lines()) {
                if (line.value() != null) {
                    rows.add(new Object[] {line.indicator().id(), home.id(), period.label(), period.start(), line.value(),
                            line.narrative(), line.flag() == null ? null : line.narrative()});
                }
            }
            writer.write(new ObservationWriter.Provenance(reviewer.getUsername(), now, current.submittedBy(),
                    reviewer.getUsername(), now, "the " + current.round().period() + " data round"), rows);
        }
        var reviewed = submission(reviewer, roundId, agencyId);
        events.publishEvent(RecordChanged.by(reviewer, "data-submission", current.id(), accept ? "accepted" : "returned",
                (accept ? "Accepted " : "Returned ") + current.agency().name() + "'s " + current.round().period() + " figures",
                summary(current), summary(reviewed)));
        return reviewed;
    }

    /** What the history keeps of a submission: status, narratives and each figure. */
    private static Map<String, Object> summary(Submission s) {
        var figures = new LinkedHashMap<String, Object>();
        s.lines().forEach(l -> {
            if (l.value() != null || l.narrative() != null) {
                figures.put(l.indicator().code(), l.value() == null ? l.narrative() : l.value().toPlainString()
                        + (l.narrative() == null ? "" : " – " + l.narrative()));
            }
        });
        var map = new LinkedHashMap<String, Object>();
        map.put("status", s.status().name());
        map.put("overallNarrative", s.overallNarrative());
        map.put("figures", figures);
        map.put("reviewComment", s.reviewComment());
        return map;
    }

    /** The rounds in which the user's agency owes figures, with the submission as it stands. */
    public List<Submission> dueFrom(CanopyUser user) {
        if (user.agencyId() == null) {
            return List.of();
        }
        var agency = agencies.agencies(user.partnershipId()).stream().filter(a -> a.id() == user.agencyId()).findFirst();
        if (agency.isEmpty()) {
            return List.of();
        }
        return rounds(user.partnershipId()).stream().filter(Round::open).map(r -> load(r, agency.get()))
                .filter(s -> !s.lines().isEmpty()).toList();
    }

    Optional<AgencySummary> agency(long partnershipId, long agencyId) {
        return agencies.agencies(partnershipId).stream().filter(a -> a.id() == agencyId).findFirst();
    }

    private static final String SELECT_ROUND = """
            select id, partnership_id, period, period_start, due_date, opened_by, opened_at, closed_at from data_round""";

    private static Round round(ResultSet rs, int n) throws SQLException {
        return new Round(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                rs.getObject(5, LocalDate.class), rs.getString(6), rs.getObject(7, LocalDateTime.class),
                rs.getObject(8, LocalDateTime.class));
    }
}
