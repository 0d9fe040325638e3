package org.canopy.plan.crosscutting;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.RecordChanged;
import org.canopy.plan.plans.PlanViews.CrossCuttingView;
import org.canopy.plan.plans.PlanViews.Tag;
import org.canopy.plan.updates.ActionUpdates;
import org.canopy.web.InvalidInput;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The partnership's own tagging of actions with the plan's cross-cutting priorities, made in Canopy by the
 * administrator and kept apart from any tags the plan's file states, which stay as loaded.
 */
@Service
public class CrossCuttingTags {

    private final JdbcClient jdbc;
    private final ActionUpdates updates;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CrossCuttingTags(JdbcClient jdbc, ActionUpdates updates, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.updates = updates;
        this.events = events;
        this.clock = clock;
    }

    /** Sets the partnership's tags on an action to exactly {@code chosen}; returns whether anything changed. */
    @Transactional
    public boolean retag(CanopyUser admin, long actionId, Collection<Long> chosen) {
        if (!admin.isAdministrator()) {
            throw new AccessDeniedException("Only the partnership administrator tags actions with cross-cutting priorities");
        }
        var context = updates.action(admin, actionId);
        var known = context.plan().crossCuttingPriorities().stream().map(CrossCuttingView::id).toList();
        if (!known.containsAll(chosen)) {
            throw new InvalidInput("crossCutting", "Choose among this plan's cross-cutting priorities");
        }
        var tags = context.action().tags();
        var planOwn = tags.stream().filter(t -> !t.partnershipsOwn()).map(Tag::crossCuttingId).toList();
        Set<Long> before = new HashSet<>(tags.stream().filter(Tag::partnershipsOwn).map(Tag::crossCuttingId).toList());
        // A tag the plan itself states is not the partnership's to add again or to take away.
        Set<Long> after = new HashSet<>(chosen);
        after.removeAll(planOwn);
        if (after.equals(before)) {
            return false;
        }
        var now = LocalDateTime.now(clock);
        for (long removed : before.stream().filter(id -> !after.contains(id)).toList()) {
            jdbc.sql("delete from plan_action_cross_cutting where action_id = ? and cross_cutting_priority_id = ?"
                    + " and tagged_by is not null").params(actionId, removed).update();
        }
        for (long added : after.stream().filter(id -> !before.contains(id)).toList()) {
            jdbc.sql("""
                    insert into plan_action_cross_cutting (action_id, cross_cutting_priority_id, tagged_by, tagged_at)
                    values (?, ?, ?, ?)""").params(actionId, added, admin.getUsername(), now).update();
        }
        var reference = context.action().reference();
        events.publishEvent(RecordChanged.by(admin, "action-cross-cutting", actionId, "tagged",
                "Tagged action " + reference + " with the partnership's cross-cutting priorities: "
                        + (after.isEmpty() ? "none" : String.join("; ", titles(context.plan().crossCuttingPriorities(), after))),
                Map.of("action", reference, "partnershipTags", titles(context.plan().crossCuttingPriorities(), before)),
                Map.of("action", reference, "partnershipTags", titles(context.plan().crossCuttingPriorities(), after))));
        return true;
    }

    private static List<String> titles(List<CrossCuttingView> all, Set<Long> ids) {
        return all.stream().filter(c -> ids.contains(c.id())).map(CrossCuttingView::title).toList();
    }
}
