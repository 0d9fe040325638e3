package org.canopy.governance.meetings;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.canopy.governance.Groups;
import org.canopy.partnership.Outbox;
import org.canopy.partnership.People;
import org.canopy.partnership.PersonSummary;
import org.canopy.web.Dates;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds a group's members of its meeting a few days before ({@link MeetingSettings}), once per meeting date, through
 * the outbox. The message names the group, the date, the time and the place, and links to the agenda; it quotes none
 * of the agenda, whose items may speak of cases.
 */
@Component
class MeetingReminders implements SchedulingConfigurer {

    private final Meetings meetings;
    private final Groups groups;
    private final People people;
    private final Outbox outbox;
    private final Dates dates;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final MeetingSettings settings;

    MeetingReminders(Meetings meetings, Groups groups, People people, Outbox outbox, Dates dates, JdbcClient jdbc,
            TransactionTemplate transaction, MeetingSettings settings) {
        this.meetings = meetings;
        this.groups = groups;
        this.people = people;
        this.outbox = outbox;
        this.dates = dates;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.settings = settings;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addTriggerTask(this::daily, new CronTrigger(settings.reminderCheck(), ZoneId.of(settings.zone())));
    }

    void daily() {
        for (long partnershipId : jdbc.sql("select distinct partnership_id from meeting").query(Long.class).list()) {
            remind(partnershipId);
        }
    }

    /** Reminds the members of each meeting due within the days set and not yet reminded; returns how many meetings. */
    int remind(long partnershipId) {
        var today = meetings.today();
        Integer reminded = transaction.execute(status -> {
            int count = 0;
            var due = jdbc.sql("""
                    select id from meeting where partnership_id = ? and held = false and meeting_date between ? and ?
                    and (reminded_for is null or reminded_for <> meeting_date) order by meeting_date, id""")
                    .params(partnershipId, today, today.plusDays(settings.reminderDaysBefore())).query(Long.class).list();
            for (long id : due) {
                // The conditional update is the claim: a second node, or a second run, changes nothing and stays quiet.
                if (jdbc.sql("update meeting set reminded_for = meeting_date where id = ? and (reminded_for is null"
                        + " or reminded_for <> meeting_date)").param(id).update() == 1) {
                    send(partnershipId, meetings.meeting(partnershipId, id));
                    count++;
                }
            }
            return count;
        });
        return reminded == null ? 0 : reminded;
    }

    private void send(long partnershipId, Meetings.Meeting m) {
        var group = groups.byIds(partnershipId, List.of(m.groupId())).stream().findFirst().orElseThrow();
        var recipients = people.byIds(partnershipId, groups.memberIdsByGroup(List.of(m.groupId())).getOrDefault(m.groupId(), Set.of()))
                .stream().filter(PersonSummary::enabled).map(PersonSummary::id).toList();
        if (recipients.isEmpty()) {
            return;
        }
        String when = dates.date(m.meetingDate()) + (m.startsAt() == null ? "" : " at " + m.startsAt());
        outbox.send(partnershipId, "canopy", recipients, "Reminder: " + group.name() + " meets on " + when,
                group.name() + " meets on " + when + (m.place() == null ? "" : ", " + m.place()) + ". The agenda and its papers"
                        + " are in Canopy: /meetings/" + m.id() + " (the printable pack: /meetings/" + m.id() + "/pack).");
    }
}
