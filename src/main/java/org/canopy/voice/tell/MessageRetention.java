package org.canopy.voice.tell;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.canopy.partnership.RecordChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The nightly clearing of the tell us page's messages: a message not added to the feedback log is deleted
 * {@link MessageSettings#keepDays()} days after it came, since its words may hold a disclosure and Canopy keeps them
 * no longer than the partnership needs to read them. The audit history records how many were deleted, never what they
 * said; a message added to the log stays, its words read there like other feedback.
 */
@Component
class MessageRetention implements SchedulingConfigurer {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final MessageSettings settings;
    private final Clock clock;

    MessageRetention(JdbcClient jdbc, ApplicationEventPublisher events, TransactionTemplate transaction, MessageSettings settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.transaction = transaction;
        this.settings = settings;
        this.clock = clock;
    }

    /** Every night by default: {@link MessageSettings}. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addTriggerTask(this::nightly, new CronTrigger(settings.clearCheck(), ZoneId.of(settings.zone())));
    }

    void nightly() {
        for (long partnershipId : partnerships()) {
            clear(partnershipId);
        }
    }

    /** Deletes the partnership's messages older than the kept days and not in the feedback log; returns how many. */
    int clear(long partnershipId) {
        LocalDateTime before = LocalDateTime.now(clock).minusDays(settings.keepDays());
        Integer deleted = transaction.execute(status -> {
            // One statement: a second node running the same check at once finds nothing left to delete.
            int count = jdbc.sql("delete from public_message where partnership_id = ? and received_at < ?"
                    + " and feedback_id is null and status <> 'ADDED_TO_LOG'").params(partnershipId, before).update();
            if (count > 0) {
                events.publishEvent(new RecordChanged(partnershipId, "retention", "public message", "kept " + settings.keepDays()
                        + " days", "deleted", "Deleted " + count + (count == 1 ? " message" : " messages") + " from the tell us page "
                        + "received before " + before.toLocalDate() + " and not added to the feedback log", null,
                        Map.of("deleted", count, "keepDays", settings.keepDays())));
            }
            return count;
        });
        return deleted == null ? 0 : deleted;
    }

    private List<Long> partnerships() {
        return jdbc.sql("select distinct partnership_id from public_message").query(Long.class).list();
    }
}
