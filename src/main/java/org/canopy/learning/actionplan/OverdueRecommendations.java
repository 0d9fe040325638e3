package org.canopy.learning.actionplan;

import java.time.ZoneId;
import java.util.List;
import org.canopy.learning.RecommendationOverdue;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily check of the one action plan: each recommendation that has passed its due date unfinished is
 * announced ({@link RecommendationOverdue}) once for that due date; a new due date makes it announceable again.
 */
@Component
class OverdueRecommendations implements SchedulingConfigurer {

    private final ActionPlan plan;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final ReminderSettings settings;

    OverdueRecommendations(ActionPlan plan, JdbcClient jdbc, ApplicationEventPublisher events, TransactionTemplate transaction,
            ReminderSettings settings) {
        this.settings = settings;
        this.plan = plan;
        this.jdbc = jdbc;
        this.events = events;
        this.transaction = transaction;
    }

    /** Every morning by default: {@link ReminderSettings}. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addTriggerTask(this::daily, new CronTrigger(settings.overdueCheck(), ZoneId.of(settings.zone())));
    }

    void daily() {
        for (long partnershipId : partnerships()) {
            announce(partnershipId);
        }
    }

    /** Announces the partnership's recommendations that became overdue since the last check; returns how many. */
    int announce(long partnershipId) {
        Integer announced = transaction.execute(status -> {
            int count = 0;
            for (var r : plan.overdue(partnershipId)) {
                // The conditional update is the claim: a second node, or a second run, changes nothing and stays quiet.
                if (jdbc.sql("update learning_recommendation set overdue_announced_for = ? where id = ?"
                        + " and (overdue_announced_for is null or overdue_announced_for <> ?)")
                        .params(r.due(), r.id(), r.due()).update() == 1) {
                    events.publishEvent(new RecommendationOverdue(partnershipId, r.id(), r.due(), r.ownerAgencyId()));
                    count++;
                }
            }
            return count;
        });
        return announced == null ? 0 : announced;
    }

    private List<Long> partnerships() {
        return jdbc.sql("select distinct partnership_id from learning_recommendation").query(Long.class).list();
    }
}
