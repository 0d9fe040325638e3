package org.canopy.plan.setting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.canopy.governance.GroupFunction;
import org.canopy.governance.GroupSummary;
import org.canopy.governance.GroupType;
import org.canopy.governance.Groups;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.RecordChanged;
import org.canopy.partnership.Role;
import org.canopy.plan.PriorityThread;
import org.canopy.plan.ThreadEntry;
import org.canopy.plan.ThreadStrand;
import org.canopy.plan.plans.PlanStore;
import org.canopy.plan.setting.SettingViews.Basis;
import org.canopy.plan.setting.SettingViews.Candidate;
import org.canopy.plan.setting.SettingViews.ChosenBy;
import org.canopy.plan.setting.SettingViews.Citation;
import org.canopy.plan.setting.SettingViews.Evidence;
import org.canopy.plan.setting.SettingViews.Round;
import org.canopy.plan.setting.SettingViews.RoundStatus;
import org.canopy.plan.setting.SettingViews.RoundView;
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
 * Priority-setting rounds: the coordinator (the partnership administrator) prepares a round, its evidence and its
 * candidate priorities; the coordinator or a member of the executive records the Executive's decision, which makes the
 * chosen candidates priorities of a plan, each led by a priority group. Everyone signed in to the partnership reads them.
 */
@Service
public class PrioritySetting {

    static final String PREPARE_REFUSED = "Only the partnership coordinator prepares a priority-setting round";
    static final String DECIDE_REFUSED = "Only the partnership coordinator or a member of the executive records the decision";

    private static final String ROUND_COLUMNS = """
            select id, title, held_when, starts_on, ends_on, summary, status, decided_by_group_id, decided_by_group,
                   decided_when, decided_on, decision_reasons, decision_recorded_by, decision_recorded_at, plan_id,
                   created_by, created_at, version from priority_round""";

    private final JdbcClient jdbc;
    private final Groups groups;
    private final PlanStore plans;
    private final List<PriorityThread> threads;
    private final IdentifierGuard guard;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PrioritySetting(JdbcClient jdbc, Groups groups, PlanStore plans, List<PriorityThread> threads, IdentifierGuard guard,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.groups = groups;
        this.plans = plans;
        this.threads = threads;
        this.guard = guard;
        this.events = events;
        this.clock = clock;
    }

    private static Round roundRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Round(rs.getLong("id"), rs.getString("title"), rs.getString("held_when"),
                rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class), rs.getString("summary"),
                RoundStatus.valueOf(rs.getString("status")), rs.getObject("decided_by_group_id", Long.class),
                rs.getString("decided_by_group"), rs.getString("decided_when"), rs.getObject("decided_on", LocalDate.class),
                rs.getString("decision_reasons"), rs.getString("decision_recorded_by"),
                rs.getObject("decision_recorded_at", LocalDateTime.class), rs.getObject("plan_id", Long.class),
                rs.getString("created_by"), rs.getObject("created_at", LocalDateTime.class), rs.getInt("version"));
    }

    /** Whether the person prepares rounds: the coordinator. */
    public boolean mayPrepare(CanopyUser user) {
        return user.isAdministrator();
    }

    /** Whether the person records the Executive's decision: the coordinator, or an executive member who may write. */
    public boolean mayDecide(CanopyUser user) {
        if (user.isAdministrator() || user.role() == Role.EXECUTIVE) {
            return true;
        }
        if (user.role() == Role.INDEPENDENT_SCRUTINEER || user.role() == Role.YOUNG_SCRUTINEER || user.role() == Role.VIEWER) {
            return false;
        }
        return groups.memberOf(user, GroupFunction.EXECUTIVE);
    }

    private void requirePreparer(CanopyUser user) {
        if (!mayPrepare(user)) {
            throw new AccessDeniedException(PREPARE_REFUSED);
        }
    }

    public List<Round> rounds(long partnershipId) {
        return jdbc.sql(ROUND_COLUMNS + " where partnership_id = ? order by created_at desc, id desc").param(partnershipId)
                .query(PrioritySetting::roundRow).list();
    }

    /** A round of the person's partnership, whole; another partnership's is not found. */
    public RoundView round(CanopyUser user, long id) {
        return round(user.partnershipId(), id).orElseThrow(() -> new NotFound("The priority-setting round"));
    }

    Optional<RoundView> round(long partnershipId, long id) {
        var round = jdbc.sql(ROUND_COLUMNS + " where partnership_id = ? and id = ?").params(partnershipId, id)
                .query(PrioritySetting::roundRow).optional();
        if (round.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, List<Citation>> citations = new HashMap<>();
        jdbc.sql("""
                select c.evidence_id, c.strand, c.cited_kind, c.cited_ref, c.title, c.href from priority_evidence_citation c
                join priority_evidence e on e.id = c.evidence_id where e.round_id = ? order by c.evidence_id, c.position""")
                .param(id).query((rs, n) -> citations.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new Citation(ThreadStrand.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6)))).list();
        var evidence = jdbc.sql("""
                select id, kind, position, description, added_by, added_at from priority_evidence where round_id = ?
                order by position""").param(id)
                .query((rs, n) -> new Evidence(rs.getLong(1), EvidenceKind.valueOf(rs.getString(2)), rs.getInt(3),
                        rs.getString(4), citations.getOrDefault(rs.getLong(1), List.of()), rs.getString(5),
                        rs.getObject(6, LocalDateTime.class))).list();
        evidence = evidence.stream().sorted(Comparator.comparing((Evidence e) -> e.kind().ordinal())
                .thenComparing(Evidence::position)).toList();
        Map<Long, List<Basis>> bases = new HashMap<>();
        jdbc.sql("""
                select l.candidate_id, l.evidence_id, l.basis from priority_candidate_evidence l
                join priority_candidate c on c.id = l.candidate_id where c.round_id = ? order by l.candidate_id, l.evidence_id""")
                .param(id).query((rs, n) -> bases.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new Basis(rs.getLong(2), rs.getString(3)))).list();
        var candidates = jdbc.sql("""
                select id, position, title, description, chosen, group_id, priority_id from priority_candidate
                where round_id = ? order by position""").param(id)
                .query((rs, n) -> new Candidate(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5), (Long) rs.getObject(6, Long.class), (Long) rs.getObject(7, Long.class),
                        bases.getOrDefault(rs.getLong(1), List.of()))).list();
        return Optional.of(new RoundView(round.get(), evidence, candidates));
    }

    /** The round and candidate that chose a plan priority of the partnership, with its evidence; empty when none did. */
    public Optional<ChosenBy> chosenBy(long partnershipId, long priorityId) {
        var ids = jdbc.sql("""
                select c.round_id, c.id from priority_candidate c join priority_round r on r.id = c.round_id
                where r.partnership_id = ? and c.priority_id = ?""").params(partnershipId, priorityId)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).optional();
        return ids.flatMap(i -> round(partnershipId, i[0]).map(r -> {
            var candidate = r.candidates().stream().filter(c -> c.id() == i[1]).findFirst().orElseThrow();
            return new ChosenBy(r.round(), candidate, r.evidenceFor(candidate));
        }));
    }

    /** The decided round a plan was made from, if one was. */
    public Optional<Round> roundOfPlan(long partnershipId, long planId) {
        return jdbc.sql(ROUND_COLUMNS + " where partnership_id = ? and plan_id = ? order by id").params(partnershipId, planId)
                .query(PrioritySetting::roundRow).list().stream().findFirst();
    }

    /** What the person may cite as evidence: every module's citable records, by strand, kind and title. */
    public List<ThreadEntry> citable(CanopyUser user) {
        var all = new ArrayList<ThreadEntry>();
        threads.forEach(t -> all.addAll(t.citable(user)));
        all.sort(Comparator.comparing((ThreadEntry e) -> e.strand().ordinal()).thenComparing(ThreadEntry::kind)
                .thenComparing(ThreadEntry::title));
        return all;
    }

    /** A citable record's key on the evidence form: strand, kind and ref. */
    public static String key(ThreadEntry e) {
        return e.strand().name() + "|" + e.kind() + "|" + e.ref();
    }

    @Transactional
    public Round start(CanopyUser user, Map<String, String> form) {
        requirePreparer(user);
        var problems = new ArrayList<FieldProblem>();
        var fields = roundFields(form, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into priority_round (partnership_id, title, held_when, starts_on, ends_on, summary, status, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, 'GATHERING', ?, ?)""")
                .params(user.partnershipId(), fields.title, fields.heldWhen, fields.startsOn, fields.endsOn, fields.summary,
                        user.getUsername(), LocalDateTime.now(clock)).update(keys, "id");
        var round = round(user, keys.getKey().longValue()).round();
        events.publishEvent(RecordChanged.by(user, "priority round", round.id(), "created",
                "Started the priority-setting round '" + round.title() + "'", null, round));
        return round;
    }

    @Transactional
    public Round edit(CanopyUser user, long id, Map<String, String> form, int version) {
        var before = round(user, id).round();
        requirePreparer(user);
        var problems = new ArrayList<FieldProblem>();
        var fields = roundFields(form, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        int changed = jdbc.sql("""
                update priority_round set title = ?, held_when = ?, starts_on = ?, ends_on = ?, summary = ?, version = version + 1
                where id = ? and partnership_id = ? and version = ?""")
                .params(fields.title, fields.heldWhen, fields.startsOn, fields.endsOn, fields.summary, id, user.partnershipId(),
                        version).update();
        if (changed == 0) {
            throw new EditConflict("Someone else changed this round while you were editing it: check it below and edit again");
        }
        var after = round(user, id).round();
        events.publishEvent(RecordChanged.by(user, "priority round", id, "edited",
                "Edited the priority-setting round '" + after.title() + "'", before, after));
        return after;
    }

    private record RoundFields(String title, String heldWhen, LocalDate startsOn, LocalDate endsOn, String summary) {
    }

    private RoundFields roundFields(Map<String, String> form, List<FieldProblem> problems) {
        String title = guard.freeText("title", "The round's title", form.get("title"), true, 300, problems, FieldProblem::of);
        String when = guard.freeText("heldWhen", "When it took place", form.get("heldWhen"), false, 200, problems, FieldProblem::of);
        LocalDate today = LocalDate.now(clock);
        LocalDate starts = DateInput.fromForm(form::get, "startsOn").read("startsOn", "The start date", false,
                DateInput.Range.PLANNED, today, problems);
        LocalDate ends = DateInput.fromForm(form::get, "endsOn").read("endsOn", "The end date", false,
                DateInput.Range.PLANNED, today, problems);
        if (starts != null && ends != null && ends.isBefore(starts)) {
            problems.add(FieldProblem.of("endsOn", "The end date must be the same as or after the start date"));
        }
        String summary = guard.freeText("summary", "The summary", form.get("summary"), false, 4000, problems, FieldProblem::of);
        return new RoundFields(title, when, starts, ends, summary);
    }

    private Round gathering(CanopyUser user, long id) {
        var round = round(user, id).round();
        requirePreparer(user);
        if (round.decided()) {
            throw new InvalidInput("round", "The Executive has decided this round: its evidence and candidates stay as they were");
        }
        return round;
    }

    /**
     * Adds an evidence item: its kind, the outcome in words and/or records chosen from what the person may cite (stored
     * with their title and address as they are now).
     */
    @Transactional
    public Evidence addEvidence(CanopyUser user, long id, String kind, String description, List<String> cited) {
        var round = gathering(user, id);
        var problems = new ArrayList<FieldProblem>();
        EvidenceKind k = null;
        try {
            k = kind == null || kind.isBlank() ? null : EvidenceKind.valueOf(kind.strip());
        } catch (IllegalArgumentException e) {
            k = null;
        }
        if (k == null) {
            problems.add(FieldProblem.of("kind", "Choose what kind of evidence it is"));
        }
        String text = guard.freeText("description", "The outcome", description, false, 4000, problems, FieldProblem::of);
        var citable = new LinkedHashMap<String, ThreadEntry>();
        citable(user).forEach(e -> citable.put(key(e), e));
        var chosen = new ArrayList<ThreadEntry>();
        for (String key : new LinkedHashSet<>(cited == null ? List.<String>of() : cited)) {
            var entry = citable.get(key);
            if (entry == null) {
                problems.add(FieldProblem.of("cited", "One of the records chosen is not one you may cite: choose again"));
                break;
            }
            chosen.add(entry);
        }
        if (text == null && chosen.isEmpty() && problems.stream().noneMatch(p -> p.field().equals("description"))) {
            problems.add(FieldProblem.of("description", "Describe the outcome in words or choose what it cites in Canopy"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var evidence = storeEvidence(round.id(), user.getUsername(), k, text, chosen);
        touch(round.id());
        events.publishEvent(RecordChanged.by(user, "priority evidence", evidence.id(), "added",
                "Added " + k.label().toLowerCase() + " to the round '" + round.title() + "'", null, evidence));
        return evidence;
    }

    Evidence storeEvidence(long roundId, String actor, EvidenceKind kind, String text, List<ThreadEntry> cited) {
        int position = jdbc.sql("select coalesce(max(position), 0) + 1 from priority_evidence where round_id = ?").param(roundId)
                .query(Integer.class).single();
        var keys = new GeneratedKeyHolder();
        var now = LocalDateTime.now(clock);
        jdbc.sql("insert into priority_evidence (round_id, kind, position, description, added_by, added_at) values (?, ?, ?, ?, ?, ?)")
                .params(roundId, kind.name(), position, text, actor, now).update(keys, "id");
        long evidenceId = keys.getKey().longValue();
        int n = 0;
        var citations = new ArrayList<Citation>();
        for (var e : cited) {
            jdbc.sql("""
                    insert into priority_evidence_citation (evidence_id, position, strand, cited_kind, cited_ref, title, href)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(evidenceId, ++n, e.strand().name(), e.kind(), e.ref(), truncate(e.title(), 500), e.href()).update();
            citations.add(new Citation(e.strand(), e.kind(), e.ref(), truncate(e.title(), 500), e.href()));
        }
        return new Evidence(evidenceId, kind, position, text, citations, actor, now);
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    @Transactional
    public void removeEvidence(CanopyUser user, long id, long evidenceId) {
        var round = gathering(user, id);
        var view = round(user, id);
        var evidence = view.item(evidenceId).orElseThrow(() -> new NotFound("The evidence"));
        jdbc.sql("delete from priority_candidate_evidence where evidence_id = ?").param(evidenceId).update();
        jdbc.sql("delete from priority_evidence_citation where evidence_id = ?").param(evidenceId).update();
        jdbc.sql("delete from priority_evidence where id = ?").param(evidenceId).update();
        touch(round.id());
        events.publishEvent(RecordChanged.by(user, "priority evidence", evidenceId, "removed",
                "Removed " + evidence.kind().label().toLowerCase() + " from the round '" + round.title() + "'", evidence, null));
    }

    /** Adds a candidate priority with the evidence items for it (of this round). */
    @Transactional
    public Candidate addCandidate(CanopyUser user, long id, String title, String description, List<String> evidenceIds) {
        var round = gathering(user, id);
        var view = round(user, id);
        var problems = new ArrayList<FieldProblem>();
        String t = guard.freeText("candidateTitle", "The candidate priority", title, true, 500, problems, FieldProblem::of);
        String d = guard.freeText("candidateDescription", "The description", description, false, 4000, problems, FieldProblem::of);
        if (t != null && view.candidates().stream().anyMatch(c -> c.title().equalsIgnoreCase(t))) {
            problems.add(FieldProblem.of("candidateTitle", "The round already has that candidate"));
        }
        var links = new ArrayList<Long>();
        for (String e : evidenceIds == null ? List.<String>of() : evidenceIds) {
            try {
                long evidenceId = Long.parseLong(e.strip());
                if (view.item(evidenceId).isEmpty()) {
                    throw new NumberFormatException();
                }
                if (!links.contains(evidenceId)) {
                    links.add(evidenceId);
                }
            } catch (NumberFormatException ex) {
                problems.add(FieldProblem.of("evidence", "Choose evidence of this round"));
                break;
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var candidate = storeCandidate(round.id(), user.getUsername(), t, d, links.stream().map(l -> new Basis(l, null)).toList());
        touch(round.id());
        events.publishEvent(RecordChanged.by(user, "priority candidate", candidate.id(), "added",
                "Added the candidate priority '" + t + "' to the round '" + round.title() + "'", null, candidate));
        return candidate;
    }

    Candidate storeCandidate(long roundId, String actor, String title, String description, List<Basis> evidence) {
        int position = jdbc.sql("select coalesce(max(position), 0) + 1 from priority_candidate where round_id = ?").param(roundId)
                .query(Integer.class).single();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into priority_candidate (round_id, position, title, description, added_by, added_at) values (?, ?, ?, ?, ?, ?)")
                .params(roundId, position, title, description, actor, LocalDateTime.now(clock)).update(keys, "id");
        long candidateId = keys.getKey().longValue();
        for (var b : evidence) {
            jdbc.sql("insert into priority_candidate_evidence (candidate_id, evidence_id, basis) values (?, ?, ?)")
                    .params(candidateId, b.evidenceId(), b.basis()).update();
        }
        return new Candidate(candidateId, position, title, description, false, null, null, evidence);
    }

    @Transactional
    public void removeCandidate(CanopyUser user, long id, long candidateId) {
        var round = gathering(user, id);
        var candidate = round(user, id).candidates().stream().filter(c -> c.id() == candidateId).findFirst()
                .orElseThrow(() -> new NotFound("The candidate"));
        jdbc.sql("delete from priority_candidate_evidence where candidate_id = ?").param(candidateId).update();
        jdbc.sql("delete from priority_candidate where id = ?").param(candidateId).update();
        touch(round.id());
        events.publishEvent(RecordChanged.by(user, "priority candidate", candidateId, "removed",
                "Removed the candidate priority '" + candidate.title() + "' from the round '" + round.title() + "'", candidate, null));
    }

    private void touch(long roundId) {
        jdbc.sql("update priority_round set version = version + 1 where id = ?").param(roundId).update();
    }

    /** The priority groups that may lead a chosen candidate, by name. */
    public List<GroupSummary> priorityGroups(long partnershipId) {
        return groups.all(partnershipId).stream().filter(g -> g.type() == GroupType.PRIORITY_GROUP).toList();
    }

    /**
     * Records the Executive's decision: when (in words and/or a date), the reasons, the candidates chosen (at least one),
     * each one's lead priority group (one chosen, or a new one named after the candidate) and the plan they join (a new one
     * titled in the form, or an existing plan of the partnership). The chosen candidates become the plan's priorities.
     */
    @Transactional
    public RoundView decide(CanopyUser user, long id, Map<String, String> form, List<String> chosenIds, int version) {
        var view = round(user, id);
        if (!mayDecide(user)) {
            throw new AccessDeniedException(DECIDE_REFUSED);
        }
        var round = view.round();
        if (round.decided()) {
            throw new InvalidInput("chosen", "The Executive's decision on this round is already recorded");
        }
        if (round.version() != version) {
            throw new EditConflict("Someone else changed this round while you were recording the decision: check it and record it again");
        }
        var problems = new ArrayList<FieldProblem>();
        String when = guard.freeText("decidedWhen", "When the Executive decided", form.get("decidedWhen"), false, 200, problems,
                FieldProblem::of);
        LocalDate on = DateInput.fromForm(form::get, "decidedOn").read("decidedOn", "The date of the decision", false,
                DateInput.Range.PAST, LocalDate.now(clock), problems);
        if (when == null && on == null && problems.stream().noneMatch(p -> p.field().startsWith("decided"))) {
            problems.add(FieldProblem.of("decidedWhen", "Enter when the Executive decided, in words or as a date"));
        }
        String reasons = guard.freeText("reasons", "The reasons", form.get("reasons"), true, 4000, problems, FieldProblem::of);
        var chosen = view.candidates().stream()
                .filter(c -> chosenIds != null && chosenIds.contains(String.valueOf(c.id()))).toList();
        if (chosen.isEmpty()) {
            problems.add(FieldProblem.of("chosen", "Choose at least one candidate priority"));
        }
        var executive = groups.withFunction(user.partnershipId(), GroupFunction.EXECUTIVE);
        if (executive.isEmpty()) {
            problems.add(FieldProblem.of("chosen", "The partnership has no group holding the executive function to decide"));
        }
        var priorityGroups = priorityGroups(user.partnershipId());
        Map<Long, Optional<GroupSummary>> leads = new LinkedHashMap<>();
        for (var c : chosen) {
            String g = form.getOrDefault("group-" + c.id(), "").strip();
            if (g.isEmpty()) {
                leads.put(c.id(), Optional.empty());
            } else {
                var group = priorityGroups.stream().filter(p -> String.valueOf(p.id()).equals(g)).findFirst();
                if (group.isEmpty()) {
                    problems.add(FieldProblem.of("group-" + c.id(), "Choose a priority group to lead '" + c.title() + "'"));
                }
                leads.put(c.id(), group);
            }
        }
        String planChoice = form.getOrDefault("plan", "new").strip();
        Long existingPlan = null;
        String planTitle = null;
        String planPeriod = null;
        if (planChoice.isEmpty() || "new".equals(planChoice)) {
            planTitle = guard.freeText("planTitle", "The new plan's title", form.get("planTitle"), true, 300, problems,
                    FieldProblem::of);
            planPeriod = guard.freeText("planPeriod", "When the plan runs", form.get("planPeriod"), false, 200, problems,
                    FieldProblem::of);
            String title = planTitle;
            if (title != null && plans.plans(user.partnershipId()).stream().anyMatch(p -> p.title().equalsIgnoreCase(title))) {
                problems.add(FieldProblem.of("planTitle", "A plan called '" + title + "' already exists: choose it instead"));
            }
        } else {
            var plan = plans.plans(user.partnershipId()).stream().filter(p -> String.valueOf(p.id()).equals(planChoice)).findFirst();
            if (plan.isEmpty()) {
                problems.add(FieldProblem.of("plan", "Choose a plan of this partnership, or a new plan"));
            } else {
                existingPlan = plan.get().id();
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        long planId = existingPlan != null ? existingPlan
                : plans.createFromRound(user.partnershipId(), user.getUsername(), planTitle, planPeriod,
                        "Priorities chosen by the " + executive.get().name() + " in the priority-setting round '"
                                + round.title() + "'.");
        for (var c : chosen) {
            var lead = leads.get(c.id()).orElseGet(() -> groups.findOrCreate(user.partnershipId(), user.getUsername(), c.title(),
                    GroupType.PRIORITY_GROUP));
            var priority = plans.addPriority(user.partnershipId(), user.getUsername(), planId, c.title(), lead.id(), round.id());
            jdbc.sql("update priority_candidate set chosen = true, group_id = ?, priority_id = ? where id = ?")
                    .params(lead.id(), priority.id(), c.id()).update();
        }
        jdbc.sql("""
                update priority_round set status = 'DECIDED', decided_by_group_id = ?, decided_by_group = ?, decided_when = ?,
                decided_on = ?, decision_reasons = ?, decision_recorded_by = ?, decision_recorded_at = ?, plan_id = ?,
                version = version + 1 where id = ?""")
                .params(executive.get().id(), executive.get().name(), when, on, reasons, user.getUsername(),
                        LocalDateTime.now(clock), planId, id).update();
        var after = round(user, id);
        events.publishEvent(RecordChanged.by(user, "priority round", id, "decided",
                "Recorded the Executive's decision on '" + round.title() + "': " + chosen.size() + " priorities chosen",
                round, after.round()));
        return after;
    }
}
