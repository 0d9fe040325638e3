package org.canopy.risk.register;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.canopy.governance.EscalationKind;
import org.canopy.governance.EscalationStatus;
import org.canopy.governance.ExecutiveEscalations;
import org.canopy.governance.GroupFunction;
import org.canopy.governance.Groups;
import org.canopy.partnership.AgencyDirectory;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.People;
import org.canopy.partnership.RecordChanged;
import org.canopy.partnership.Role;
import org.canopy.plan.PlanPriorities;
import org.canopy.privacy.IdentifierGuard;
import org.canopy.web.DateInput;
import org.canopy.web.EditConflict;
import org.canopy.web.FieldProblem;
import org.canopy.web.InvalidInput;
import org.canopy.web.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The risk register: everyone signed in to the partnership reads it; the coordinator and group chairs (of a group the
 * risk bears on) edit it, and an agency contributor edits the risks their own agency owns. A risk whose current score
 * goes above the partnership's tolerance is escalated to the Executive by itself, once.
 */
@Service
public class Risks {

    /** What a person enters for a risk; ids as the form sends them. */
    public record RiskInput(String title, String cause, String effect, String ownerAgencyId, String ownerPerson, String ownerUserId,
            List<String> priorityIds, List<String> groupIds, String controls, String cadence, String status) {
    }

    /** A score as entered: likelihood and impact as text, both blank for no score. */
    public record ScoreInput(String likelihood, String impact) {
    }

    /** A risk as a record states it (demo and imports): no right is checked, no score given. */
    public record Recorded(String title, String cause, String effect, Long ownerAgencyId, String ownerPerson, List<Long> priorityIds,
            List<Long> groupIds, String raisedIn, String noScoreNote, RiskStatus status, String response, String closingNote,
            String closedIn) {
    }

    /** The heat map of one score: counts by likelihood (1 to 5) and impact (1 to 5), the risks on it and those unscored. */
    public record HeatMap(Score.Which which, int[][] counts, List<Risk> scored, int notScored, int tolerance) {

        /** How many risks sit in the cell. */
        public int count(int likelihood, int impact) {
            return counts[likelihood - 1][impact - 1];
        }

        public Score.Zone zone(int likelihood, int impact) {
            return Score.Zone.of(likelihood * impact);
        }
    }

    static final int TEXT = 4000;

    private final JdbcClient jdbc;
    private final Groups groups;
    private final AgencyDirectory agencies;
    private final People people;
    private final PlanPriorities priorities;
    private final ExecutiveEscalations escalations;
    private final IdentifierGuard guard;
    private final RiskSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Risks(JdbcClient jdbc, Groups groups, AgencyDirectory agencies, People people, PlanPriorities priorities,
            ExecutiveEscalations escalations, IdentifierGuard guard, RiskSettings settings, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.groups = groups;
        this.agencies = agencies;
        this.people = people;
        this.priorities = priorities;
        this.escalations = escalations;
        this.guard = guard;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The partnership's tolerance: a current score above it goes to the Executive. */
    public int tolerance() {
        return settings.tolerance();
    }

    /** Every risk of the person's partnership, by title. */
    public List<Risk> all(CanopyUser user) {
        return all(user.partnershipId());
    }

    List<Risk> all(long partnershipId) {
        var risks = jdbc.sql(SELECT + " where partnership_id = ? order by lower(title), id").param(partnershipId).query(this::risk).list();
        return withLinks(partnershipId, risks);
    }

    /** One risk of the person's partnership (404 for another's). */
    public Risk risk(CanopyUser user, long id) {
        return find(user.partnershipId(), id);
    }

    private Risk find(long partnershipId, long id) {
        var r = jdbc.sql(SELECT + " where partnership_id = ? and id = ?").params(partnershipId, id).query(this::risk).optional()
                .orElseThrow(() -> new NotFound("The risk"));
        return withLinks(partnershipId, List.of(r)).get(0);
    }

    /** The risks still open (not closed) with a current score, highest first. */
    public List<Risk> top(List<Risk> risks) {
        return risks.stream().filter(r -> r.status() != RiskStatus.CLOSED && r.current() != null)
                .sorted(Comparator.comparingInt((Risk r) -> r.current().score()).reversed()
                        .thenComparing(Comparator.comparingInt((Risk r) -> r.current().impact()).reversed())
                        .thenComparing(r -> r.title().toLowerCase()))
                .toList();
    }

    /** The risks whose review is overdue, the longest overdue first. */
    public List<Risk> overdue(List<Risk> risks) {
        var today = today();
        return risks.stream().filter(r -> r.reviewOverdue(today)).sorted(Comparator.comparing(Risk::reviewDue)).toList();
    }

    /** How many risks stand in each status. */
    public Map<RiskStatus, Long> counts(List<Risk> risks) {
        var counts = new EnumMap<RiskStatus, Long>(RiskStatus.class);
        for (var s : RiskStatus.values()) {
            counts.put(s, risks.stream().filter(r -> r.status() == s).count());
        }
        return counts;
    }

    /** The heat map of the risks not closed, on the score asked for. */
    public HeatMap heatMap(List<Risk> risks, Score.Which which) {
        int[][] counts = new int[5][5];
        var scored = new ArrayList<Risk>();
        int notScored = 0;
        for (var r : risks) {
            if (r.status() == RiskStatus.CLOSED) {
                continue;
            }
            var s = r.score(which);
            if (s == null) {
                notScored++;
            } else {
                counts[s.likelihood() - 1][s.impact() - 1]++;
                scored.add(r);
            }
        }
        scored.sort(Comparator.comparingInt((Risk r) -> r.score(which).score()).reversed().thenComparing(r -> r.title().toLowerCase()));
        return new HeatMap(which, counts, scored, notScored, tolerance());
    }

    /** Whether the person may add a risk: the coordinator, a group chair, an agency contributor (for their own agency). */
    public boolean mayAdd(CanopyUser user) {
        return user.isAdministrator() || user.role() == Role.GROUP_CHAIR
                || (user.role() == Role.AGENCY_CONTRIBUTOR && user.agencyId() != null);
    }

    /**
     * Whether the person may change the risk: the coordinator; a group chair who runs a group it bears on (or who raised
     * it, when it bears on no group); an agency contributor when their agency owns it.
     */
    public boolean mayEdit(CanopyUser user, Risk risk) {
        if (user.isAdministrator()) {
            return true;
        }
        if (user.role() == Role.GROUP_CHAIR) {
            return risk.groupIds().isEmpty() ? risk.createdBy().equals(user.getUsername())
                    : risk.groupIds().stream().anyMatch(g -> groups.runs(user, g));
        }
        return user.role() == Role.AGENCY_CONTRIBUTOR && user.agencyId() != null && user.agencyId().equals(risk.ownerAgencyId());
    }

    private Risk editable(CanopyUser user, long id) {
        var risk = risk(user, id);
        if (!mayEdit(user, risk)) {
            throw new AccessDeniedException("Only the coordinator, the chair of a group the risk bears on or the owning agency changes a risk");
        }
        return risk;
    }

    /** Adds a risk as the person enters it, raised today. */
    @Transactional
    public Risk add(CanopyUser user, RiskInput in) {
        if (!mayAdd(user)) {
            throw new AccessDeniedException("Only the coordinator, a group chair or an agency contributor adds a risk");
        }
        var problems = new ArrayList<FieldProblem>();
        var v = valid(user, in, problems, null);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into risk (partnership_id, title, cause, effect, owner_agency_id, owner_person, owner_user_id, controls,
                                  review_cadence, raised_on, status, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(user.partnershipId(), v.title, v.cause, v.effect, v.agency, v.person, v.userId, v.controls,
                        v.cadence == null ? null : v.cadence.name(), today(), v.status.name(), user.getUsername(), LocalDateTime.now(clock))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        links(id, v.priorityIds, v.groupIds);
        var added = find(user.partnershipId(), id);
        events.publishEvent(RecordChanged.by(user, "risk", id, "added", "Added the risk " + added.title(), null, added));
        return added;
    }

    /** Changes what the risk is, who owns it, what it bears on, its controls, cadence and status (closing has its own form). */
    @Transactional
    public Risk edit(CanopyUser user, long id, RiskInput in, int version) {
        var before = editable(user, id);
        var problems = new ArrayList<FieldProblem>();
        var v = valid(user, in, problems, before);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        int changed = jdbc.sql("""
                update risk set title = ?, cause = ?, effect = ?, owner_agency_id = ?, owner_person = ?, owner_user_id = ?, controls = ?,
                    review_cadence = ?, status = ?, version = version + 1
                where id = ? and partnership_id = ? and version = ?""")
                .params(v.title, v.cause, v.effect, v.agency, v.person, v.userId, v.controls, v.cadence == null ? null : v.cadence.name(),
                        v.status.name(), id, user.partnershipId(), version).update();
        conflict(changed);
        jdbc.sql("delete from risk_priority where risk_id = ?").param(id).update();
        jdbc.sql("delete from risk_group where risk_id = ?").param(id).update();
        links(id, v.priorityIds, v.groupIds);
        var after = find(user.partnershipId(), id);
        events.publishEvent(RecordChanged.by(user, "risk", id, "changed", "Changed the risk " + after.title(), before, after));
        return escalateIfOver(user.getUsername(), after);
    }

    /** Sets the three scores (each both parts or neither), the target date and why; every score that changes is kept in the history. */
    @Transactional
    public Risk score(CanopyUser user, long id, Map<Score.Which, ScoreInput> scores, DateInput targetDate, String why, int version) {
        var before = editable(user, id);
        var problems = new ArrayList<FieldProblem>();
        var read = new EnumMap<Score.Which, Score>(Score.Which.class);
        for (var which : Score.Which.values()) {
            var in = scores.getOrDefault(which, new ScoreInput(null, null));
            read.put(which, score(which.name().toLowerCase(), "The " + which.name().toLowerCase() + " score", in, problems));
        }
        LocalDate target = targetDate.read("targetDate", "The target date", false, DateInput.Range.PLANNED, today(), problems);
        String w = guard.freeText("why", "Why", why, false, 2000, problems, FieldProblem::of);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var in = read.get(Score.Which.INHERENT);
        var cu = read.get(Score.Which.CURRENT);
        var ta = read.get(Score.Which.TARGET);
        int changed = jdbc.sql("""
                update risk set inherent_likelihood = ?, inherent_impact = ?, current_likelihood = ?, current_impact = ?,
                    target_likelihood = ?, target_impact = ?, target_date = ?, version = version + 1
                where id = ? and partnership_id = ? and version = ?""")
                .params(in == null ? null : in.likelihood(), in == null ? null : in.impact(), cu == null ? null : cu.likelihood(),
                        cu == null ? null : cu.impact(), ta == null ? null : ta.likelihood(), ta == null ? null : ta.impact(), target,
                        id, user.partnershipId(), version).update();
        conflict(changed);
        for (var which : Score.Which.values()) {
            if (!Objects.equals(before.score(which), read.get(which))) {
                history(id, which, read.get(which), user.getUsername(), w);
            }
        }
        var after = find(user.partnershipId(), id);
        events.publishEvent(RecordChanged.by(user, "risk", id, "scored", "Scored the risk " + after.title(), before, after));
        return escalateIfOver(user.getUsername(), after);
    }

    /** Records a review held on a day (today or before) with its note and, optionally, a new current score. */
    @Transactional
    public Risk review(CanopyUser user, long id, DateInput reviewedOn, String note, ScoreInput current, int version) {
        var before = editable(user, id);
        var problems = new ArrayList<FieldProblem>();
        LocalDate on = reviewedOn.read("reviewedOn", "The date of the review", true, DateInput.Range.PAST, today(), problems);
        String n = guard.freeText("note", "The note of the review", note, true, TEXT, problems, FieldProblem::of);
        Score s = score("current", "The current score", current == null ? new ScoreInput(null, null) : current, problems);
        if (before.status() == RiskStatus.CLOSED) {
            problems.add(FieldProblem.of("note", "The risk is closed: reopen it before reviewing it"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        LocalDate last = before.lastReviewedOn() == null || on.isAfter(before.lastReviewedOn()) ? on : before.lastReviewedOn();
        int changed = s == null
                ? jdbc.sql("update risk set last_reviewed_on = ?, version = version + 1 where id = ? and partnership_id = ? and version = ?")
                        .params(last, id, user.partnershipId(), version).update()
                : jdbc.sql("""
                        update risk set last_reviewed_on = ?, current_likelihood = ?, current_impact = ?, version = version + 1
                        where id = ? and partnership_id = ? and version = ?""")
                        .params(last, s.likelihood(), s.impact(), id, user.partnershipId(), version).update();
        conflict(changed);
        jdbc.sql("insert into risk_review (risk_id, reviewed_on, note, reviewed_by, likelihood, impact) values (?, ?, ?, ?, ?, ?)")
                .params(id, on, n, user.getUsername(), s == null ? null : s.likelihood(), s == null ? null : s.impact()).update();
        if (s != null && !s.equals(before.current())) {
            history(id, Score.Which.CURRENT, s, user.getUsername(), "Review of " + on + ": " + n);
        }
        var after = find(user.partnershipId(), id);
        events.publishEvent(RecordChanged.by(user, "risk", id, "reviewed", "Reviewed the risk " + after.title(), before, after));
        return escalateIfOver(user.getUsername(), after);
    }

    /** Closes the risk with a note (required) of why. */
    @Transactional
    public Risk close(CanopyUser user, long id, String note, int version) {
        var before = editable(user, id);
        var problems = new ArrayList<FieldProblem>();
        String n = guard.freeText("closingNote", "The closing note", note, true, TEXT, problems, FieldProblem::of);
        if (before.status() == RiskStatus.CLOSED) {
            problems.add(FieldProblem.of("closingNote", "The risk is already closed"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var today = today();
        int changed = jdbc.sql("""
                update risk set status = 'CLOSED', closing_note = ?, closed_on = ?, closed_in = ?, version = version + 1
                where id = ? and partnership_id = ? and version = ?""")
                .params(n, today, org.canopy.web.Dates.financialYear(today), id, user.partnershipId(), version).update();
        conflict(changed);
        var after = find(user.partnershipId(), id);
        events.publishEvent(RecordChanged.by(user, "risk", id, "closed", "Closed the risk " + after.title(), before, after));
        return after;
    }

    /** Adds an action: what (required), its owner in words and its due date (optional). */
    @Transactional
    public Risk addAction(CanopyUser user, long id, String what, String owner, DateInput due, int version) {
        var before = editable(user, id);
        var problems = new ArrayList<FieldProblem>();
        String w = guard.freeText("what", "The action", what, true, 2000, problems, FieldProblem::of);
        String o = guard.freeText("actionOwner", "The action's owner", owner, false, 200, problems, FieldProblem::of);
        LocalDate d = due.read("due", "The due date", false, DateInput.Range.PLANNED, today(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        bump(user, id, version);
        jdbc.sql("insert into risk_action (risk_id, what, owner, due) values (?, ?, ?, ?)").params(id, w, o, d).update();
        var after = find(user.partnershipId(), id);
        events.publishEvent(RecordChanged.by(user, "risk", id, "action added", "Added an action to the risk " + after.title(), before,
                actions(id)));
        return after;
    }

    /** Marks an action of the risk done. */
    @Transactional
    public Risk actionDone(CanopyUser user, long id, long actionId, int version) {
        var before = editable(user, id);
        bump(user, id, version);
        int changed = jdbc.sql("update risk_action set status = 'DONE' where id = ? and risk_id = ?").params(actionId, id).update();
        if (changed == 0) {
            throw new NotFound("The action");
        }
        var after = find(user.partnershipId(), id);
        events.publishEvent(RecordChanged.by(user, "risk", id, "action done", "Marked an action of the risk " + after.title() + " done",
                before, actions(id)));
        return after;
    }

    /** Keeps a risk as a record states it (the demo): recorded as raised by {@code actor}, with no right checked. */
    @Transactional
    public long record(long partnershipId, String actor, Recorded r) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into risk (partnership_id, title, cause, effect, owner_agency_id, owner_person, raised_in, no_score_note, status,
                                  response, closing_note, closed_in, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(partnershipId, r.title(), r.cause(), r.effect(), r.ownerAgencyId(), r.ownerPerson(), r.raisedIn(), r.noScoreNote(),
                        r.status().name(), r.response(), r.closingNote(), r.closedIn(), actor, LocalDateTime.now(clock))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        links(id, r.priorityIds(), r.groupIds());
        events.publishEvent(new RecordChanged(partnershipId, actor, "risk", String.valueOf(id), "added", "Added the risk " + r.title(),
                null, find(partnershipId, id)));
        return id;
    }

    public List<Risk.Action> actions(long riskId) {
        return jdbc.sql("select id, what, owner, due, status from risk_action where risk_id = ? order by id").param(riskId)
                .query((rs, n) -> new Risk.Action(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                        "DONE".equals(rs.getString(5)))).list();
    }

    /** The risk's reviews, newest first. */
    public List<Risk.Review> reviews(long riskId) {
        return jdbc.sql("select id, reviewed_on, note, reviewed_by, likelihood, impact from risk_review where risk_id = ? order by reviewed_on desc, id desc")
                .param(riskId).query((rs, n) -> new Risk.Review(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3),
                        rs.getString(4), Score.of(integer(rs, 5), integer(rs, 6)))).list();
    }

    /** Every score the risk was given, newest first. */
    public List<Risk.ScoreChange> history(long riskId) {
        return jdbc.sql("""
                select which_score, likelihood, impact, changed_at, changed_by, why from risk_score_history where risk_id = ?
                order by changed_at desc, id desc""")
                .param(riskId).query((rs, n) -> new Risk.ScoreChange(Score.Which.valueOf(rs.getString(1)),
                        Score.of(integer(rs, 2), integer(rs, 3)), rs.getObject(4, LocalDateTime.class), rs.getString(5), rs.getString(6)))
                .list();
    }

    /** The owner as people read it: the agency, then the person (in words or the Canopy person), or "No owner recorded". */
    public String ownerText(long partnershipId, Risk r) {
        return owners(partnershipId, List.of(r)).get(r.id());
    }

    /** Each risk's owner as people read it, by risk id, from one read of the agencies and one of the people. */
    public Map<Long, String> owners(long partnershipId, List<Risk> risks) {
        var agencyNames = new HashMap<Long, String>();
        agencies.agencies(partnershipId).forEach(a -> agencyNames.put(a.id(), a.name()));
        var userIds = risks.stream().map(Risk::ownerUserId).filter(Objects::nonNull).distinct().toList();
        var personNames = new HashMap<Long, String>();
        if (!userIds.isEmpty()) {
            people.byIds(partnershipId, userIds).forEach(p -> personNames.put(p.id(), p.displayName()));
        }
        var owners = new java.util.LinkedHashMap<Long, String>();
        for (var r : risks) {
            var parts = new ArrayList<String>();
            if (r.ownerAgencyId() != null && agencyNames.containsKey(r.ownerAgencyId())) {
                parts.add(agencyNames.get(r.ownerAgencyId()));
            }
            if (r.ownerUserId() != null && personNames.containsKey(r.ownerUserId())) {
                parts.add(personNames.get(r.ownerUserId()));
            }
            if (r.ownerPerson() != null) {
                parts.add(r.ownerPerson());
            }
            owners.put(r.id(), parts.isEmpty() ? "No owner recorded" : String.join(": ", parts));
        }
        return owners;
    }

    private Risk escalateIfOver(String actor, Risk r) {
        if (r.status() == RiskStatus.CLOSED || r.current() == null || r.current().score() <= tolerance() || r.escalationId() != null) {
            return r;
        }
        long partnershipId = jdbc.sql("select partnership_id from risk where id = ?").param(r.id()).query(Long.class).single();
        Long from = r.groupIds().isEmpty() ? groups.withFunction(partnershipId, GroupFunction.EXECUTIVE).map(g -> g.id()).orElse(null)
                : r.groupIds().get(0);
        if (from == null) {
            return r;
        }
        var now = LocalDateTime.now(clock);
        String reason = "Its current score is " + r.current().text() + ", above the partnership's tolerance of " + tolerance() + ".";
        long escalation = escalations.adopt(new ExecutiveEscalations.Adoption(partnershipId, from, EscalationKind.RISK,
                "Risk: " + r.title(), reason, "/risks/" + r.id(), EscalationStatus.OPEN, actor, now, null, null, null, null,
                List.of(new ExecutiveEscalations.Step(now, actor, EscalationStatus.OPEN, "Raised by Canopy: " + reason))));
        jdbc.sql("update risk set escalation_id = ? where id = ?").params(escalation, r.id()).update();
        return find(partnershipId, r.id());
    }

    private void history(long riskId, Score.Which which, Score s, String actor, String why) {
        jdbc.sql("insert into risk_score_history (risk_id, which_score, likelihood, impact, changed_at, changed_by, why) values (?, ?, ?, ?, ?, ?, ?)")
                .params(riskId, which.name(), s == null ? null : s.likelihood(), s == null ? null : s.impact(), LocalDateTime.now(clock), actor,
                        why).update();
    }

    private void bump(CanopyUser user, long id, int version) {
        conflict(jdbc.sql("update risk set version = version + 1 where id = ? and partnership_id = ? and version = ?")
                .params(id, user.partnershipId(), version).update());
    }

    private static void conflict(int changed) {
        if (changed == 0) {
            throw new EditConflict("Someone else changed this risk since you opened it: check it again");
        }
    }

    private static Score score(String field, String label, ScoreInput in, List<FieldProblem> problems) {
        String l = in.likelihood() == null ? "" : in.likelihood().strip();
        String i = in.impact() == null ? "" : in.impact().strip();
        if (l.isEmpty() && i.isEmpty()) {
            return null;
        }
        Integer likelihood = part(field + "Likelihood", label + ": likelihood", l, problems);
        Integer impact = part(field + "Impact", label + ": impact", i, problems);
        return likelihood == null || impact == null ? null : new Score(likelihood, impact);
    }

    private static Integer part(String field, String label, String text, List<FieldProblem> problems) {
        if (text.isEmpty()) {
            problems.add(FieldProblem.of(field, label + ": choose a number from 1 to 5 (or leave both parts blank for no score)"));
            return null;
        }
        try {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= 5) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        problems.add(FieldProblem.of(field, label + " must be a whole number from 1 to 5"));
        return null;
    }

    private record Valid(String title, String cause, String effect, Long agency, String person, Long userId, String controls,
            Cadence cadence, RiskStatus status, List<Long> priorityIds, List<Long> groupIds) {
    }

    private Valid valid(CanopyUser user, RiskInput in, List<FieldProblem> problems, Risk before) {
        long p = user.partnershipId();
        String title = guard.freeText("title", "The risk", in.title(), true, 500, problems, FieldProblem::of);
        String cause = guard.freeText("cause", "The cause", in.cause(), false, TEXT, problems, FieldProblem::of);
        String effect = guard.freeText("effect", "The effect", in.effect(), false, TEXT, problems, FieldProblem::of);
        String person = guard.freeText("ownerPerson", "The owner", in.ownerPerson(), false, 200, problems, FieldProblem::of);
        String controls = guard.freeText("controls", "The controls", in.controls(), false, 8000, problems, FieldProblem::of);
        Long agency = id(in.ownerAgencyId());
        if (agency != null && agencies.byId(p, agency).isEmpty()) {
            problems.add(FieldProblem.of("ownerAgencyId", "Choose an agency of the partnership"));
        }
        if (user.role() == Role.AGENCY_CONTRIBUTOR && !Objects.equals(agency, user.agencyId())) {
            problems.add(FieldProblem.of("ownerAgencyId", "You add and change the risks your own agency owns: choose " + user.agencyName()));
        }
        Long userId = id(in.ownerUserId());
        if (userId != null && people.byIds(p, List.of(userId)).isEmpty()) {
            problems.add(FieldProblem.of("ownerUserId", "Choose a person of the partnership"));
        }
        var known = priorities.priorities(p).stream().map(x -> x.id()).toList();
        var priorityIds = ids(in.priorityIds());
        if (!known.containsAll(priorityIds)) {
            problems.add(FieldProblem.of("priorityIds", "Choose priorities of the partnership's plans"));
        }
        var knownGroups = groups.all(p).stream().map(g -> g.id()).toList();
        var groupIds = ids(in.groupIds());
        if (!knownGroups.containsAll(groupIds)) {
            problems.add(FieldProblem.of("groupIds", "Choose groups of the partnership"));
        }
        Cadence cadence = null;
        if (in.cadence() != null && !in.cadence().isBlank()) {
            cadence = Arrays.stream(Cadence.values()).filter(c -> c.name().equals(in.cadence())).findFirst().orElse(null);
            if (cadence == null) {
                problems.add(FieldProblem.of("cadence", "Choose monthly or quarterly reviews, or none"));
            }
        }
        RiskStatus status = RiskStatus.OPEN;
        if (in.status() != null && !in.status().isBlank()) {
            status = Arrays.stream(RiskStatus.values()).filter(s -> s.name().equals(in.status())).findFirst().orElse(null);
            if (status == null || (status == RiskStatus.CLOSED && (before == null || before.status() != RiskStatus.CLOSED))) {
                problems.add(FieldProblem.of("status", "Choose open, treated or tolerated (close a risk with a note on its page)"));
                status = RiskStatus.OPEN;
            }
        }
        return new Valid(title, cause, effect, agency, person, userId, controls, cadence, status, priorityIds, groupIds);
    }

    private static Long id(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return -1L;
        }
    }

    private static List<Long> ids(List<String> texts) {
        return texts == null ? List.of() : texts.stream().filter(t -> t != null && !t.isBlank()).map(Risks::id).distinct().toList();
    }

    private void links(long id, List<Long> priorityIds, List<Long> groupIds) {
        priorityIds.forEach(pid -> jdbc.sql("insert into risk_priority (risk_id, priority_id) values (?, ?)").params(id, pid).update());
        groupIds.forEach(gid -> jdbc.sql("insert into risk_group (risk_id, group_id) values (?, ?)").params(id, gid).update());
    }

    private List<Risk> withLinks(long partnershipId, List<Risk> risks) {
        if (risks.isEmpty()) {
            return risks;
        }
        var pr = new HashMap<Long, List<Long>>();
        var gr = new HashMap<Long, List<Long>>();
        jdbc.sql("select l.risk_id, l.priority_id from risk_priority l join risk r on r.id = l.risk_id where r.partnership_id = ? order by l.priority_id")
                .param(partnershipId).query((rs, n) -> pr.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2))).list();
        jdbc.sql("select l.risk_id, l.group_id from risk_group l join risk r on r.id = l.risk_id where r.partnership_id = ? order by l.group_id")
                .param(partnershipId).query((rs, n) -> gr.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2))).list();
        return risks.stream().map(r -> new Risk(r.id(), r.title(), r.cause(), r.effect(), r.ownerAgencyId(), r.ownerPerson(), r.ownerUserId(),
                r.controls(), r.inherent(), r.current(), r.target(), r.targetDate(), r.noScoreNote(), r.cadence(), r.raisedOn(), r.raisedIn(),
                r.lastReviewedOn(), r.status(), r.response(), r.closingNote(), r.closedOn(), r.closedIn(), r.escalationId(), r.createdBy(),
                r.createdAt(), r.version(), List.copyOf(pr.getOrDefault(r.id(), List.of())), List.copyOf(gr.getOrDefault(r.id(), List.of()))))
                .toList();
    }

    private static Integer integer(ResultSet rs, int column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private Risk risk(ResultSet rs, int n) throws SQLException {
        String controls = rs.getString(8);
        String cadence = rs.getString(17);
        Long agency = rs.getObject(5) == null ? null : rs.getLong(5);
        Long ownerUser = rs.getObject(7) == null ? null : rs.getLong(7);
        Long escalation = rs.getObject(26) == null ? null : rs.getLong(26);
        return new Risk(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), agency, rs.getString(6), ownerUser,
                controls == null ? List.of() : controls.lines().map(String::strip).filter(l -> !l.isEmpty()).toList(),
                Score.of(integer(rs, 9), integer(rs, 10)), Score.of(integer(rs, 11), integer(rs, 12)), Score.of(integer(rs, 13), integer(rs, 14)),
                rs.getObject(15, LocalDate.class), rs.getString(16), cadence == null ? null : Cadence.valueOf(cadence),
                rs.getObject(18, LocalDate.class), rs.getString(19), rs.getObject(20, LocalDate.class), RiskStatus.valueOf(rs.getString(21)),
                rs.getString(22), rs.getString(23), rs.getObject(24, LocalDate.class), rs.getString(25), escalation, rs.getString(27),
                rs.getObject(28, LocalDateTime.class), rs.getInt(29), List.of(), List.of());
    }

    private static final String SELECT = """
            select id, title, cause, effect, owner_agency_id, owner_person, owner_user_id, controls,
                   inherent_likelihood, inherent_impact, current_likelihood, current_impact, target_likelihood, target_impact,
                   target_date, no_score_note, review_cadence, raised_on, raised_in, last_reviewed_on, status, response, closing_note,
                   closed_on, closed_in, escalation_id, created_by, created_at, version from risk""";
}
