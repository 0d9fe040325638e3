package org.canopy.plan.updates;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.TreeMap;
import org.canopy.governance.GroupSummary;
import org.canopy.governance.Groups;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.PersonSummary;
import org.canopy.partnership.RecordChanged;
import org.canopy.plan.Rag;
import org.canopy.plan.plans.PlanStore;
import org.canopy.plan.plans.PlanViews.ActionInPlan;
import org.canopy.plan.plans.PlanViews.ActionView;
import org.canopy.plan.plans.PlanViews.PlanView;
import org.canopy.plan.plans.PlanViews.PriorityView;
import org.canopy.plan.plans.PlanViews.RoundView;
import org.canopy.plan.plans.PlanViews.UpdateView;
import org.canopy.privacy.IdentifierGuard;
import org.canopy.web.EditConflict;
import org.canopy.web.FieldProblem;
import org.canopy.web.InvalidInput;
import org.canopy.web.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Progress updates on actions. Only the members of a priority's lead groups, and administrators, may
 * update its actions; only an open round takes updates; a second writer is told, never overwritten.
 */
@Service
public class ActionUpdates {

    static final int MAX_NARRATIVE = 4000;
    static final int MAX_CORRECTIVE_STEP = 2000;

    /** One action due from a person in the open round, and whether it is done. */
    public record DueAction(PlanView plan, RoundView round, PriorityView priority, ActionView action, UpdateView update) {

        public boolean done() {
            return update != null;
        }
    }

    /** A person with actions still to update in a round whose due date has passed, or is coming. */
    record Outstanding(PersonSummary person, List<String> actionReferences) {
    }

    /** A priority's actions with no update in a round past its due date, and the people who answer for them. */
    record LatePriority(PriorityView priority, List<ActionView> actions, List<PersonSummary> people) {
    }

    /** A plan's open round past its due date, with what is late in it. */
    record LateRound(PlanView plan, RoundView round, List<LatePriority> priorities) {

        public int actionCount() {
            return priorities.stream().mapToInt(p -> p.actions().size()).sum();
        }
    }

    private final JdbcClient jdbc;
    private final PlanStore plans;
    private final UpdateRounds rounds;
    private final Groups groups;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    private final IdentifierGuard guard;
    private final ActionUpdaters updaters;

    ActionUpdates(JdbcClient jdbc, PlanStore plans, UpdateRounds rounds, Groups groups,
            ApplicationEventPublisher events, Clock clock, IdentifierGuard guard, ActionUpdaters updaters) {
        this.guard = guard;
        this.updaters = updaters;
        this.jdbc = jdbc;
        this.plans = plans;
        this.rounds = rounds;
        this.groups = groups;
        this.events = events;
        this.clock = clock;
    }

    public ActionInPlan action(CanopyUser user, long actionId) {
        return plans.action(user.partnershipId(), actionId).orElseThrow(() -> new NotFound("The action"));
    }

    /** Administrators, and members of one of the priority's lead groups, may update its actions. */
    public boolean mayUpdate(CanopyUser user, PriorityView priority) {
        if (user.isAdministrator()) {
            return true;
        }
        Set<Long> mine = groups.groupIdsOf(user.id());
        return priority.leadGroups().stream().map(GroupSummary::id).anyMatch(mine::contains);
    }

    /** As {@link #mayUpdate(CanopyUser, PriorityView)}, and also the person assigned to update the action. */
    public boolean mayUpdate(CanopyUser user, ActionInPlan context) {
        return mayUpdate(user, context.priority())
                || updaters.assignedTo(context.action().id()).map(id -> id == user.id()).orElse(false);
    }

    public List<UpdateView> history(CanopyUser user, long actionId) {
        plans.planOfAction(user.partnershipId(), actionId).orElseThrow(() -> new NotFound("The action"));
        return jdbc.sql(PlanStore.UPDATE_COLUMNS + " from action_update u where u.action_id = ? order by u.period desc")
                .param(actionId).query(PlanStore::update).list();
    }

    /** Stores a new update for a period; 409 (EditConflict) if that period already has one. */
    @Transactional
    public UpdateView submit(CanopyUser user, long actionId, UpdateInput input) {
        var context = checkedContext(user, actionId);
        var valid = validate(context, input);
        if (existing(actionId, valid.period()) != null) {
            throw new EditConflict("An update for " + valid.period() + " already exists for action "
                    + context.action().reference() + ". Read it, then replace it quoting its version.");
        }
        var now = LocalDateTime.now(clock);
        try {
            jdbc.sql("""
                    insert into action_update (action_id, period, rag, narrative, corrective_step, evidence_url, author,
                                               created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(actionId, valid.period(), valid.rag().name(), valid.narrative(), valid.correctiveStep(),
                            valid.evidenceUrl(), user.getUsername(), now, now)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new EditConflict("Someone else stored an update for " + valid.period() + " a moment ago.");
        }
        var stored = existing(actionId, valid.period());
        events.publishEvent(RecordChanged.by(user, "action-update", stored.id(), "created",
                "Updated action " + context.action().reference() + " for " + stored.period() + ": " + stored.rag().label(),
                null, stored));
        return stored;
    }

    /** Replaces the update of a period, if nobody changed it since {@code version} was read. */
    @Transactional
    public UpdateView replace(CanopyUser user, long actionId, String period, Integer version, UpdateInput input) {
        var context = checkedContext(user, actionId);
        var valid = validate(context, new UpdateInput(period, input.rag(), input.narrative(), input.correctiveStep(),
                input.evidenceUrl()));
        var before = existing(actionId, valid.period());
        if (before == null) {
            throw new NotFound("The update for " + valid.period());
        }
        if (version == null) {
            throw new InvalidInput("version", "Send the version of the update you read, so nobody's change is overwritten");
        }
        int changed = jdbc.sql("""
                update action_update set rag = ?, narrative = ?, corrective_step = ?, evidence_url = ?, author = ?,
                       updated_at = ?, version = version + 1
                where action_id = ? and period = ? and version = ?""")
                .params(valid.rag().name(), valid.narrative(), valid.correctiveStep(), valid.evidenceUrl(),
                        user.getUsername(), LocalDateTime.now(clock), actionId, valid.period(), version)
                .update();
        if (changed == 0) {
            throw new EditConflict("Someone else changed the " + valid.period() + " update of action "
                    + context.action().reference() + " after you read it (it is now version " + before.version() + ").");
        }
        var after = existing(actionId, valid.period());
        events.publishEvent(RecordChanged.by(user, "action-update", after.id(), "replaced",
                "Replaced the " + after.period() + " update of action " + context.action().reference(), before, after));
        return after;
    }

    public UpdateView existing(long actionId, String period) {
        return jdbc.sql(PlanStore.UPDATE_COLUMNS + " from action_update u where u.action_id = ? and u.period = ?")
                .params(actionId, period).query(PlanStore::update).optional().orElse(null);
    }

    private ActionInPlan checkedContext(CanopyUser user, long actionId) {
        var context = action(user, actionId);
        if (!mayUpdate(user, context)) {
            throw new AccessDeniedException("Only members of the lead groups of priority "
                    + context.priority().number() + " may update its actions");
        }
        return context;
    }

    private record ValidUpdate(String period, Rag rag, String narrative, String correctiveStep, String evidenceUrl) {
    }

    private ValidUpdate validate(ActionInPlan context, UpdateInput input) {
        var problems = new ArrayList<FieldProblem>();
        String period = input.period() == null ? "" : input.period().trim();
        if (period.isEmpty()) {
            problems.add(FieldProblem.of("period", "Enter the quarter the update is for, like 2018-19-Q4"));
        } else {
            var round = rounds.round(context.plan().id(), period);
            if (round.isEmpty()) {
                problems.add(FieldProblem.of("period", "There is no update round for " + period + " in this plan"));
            } else if (!round.get().open()) {
                problems.add(FieldProblem.of("period", "The " + period + " round is closed and takes no more updates"));
            }
        }
        Rag rag = null;
        if (input.rag() == null || input.rag().isBlank()) {
            problems.add(FieldProblem.of("rag", "Select a status: green, amber, red or complete"));
        } else {
            try {
                rag = Rag.valueOf(input.rag().trim().toUpperCase());
            } catch (IllegalArgumentException e) {
                problems.add(FieldProblem.of("rag", "'" + input.rag() + "' is not a status: use GREEN, AMBER, RED or COMPLETE"));
            }
        }
        String narrative = input.narrative() == null ? "" : input.narrative().strip();
        if (narrative.isEmpty()) {
            problems.add(FieldProblem.of("narrative", "Enter a narrative: what has happened on this action this quarter"));
        } else if (narrative.length() > MAX_NARRATIVE) {
            problems.add(FieldProblem.of("narrative", "The narrative must be " + MAX_NARRATIVE + " characters or fewer"));
        } else {
            problems.addAll(guard.problems("narrative", "The narrative", narrative, FieldProblem::of));
        }
        String step = input.correctiveStep() == null ? "" : input.correctiveStep().strip();
        if (step.length() > MAX_CORRECTIVE_STEP) {
            problems.add(FieldProblem.of("correctiveStep", "The corrective step must be " + MAX_CORRECTIVE_STEP
                    + " characters or fewer"));
        } else {
            problems.addAll(guard.problems("correctiveStep", "The corrective step", step, FieldProblem::of));
        }
        String evidence = input.evidenceUrl() == null ? "" : input.evidenceUrl().strip();
        if (!evidence.isEmpty() && !isWebAddress(evidence)) {
            problems.add(FieldProblem.of("evidenceUrl", "Enter the evidence link as a full web address starting https://"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return new ValidUpdate(period, rag, narrative, step.isEmpty() ? null : step, evidence.isEmpty() ? null : evidence);
    }

    private static boolean isWebAddress(String text) {
        if (text.length() > 500) {
            return false;
        }
        try {
            var uri = new URI(text);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The actions due from a person in every plan's open round, done or not. */
    public List<DueAction> dueFrom(CanopyUser user) {
        Set<Long> mine = groups.groupIdsOf(user.id());
        var due = new ArrayList<DueAction>();
        for (var summary : plans.plans(user.partnershipId())) {
            var round = rounds.openRound(summary.id());
            if (round.isEmpty()) {
                continue;
            }
            var plan = plans.plan(user.partnershipId(), summary.id()).orElseThrow();
            var updated = updatesFor(plan.id(), round.get().period());
            var assigned = updaters.assigned(plan.id());
            for (var priority : plan.priorities()) {
                boolean lead = priority.leadGroups().stream().anyMatch(g -> mine.contains(g.id()));
                for (var action : priority.actions()) {
                    if (lead || Long.valueOf(user.id()).equals(assigned.get(action.id()))) {
                        due.add(new DueAction(plan, round.get(), priority, action, updated.get(action.id())));
                    }
                }
            }
        }
        return due;
    }

    /** The updates stored for a plan's period, by action id. */
    Map<Long, UpdateView> updatesFor(long planId, String period) {
        var byAction = new TreeMap<Long, UpdateView>();
        jdbc.sql(PlanStore.UPDATE_COLUMNS
                + " from action_update u join plan_action a on a.id = u.action_id where a.plan_id = ? and u.period = ?")
                .params(planId, period).query(PlanStore::update).list().forEach(u -> byAction.put(u.actionId(), u));
        return byAction;
    }

    /**
     * Who still owes updates in a round: each person who can update an action (a lead group member or its
     * assigned updater) that has no update for the round's period. Actions nobody can update fall to the
     * administrators.
     */
    List<Outstanding> outstanding(CanopyUser admin, PlanView plan, RoundView round) {
        var updated = updatesFor(plan.id(), round.period());
        Map<PersonSummary, List<String>> byPerson = new LinkedHashMap<>();
        var unowned = new ArrayList<String>();
        for (var owed : updaters.responsibility(admin.partnershipId(), plan)) {
            if (updated.containsKey(owed.action().id())) {
                continue;
            }
            if (owed.nobody()) {
                unowned.add(owed.action().reference());
            }
            owed.people().forEach(p -> byPerson.computeIfAbsent(p, k -> new ArrayList<>()).add(owed.action().reference()));
        }
        var result = new ArrayList<Outstanding>();
        byPerson.forEach((person, actions) -> result.add(new Outstanding(person, actions)));
        result.sort(Comparator.comparing((Outstanding o) -> -o.actionReferences().size())
                .thenComparing(o -> o.person().displayName()));
        if (!unowned.isEmpty()) {
            result.add(new Outstanding(new PersonSummary(0, "", "Nobody who can update them (administrators)", null,
                    null, null, true), unowned));
        }
        return result;
    }

    /**
     * For the administrator: every plan's open round past its due date, with each priority's actions that have
     * no update for it and the people who answer for them (none where nobody can update them).
     */
    public List<LateRound> lateRounds(CanopyUser admin) {
        if (!admin.isAdministrator()) {
            throw new AccessDeniedException("Only the partnership administrator sees who is late");
        }
        var result = new ArrayList<LateRound>();
        for (var summary : plans.plans(admin.partnershipId())) {
            var round = rounds.openRound(summary.id()).filter(this::late);
            if (round.isEmpty()) {
                continue;
            }
            var plan = plans.plan(admin.partnershipId(), summary.id()).orElseThrow();
            var updated = updatesFor(plan.id(), round.get().period());
            Map<PriorityView, List<ActionUpdaters.Responsible>> byPriority = new LinkedHashMap<>();
            updaters.responsibility(admin.partnershipId(), plan).stream().filter(r -> !updated.containsKey(r.action().id()))
                    .forEach(r -> byPriority.computeIfAbsent(r.priority(), k -> new ArrayList<>()).add(r));
            var priorities = new ArrayList<LatePriority>();
            byPriority.forEach((priority, owed) -> priorities.add(new LatePriority(priority,
                    owed.stream().map(ActionUpdaters.Responsible::action).toList(),
                    owed.stream().flatMap(r -> r.people().stream()).distinct()
                            .sorted(Comparator.comparing(PersonSummary::displayName)).toList())));
            result.add(new LateRound(plan, round.get(), priorities));
        }
        return result;
    }

    boolean late(RoundView round) {
        return round.open() && LocalDate.now(clock).isAfter(round.dueDate());
    }
}
