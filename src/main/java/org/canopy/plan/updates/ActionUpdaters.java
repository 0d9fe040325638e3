package org.canopy.plan.updates;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.canopy.governance.GroupSummary;
import org.canopy.governance.Groups;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.People;
import org.canopy.partnership.PersonSummary;
import org.canopy.partnership.RecordChanged;
import org.canopy.partnership.Role;
import org.canopy.plan.plans.PlanStore;
import org.canopy.plan.plans.PlanViews.ActionView;
import org.canopy.plan.plans.PlanViews.PlanView;
import org.canopy.plan.plans.PlanViews.PriorityView;
import org.canopy.web.FieldProblem;
import org.canopy.web.InvalidInput;
import org.canopy.web.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who answers for each action's updates: the members of its priority's lead groups who can sign in, and the
 * person the administrator assigned to it. The administrator assigns one where nobody else can update.
 */
@Service
public class ActionUpdaters {

    /** Read-only and independent roles are never made to update delivery. */
    static final Set<Role> ASSIGNABLE = EnumSet.of(Role.ADMINISTRATOR, Role.EXECUTIVE, Role.GROUP_CHAIR,
            Role.AGENCY_CONTRIBUTOR);

    /** An action with everyone who can update it (lead group members and its assigned updater). */
    record Responsible(PriorityView priority, ActionView action, List<PersonSummary> people, PersonSummary assigned) {

        public boolean nobody() {
            return people.isEmpty();
        }
    }

    /** An assignment as the history keeps it. */
    public record Assignment(long actionId, String action, long personId, String person) {
    }

    private final JdbcClient jdbc;
    private final PlanStore plans;
    private final Groups groups;
    private final People people;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ActionUpdaters(JdbcClient jdbc, PlanStore plans, Groups groups, People people, ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.groups = groups;
        this.people = people;
        this.events = events;
        this.clock = clock;
    }

    /** The id of the person assigned to update the action, if any. */
    Optional<Long> assignedTo(long actionId) {
        return jdbc.sql("select person_id from plan_action_updater where action_id = ?").param(actionId)
                .query(Long.class).optional();
    }

    /** The assigned updater's id of each action of the plan that has one. */
    Map<Long, Long> assigned(long planId) {
        Map<Long, Long> byAction = new HashMap<>();
        jdbc.sql("select u.action_id, u.person_id from plan_action_updater u join plan_action a on a.id = u.action_id"
                + " where a.plan_id = ?").param(planId)
                .query((rs, n) -> byAction.put(rs.getLong(1), rs.getLong(2))).list();
        return byAction;
    }

    /** Every action of the plan, in order, with the people who can update it. Disabled accounts do not count. */
    List<Responsible> responsibility(long partnershipId, PlanView plan) {
        var assigned = assigned(plan.id());
        // Every lead group's members in one read, whatever the number of priorities.
        var membersByGroup = groups.memberIdsByGroup(plan.priorities().stream()
                .flatMap(p -> p.leadGroups().stream()).map(GroupSummary::id).distinct().toList());
        Map<Long, Set<Long>> membersByPriority = new HashMap<>();
        var everyone = new HashSet<>(assigned.values());
        for (var priority : plan.priorities()) {
            var members = new HashSet<Long>();
            priority.leadGroups().forEach(g -> members.addAll(membersByGroup.getOrDefault(g.id(), Set.of())));
            membersByPriority.put(priority.id(), members);
            everyone.addAll(members);
        }
        Map<Long, PersonSummary> byId = new LinkedHashMap<>();
        people.byIds(partnershipId, everyone).stream().filter(PersonSummary::enabled).forEach(p -> byId.put(p.id(), p));
        var result = new ArrayList<Responsible>();
        for (var priority : plan.priorities()) {
            var members = membersByPriority.get(priority.id());
            for (var action : priority.actions()) {
                var updater = assigned.containsKey(action.id()) ? byId.get(assigned.get(action.id())) : null;
                // byId is in display-name order, so the people of each action are too.
                var who = byId.values().stream().filter(p -> members.contains(p.id()) || p == updater).toList();
                result.add(new Responsible(priority, action, who, updater));
            }
        }
        return result;
    }

    /** The enabled people of the partnership the administrator may name as an action's updater. */
    List<PersonSummary> assignable(long partnershipId) {
        return people.inPartnership(partnershipId).stream().filter(p -> p.enabled() && ASSIGNABLE.contains(p.role()))
                .toList();
    }

    /** Names a person as the action's updater, replacing any before: the administrator only. */
    @Transactional
    Assignment assign(CanopyUser admin, Long actionId, Long personId) {
        requireAdministrator(admin);
        var problems = new ArrayList<FieldProblem>();
        ActionView action = actionId == null ? null : action(admin, actionId);
        if (action == null) {
            problems.add(FieldProblem.of("updaterAction", "Choose the action that needs an updater"));
        }
        var person = personId == null ? Optional.<PersonSummary>empty()
                : assignable(admin.partnershipId()).stream().filter(p -> p.id() == personId).findFirst();
        if (person.isEmpty()) {
            problems.add(FieldProblem.of("updater",
                    "Choose a person who can sign in and update actions (not a read-only or scrutineer account)"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var before = current(admin.partnershipId(), action);
        jdbc.sql("delete from plan_action_updater where action_id = ?").param(actionId).update();
        jdbc.sql("insert into plan_action_updater (action_id, person_id, assigned_by, assigned_at) values (?, ?, ?, ?)")
                .params(actionId, personId, admin.getUsername(), LocalDateTime.now(clock)).update();
        var after = new Assignment(actionId, action.reference(), personId, person.get().displayName());
        events.publishEvent(RecordChanged.by(admin, "action-updater", actionId, "assigned",
                "Assigned " + after.person() + " to update action " + action.reference(), before, after));
        return after;
    }

    /** Removes the action's assigned updater: the administrator only. */
    @Transactional
    public Assignment remove(CanopyUser admin, long actionId) {
        requireAdministrator(admin);
        var action = action(admin, actionId);
        var before = current(admin.partnershipId(), action);
        if (before == null) {
            throw new NotFound("The updater of action " + action.reference());
        }
        jdbc.sql("delete from plan_action_updater where action_id = ?").param(actionId).update();
        events.publishEvent(RecordChanged.by(admin, "action-updater", actionId, "removed",
                "Removed " + before.person() + " as updater of action " + action.reference(), before, null));
        return before;
    }

    /** The person assigned to update the action, if any. */
    public Optional<PersonSummary> assignedPerson(long partnershipId, long actionId) {
        return assignedTo(actionId).flatMap(id -> people.byIds(partnershipId, Set.of(id)).stream().findFirst());
    }

    private Assignment current(long partnershipId, ActionView action) {
        return assignedPerson(partnershipId, action.id())
                .map(p -> new Assignment(action.id(), action.reference(), p.id(), p.displayName())).orElse(null);
    }

    private ActionView action(CanopyUser user, long actionId) {
        return plans.action(user.partnershipId(), actionId).orElseThrow(() -> new NotFound("The action")).action();
    }

    private static void requireAdministrator(CanopyUser user) {
        if (!user.isAdministrator()) {
            throw new AccessDeniedException("Only the partnership administrator assigns an action's updater");
        }
    }
}
