package org.canopy.voice.engagement;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.canopy.governance.GroupSummary;
import org.canopy.governance.Groups;
import org.canopy.partnership.AgencyDirectory;
import org.canopy.partnership.AgencySummary;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.RecordChanged;
import org.canopy.partnership.Role;
import org.canopy.plan.PlanPriorities;
import org.canopy.plan.PriorityRef;
import org.canopy.privacy.IdentifierGuard;
import org.canopy.voice.engagement.EngagementGroups.EngagementGroup;
import org.canopy.web.DateInput;
import org.canopy.web.EditConflict;
import org.canopy.web.FieldProblem;
import org.canopy.web.FormFields;
import org.canopy.web.InvalidInput;
import org.canopy.web.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The canvasser programme: questions a governance group asks or a priority needs answered, and partners' visits to the
 * engagement groups that take them out, with what was heard. The coordinator and group chairs ask questions and plan
 * visits; an agency contributor plans and records their own agency's visits; everyone signed in reads.
 */
@Service
public class Canvassing {

    /** A question canvassers take out: asked by a group, for a priority, or both. */
    public record Question(long id, String text, Long askedByGroup, Long forPriority, boolean open, String createdBy,
            LocalDateTime createdAt, int version) {

        public QuestionStatus status() {
            return open ? QuestionStatus.OPEN : QuestionStatus.CLOSED;
        }
    }

    /** A question with the names of who asks it and for what, and how many visits take it. */
    public record QuestionView(Question question, String askedBy, String priority, int visits) {
    }

    /** A partner's visit to an engagement group, as kept. */
    public record Visit(long id, long engagementGroupId, Long agencyId, String canvasser, LocalDate visitedOn, boolean dayKnown,
            VisitStatus status, String purpose, String heard, String createdBy, LocalDateTime createdAt, int version) {

        /** The day of the visit, or only its month when the day is not known ("February 2021"). */
        public String when() {
            return dayKnown ? EngagementGroups.DAY.format(visitedOn) : EngagementGroups.MONTH.format(visitedOn);
        }
    }

    /** A visit with its group's and agency's names and the questions it takes. */
    public record VisitView(Visit visit, String group, String agency, List<Question> questions) {
    }

    /** What a visit form sends. {@code questions} are question ids. */
    public record VisitInput(String group, String agency, String canvasser, DateInput visitedOn, String status, String purpose,
            String heard, List<String> questions) {
    }

    /** The newest plan's priorities that have no feedback item linked and no open question. */
    public record Unheard(String planTitle, int prioritiesInPlan, List<PriorityRef> priorities) {
    }

    private final JdbcClient jdbc;
    private final EngagementGroups engagementGroups;
    private final Groups groups;
    private final AgencyDirectory agencies;
    private final PlanPriorities plan;
    private final IdentifierGuard guard;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Canvassing(JdbcClient jdbc, EngagementGroups engagementGroups, Groups groups, AgencyDirectory agencies, PlanPriorities plan,
            IdentifierGuard guard, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.engagementGroups = engagementGroups;
        this.groups = groups;
        this.agencies = agencies;
        this.plan = plan;
        this.guard = guard;
        this.events = events;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---- who may do what

    /** Whether the person asks questions: the coordinator or a group chair. */
    public boolean mayAsk(CanopyUser user) {
        return user.isAdministrator() || user.role() == Role.GROUP_CHAIR;
    }

    /** Whether the person plans visits: the coordinator, a group chair, or an agency contributor (for their own agency). */
    public boolean mayPlan(CanopyUser user) {
        return mayAsk(user) || (user.role() == Role.AGENCY_CONTRIBUTOR && user.agencyId() != null);
    }

    /** Whether the person records or changes this visit: as for planning, an agency contributor only their own agency's. */
    public boolean mayRecord(CanopyUser user, Visit visit) {
        return mayAsk(user) || (user.role() == Role.AGENCY_CONTRIBUTOR && user.agencyId() != null
                && user.agencyId().equals(visit.agencyId()));
    }

    /** The governance groups the person may ask a question for: every group for the coordinator, the groups a chair runs. */
    public List<GroupSummary> askingGroups(CanopyUser user) {
        var all = groups.all(user.partnershipId());
        return user.isAdministrator() ? all : all.stream().filter(g -> groups.runs(user, g.id())).toList();
    }

    /** Every priority of every plan of the partnership, newest plan first. */
    public List<PriorityRef> priorities(long partnershipId) {
        return plan.priorities(partnershipId);
    }

    /** The agencies a visit may be by: today's agencies (and the visit's own), only their own for an agency contributor. */
    public List<AgencySummary> agencyChoices(CanopyUser user, Long current) {
        if (user.role() == Role.AGENCY_CONTRIBUTOR) {
            return agencies.byId(user.partnershipId(), user.agencyId()).stream().toList();
        }
        var choices = new ArrayList<>(agencies.agenciesOn(user.partnershipId(), today()));
        if (current != null && choices.stream().noneMatch(a -> a.id() == current)) {
            agencies.byId(user.partnershipId(), current).ifPresent(choices::add);
        }
        return choices;
    }

    // ---- questions

    public List<QuestionView> questions(long partnershipId) {
        var groupNames = groupNames(partnershipId);
        var priorityNames = priorityNames(partnershipId);
        var taken = new HashMap<Long, Integer>();
        jdbc.sql("""
                select q.question_id from canvass_visit_question q join canvass_visit v on v.id = q.visit_id where v.partnership_id = ?""")
                .param(partnershipId).query(Long.class).list().forEach(id -> taken.merge(id, 1, Integer::sum));
        return jdbc.sql(QUESTION + " where partnership_id = ? order by open desc, created_at desc, id desc").param(partnershipId)
                .query(Question.class).list().stream()
                .map(q -> new QuestionView(q, q.askedByGroup() == null ? null : groupNames.get(q.askedByGroup()),
                        q.forPriority() == null ? null : priorityNames.get(q.forPriority()), taken.getOrDefault(q.id(), 0)))
                .toList();
    }

    public Question question(long partnershipId, long id) {
        return jdbc.sql(QUESTION + " where partnership_id = ? and id = ?").params(partnershipId, id).query(Question.class).optional()
                .orElseThrow(() -> new NotFound("The question"));
    }

    public QuestionView questionView(long partnershipId, long id) {
        question(partnershipId, id);
        return questions(partnershipId).stream().filter(q -> q.question().id() == id).findFirst().orElseThrow();
    }

    /** Asks a question: its words, the group asking (one the person may ask for) and/or the priority it is for. */
    @Transactional
    public Question ask(CanopyUser user, String text, String askedByGroup, String forPriority) {
        if (!mayAsk(user)) {
            throw new AccessDeniedException("Only the partnership coordinator or a group chair asks a canvassing question");
        }
        var problems = new ArrayList<FieldProblem>();
        String t = guard.freeText("text", "The question", text, true, 1000, problems, FieldProblem::of);
        Long group = null;
        if (askedByGroup != null && !askedByGroup.isBlank()) {
            long id = FormFields.id(askedByGroup);
            if (askingGroups(user).stream().noneMatch(g -> g.id() == id)) {
                problems.add(FieldProblem.of("askedByGroup", user.isAdministrator() ? "Choose a group of the partnership"
                        : "Choose a group you chair"));
            } else {
                group = id;
            }
        }
        Long priority = null;
        if (forPriority != null && !forPriority.isBlank()) {
            long id = FormFields.id(forPriority);
            if (priorities(user.partnershipId()).stream().noneMatch(p -> p.id() == id)) {
                problems.add(FieldProblem.of("forPriority", "Choose a priority of the partnership's plans"));
            } else {
                priority = id;
            }
        }
        if (group == null && priority == null && problems.stream().noneMatch(p -> p.field().equals("askedByGroup")
                || p.field().equals("forPriority"))) {
            problems.add(FieldProblem.of("askedByGroup", "Choose the group asking the question, the priority it is for, or both"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into canvass_question (partnership_id, text, asked_by_group, for_priority, open, created_by, created_at)
                values (?, ?, ?, ?, true, ?, ?)""")
                .params(user.partnershipId(), t, group, priority, user.getUsername(), LocalDateTime.now(clock)).update(keys, "id");
        var added = question(user.partnershipId(), keys.getKey().longValue());
        events.publishEvent(RecordChanged.by(user, "canvassing question", added.id(), "added", "Asked a canvassing question", null, added));
        return added;
    }

    /** Opens or closes a question (who may ask questions), against the version read. */
    @Transactional
    public Question setOpen(CanopyUser user, long id, boolean open, int version) {
        var before = question(user.partnershipId(), id);
        if (!mayAsk(user)) {
            throw new AccessDeniedException("Only the partnership coordinator or a group chair opens or closes a canvassing question");
        }
        int changed = jdbc.sql("update canvass_question set open = ?, version = version + 1 where id = ? and partnership_id = ? and version = ?")
                .params(open, id, user.partnershipId(), version).update();
        if (changed == 0) {
            throw new EditConflict("Someone else changed this question since you opened it: check it again");
        }
        var after = question(user.partnershipId(), id);
        events.publishEvent(RecordChanged.by(user, "canvassing question", id, open ? "reopened" : "closed",
                open ? "Reopened a canvassing question" : "Closed a canvassing question", before, after));
        return after;
    }

    // ---- visits

    /** Every visit of the partnership, newest first. */
    public List<VisitView> visits(long partnershipId) {
        return views(partnershipId, jdbc.sql(VISIT + " where partnership_id = ? order by visited_on desc, id desc").param(partnershipId)
                .query(Visit.class).list());
    }

    /** The visits to one engagement group, newest first. */
    public List<VisitView> visitsTo(long partnershipId, long groupId) {
        return views(partnershipId, jdbc.sql(VISIT + " where partnership_id = ? and engagement_group_id = ? order by visited_on desc, id desc")
                .params(partnershipId, groupId).query(Visit.class).list());
    }

    /** The visits that take one question, newest first. */
    public List<VisitView> visitsTaking(long partnershipId, long questionId) {
        return visits(partnershipId).stream().filter(v -> v.questions().stream().anyMatch(q -> q.id() == questionId)).toList();
    }

    public Visit visit(long partnershipId, long id) {
        return jdbc.sql(VISIT + " where partnership_id = ? and id = ?").params(partnershipId, id).query(Visit.class).optional()
                .orElseThrow(() -> new NotFound("The visit"));
    }

    public VisitView visitView(long partnershipId, long id) {
        return views(partnershipId, List.of(visit(partnershipId, id))).get(0);
    }

    /** Plans (or records) a visit. */
    @Transactional
    public Visit plan(CanopyUser user, VisitInput input) {
        if (!mayPlan(user)) {
            throw new AccessDeniedException("Only the partnership coordinator, a group chair or an agency contributor plans a visit");
        }
        var problems = new ArrayList<FieldProblem>();
        var checked = check(user, input, null, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var keys = new GeneratedKeyHolder();
        var now = LocalDateTime.now(clock);
        jdbc.sql("""
                insert into canvass_visit (partnership_id, engagement_group_id, agency_id, canvasser, visited_on, day_known, status,
                                           purpose, heard, created_by, created_at, updated_by, updated_at)
                values (?, ?, ?, ?, ?, true, ?, ?, ?, ?, ?, ?, ?)""")
                .params(user.partnershipId(), checked.group().id(), checked.agencyId(), checked.canvasser(), checked.on(),
                        checked.status().name(), checked.purpose(), checked.heard(), user.getUsername(), now, user.getUsername(), now)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        linkQuestions(id, checked.questions());
        var added = visit(user.partnershipId(), id);
        events.publishEvent(RecordChanged.by(user, "canvassing visit", id, "added",
                (checked.status() == VisitStatus.DONE ? "Recorded a visit to " : "Planned a visit to ") + checked.group().name(), null,
                snapshot(added, checked.questions())));
        return added;
    }

    /** Records what happened at a visit, or changes its plan, against the version read. */
    @Transactional
    public Visit record(CanopyUser user, long id, VisitInput input, int version) {
        var before = visit(user.partnershipId(), id);
        if (!mayRecord(user, before)) {
            throw new AccessDeniedException("Only the partnership coordinator, a group chair or the visiting agency's contributors record a visit");
        }
        var problems = new ArrayList<FieldProblem>();
        var checked = check(user, input, before, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var beforeQuestions = questionIds(id);
        // A date the records give only as a month stays a month while the person leaves it as it was.
        boolean dayKnown = before.dayKnown() || !checked.on().equals(before.visitedOn());
        int changed = jdbc.sql("""
                update canvass_visit set engagement_group_id = ?, agency_id = ?, canvasser = ?, visited_on = ?, day_known = ?, status = ?,
                       purpose = ?, heard = ?, updated_by = ?, updated_at = ?, version = version + 1
                where id = ? and partnership_id = ? and version = ?""")
                .params(checked.group().id(), checked.agencyId(), checked.canvasser(), checked.on(), dayKnown, checked.status().name(),
                        checked.purpose(), checked.heard(), user.getUsername(), LocalDateTime.now(clock), id, user.partnershipId(), version)
                .update();
        if (changed == 0) {
            throw new EditConflict("Someone else changed this visit since you opened it: check it again");
        }
        jdbc.sql("delete from canvass_visit_question where visit_id = ?").param(id).update();
        linkQuestions(id, checked.questions());
        var after = visit(user.partnershipId(), id);
        events.publishEvent(RecordChanged.by(user, "canvassing visit", id, "changed", "Recorded the visit to " + checked.group().name(),
                snapshot(before, beforeQuestions), snapshot(after, checked.questions())));
        return after;
    }

    /** The ids of the questions a visit takes. */
    public Set<Long> questionIds(long visitId) {
        return new LinkedHashSet<>(jdbc.sql("select question_id from canvass_visit_question where visit_id = ? order by question_id")
                .param(visitId).query(Long.class).list());
    }

    // ---- priorities without children's input

    /** The newest plan's priorities with no feedback item linked to them and no open question for them. */
    public Unheard unheardPriorities(long partnershipId) {
        var all = priorities(partnershipId);
        if (all.isEmpty()) {
            return new Unheard(null, 0, List.of());
        }
        long newest = all.get(0).planId();
        var inPlan = all.stream().filter(p -> p.planId() == newest).toList();
        var heard = new HashSet<>(jdbc.sql("""
                select distinct fp.priority_id from feedback_priority fp join feedback f on f.id = fp.feedback_id where f.partnership_id = ?""")
                .param(partnershipId).query(Long.class).list());
        var asked = new HashSet<>(jdbc.sql("select distinct for_priority from canvass_question where partnership_id = ? and open = true"
                + " and for_priority is not null").param(partnershipId).query(Long.class).list());
        return new Unheard(all.get(0).planTitle(), inPlan.size(),
                inPlan.stream().filter(p -> !heard.contains(p.id()) && !asked.contains(p.id())).toList());
    }

    // ---- the demo

    /** A visit for the demo, as the report dates and describes it (what was heard left empty when it does not say). */
    long visitForDemo(long partnershipId, long groupId, Long agencyId, String canvasser, LocalDate on, boolean dayKnown,
            VisitStatus status, String purpose) {
        var keys = new GeneratedKeyHolder();
        var now = LocalDateTime.now(clock);
        jdbc.sql("""
                insert into canvass_visit (partnership_id, engagement_group_id, agency_id, canvasser, visited_on, day_known, status,
                                           purpose, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'demo', ?)""")
                .params(partnershipId, groupId, agencyId, canvasser, on, dayKnown, status.name(), purpose, now).update(keys, "id");
        return keys.getKey().longValue();
    }

    // ----

    private record Checked(EngagementGroup group, Long agencyId, String canvasser, LocalDate on, VisitStatus status, String purpose,
            String heard, List<Long> questions) {
    }

    private Checked check(CanopyUser user, VisitInput input, Visit current, List<FieldProblem> problems) {
        long p = user.partnershipId();
        EngagementGroup group = null;
        long groupId = FormFields.id(input.group());
        var found = engagementGroups.all(p).stream().filter(g -> g.id() == groupId).findFirst();
        if (found.isEmpty() || (!found.get().active() && (current == null || current.engagementGroupId() != groupId))) {
            problems.add(FieldProblem.of("group", "Choose an active engagement group of the partnership"));
        } else {
            group = found.get();
        }
        Long agencyId = null;
        if (user.role() == Role.AGENCY_CONTRIBUTOR) {
            if (input.agency() != null && !input.agency().isBlank() && FormFields.id(input.agency()) != user.agencyId()) {
                throw new AccessDeniedException("An agency contributor plans and records their own agency's visits only");
            }
            agencyId = user.agencyId();
        } else {
            long id = FormFields.id(input.agency());
            if (agencyChoices(user, current == null ? null : current.agencyId()).stream().noneMatch(a -> a.id() == id)) {
                problems.add(FieldProblem.of("agency", "Choose the partner agency visiting"));
            } else {
                agencyId = id;
            }
        }
        String canvasser = guard.freeText("canvasser", "The canvasser", input.canvasser(), false, 200, problems, FieldProblem::of);
        VisitStatus status = null;
        try {
            status = VisitStatus.valueOf(input.status() == null ? "" : input.status().strip());
        } catch (IllegalArgumentException e) {
            problems.add(FieldProblem.of("status", "Choose whether the visit is planned, done or cancelled"));
        }
        var range = status == VisitStatus.DONE ? DateInput.Range.PAST : DateInput.Range.PLANNED;
        LocalDate on = input.visitedOn().read("visitedOn", "The date of the visit", true, range, today(), problems);
        String purpose = guard.freeText("purpose", "Why the visit is made", input.purpose(), false, 1000, problems, FieldProblem::of);
        String heard = guard.freeText("heard", "What was heard", input.heard(), false, 4000, problems, FieldProblem::of);
        if (heard != null && status != null && status != VisitStatus.DONE) {
            problems.add(FieldProblem.of("heard", "Record what was heard only for a visit that is done"));
        }
        var already = current == null ? Set.<Long>of() : questionIds(current.id());
        var questions = new ArrayList<Long>();
        var open = jdbc.sql(QUESTION + " where partnership_id = ?").param(p).query(Question.class).list().stream()
                .filter(q -> q.open() || already.contains(q.id())).map(Question::id).collect(Collectors.toSet());
        for (String q : input.questions() == null ? List.<String>of() : input.questions()) {
            long id = FormFields.id(q);
            if (!open.contains(id)) {
                problems.add(FieldProblem.of("questions", "Choose only the partnership's open questions"));
                break;
            }
            if (!questions.contains(id)) {
                questions.add(id);
            }
        }
        return new Checked(group, agencyId, canvasser, on, status, purpose, heard, questions);
    }

    private void linkQuestions(long visitId, List<Long> questions) {
        for (long q : questions) {
            jdbc.sql("insert into canvass_visit_question (visit_id, question_id) values (?, ?)").params(visitId, q).update();
        }
    }

    private static Map<String, Object> snapshot(Visit visit, java.util.Collection<Long> questions) {
        var map = new java.util.LinkedHashMap<String, Object>();
        map.put("visit", visit);
        map.put("questionIds", List.copyOf(questions));
        return map;
    }

    private List<VisitView> views(long partnershipId, List<Visit> visits) {
        if (visits.isEmpty()) {
            return List.of();
        }
        var groupNames = engagementGroups.all(partnershipId).stream().collect(Collectors.toMap(EngagementGroup::id, EngagementGroup::name));
        var agencyNames = agencies.agencies(partnershipId).stream().collect(Collectors.toMap(AgencySummary::id, AgencySummary::name));
        var questions = jdbc.sql(QUESTION + " where partnership_id = ?").param(partnershipId).query(Question.class).list().stream()
                .collect(Collectors.toMap(Question::id, q -> q));
        var taken = new HashMap<Long, List<Question>>();
        jdbc.sql("""
                select q.visit_id, q.question_id from canvass_visit_question q join canvass_visit v on v.id = q.visit_id
                where v.partnership_id = ? order by q.question_id""").param(partnershipId)
                .query((rs, n) -> taken.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(questions.get(rs.getLong(2)))).list();
        return visits.stream().map(v -> new VisitView(v, groupNames.get(v.engagementGroupId()),
                v.agencyId() == null ? null : agencyNames.get(v.agencyId()), taken.getOrDefault(v.id(), List.of()))).toList();
    }

    private Map<Long, String> groupNames(long partnershipId) {
        return groups.all(partnershipId).stream().collect(Collectors.toMap(GroupSummary::id, GroupSummary::name));
    }

    private Map<Long, String> priorityNames(long partnershipId) {
        return priorities(partnershipId).stream().collect(Collectors.toMap(PriorityRef::id,
                p -> p.number() + ". " + p.title() + " (" + p.planTitle() + ")"));
    }

    private static final String QUESTION = "select id, text, asked_by_group, for_priority, open, created_by, created_at, version from canvass_question";

    private static final String VISIT = """
            select id, engagement_group_id, agency_id, canvasser, visited_on, day_known, status, purpose, heard, created_by, created_at,
                   version from canvass_visit""";
}
