package org.canopy.governance.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.canopy.governance.GroupFunction;
import org.canopy.governance.Groups;
import org.canopy.support.CanopyDatabaseTest;
import org.canopy.support.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person's calendar feed holds the meetings of their own groups only (iCalendar, over the API's credentials), and a
 * group's members are reminded of a coming meeting once, however often the check runs.
 */
@CanopyDatabaseTest
class MeetingCalendarAndRemindersTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    Groups groups;

    @Autowired
    MeetingReminders reminders;

    @Autowired
    List<org.canopy.governance.GroupBusiness> business;

    LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @AfterEach
    void restoreDemo() {
        jdbc.sql("delete from outbox_message where subject like 'Reminder: %'").update();
        jdbc.sql("delete from meeting").update();
    }

    @Test
    void theCalendarFeedHoldsTheMeetingsOfMyGroupsOnly() throws Exception {
        long partnership = partnership();
        long qa = groups.withFunction(partnership, GroupFunction.QUALITY_ASSURANCE).orElseThrow().id();
        long executive = groups.withFunction(partnership, GroupFunction.EXECUTIVE).orElseThrow().id();
        schedule("coordinator", qa, today.plusDays(5), "{\"startTime\":\"10:30\",\"place\":\"Town Hall, Room 1\"}");
        schedule("coordinator", executive, today.plusDays(6), "{}");
        var ics = mvc.perform(get("/api/v1/meetings/calendar.ics").with(Requests.user("chair"))).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/calendar;charset=UTF-8")).andReturn().getResponse().getContentAsString();
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").endsWith("END:VCALENDAR\r\n")
                .contains("SUMMARY:Quality Assurance and Performance Group meeting").contains("LOCATION:Town Hall\\, Room 1")
                .doesNotContain("Executive Group meeting");
        assertThat(ics.lines().filter(l -> l.startsWith("DTSTART:")).findFirst().orElseThrow()).endsWith("Z");
        assertThat(ics.lines().allMatch(l -> l.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 75)).isTrue();
        mvc.perform(get("/api/v1/meetings/calendar.ics")).andExpect(status().isUnauthorized());
        var executives = mvc.perform(get("/api/v1/meetings/calendar.ics").with(Requests.user("executive")))
                .andReturn().getResponse().getContentAsString();
        assertThat(executives).contains("SUMMARY:Executive Group meeting").contains("DTSTART;VALUE=DATE:");
    }

    @Test
    void membersAreRemindedOfAComingMeetingOnce() throws Exception {
        long partnership = partnership();
        long qa = groups.withFunction(partnership, GroupFunction.QUALITY_ASSURANCE).orElseThrow().id();
        schedule("chair", qa, today.plusDays(2), "{\"place\":\"Online\"}");
        schedule("chair", qa, today.plusDays(30), "{}");
        assertThat(reminders.remind(partnership)).isEqualTo(1);
        assertThat(reminders.remind(partnership)).isZero();
        List<String> sent = jdbc.sql("""
                select u.username from outbox_message m join canopy_user u on u.id = m.recipient_id
                where m.subject like 'Reminder: Quality Assurance and Performance Group meets on %'""").query(String.class).list();
        assertThat(sent).containsExactly("chair");
    }

    @Test
    void aGroupsPageHearsOfItsNextMeetingWhichIsNotAnAgendaItem() throws Exception {
        long partnership = partnership();
        var qa = groups.withFunction(partnership, GroupFunction.QUALITY_ASSURANCE).orElseThrow();
        assertThat(entries(partnership, qa)).containsExactly("Meetings: No meeting scheduled -> /groups/" + qa.id() + "/meetings");
        schedule("chair", qa.id(), today.plusDays(9), "{\"startTime\":\"09:30\",\"place\":\"Online\"}");
        long id = jdbc.sql("select id from meeting").query(Long.class).single();
        assertThat(entries(partnership, qa)).containsExactly("Meetings: Next meeting: " + new org.canopy.web.Dates().date(today.plusDays(9))
                + " at 09:30, Online -> /meetings/" + id);
    }

    List<String> entries(long partnership, org.canopy.governance.GroupSummary group) {
        return business.stream().flatMap(b -> b.businessOf(partnership, group, today).stream())
                .peek(e -> assertThat(e.forAgenda()).isFalse()).map(e -> e.section() + ": " + e.title() + " -> " + e.href()).toList();
    }

    void schedule(String user, long group, LocalDate date, String more) throws Exception {
        String body = more.equals("{}") ? "{\"date\":\"" + date + "\"}" : "{\"date\":\"" + date + "\"," + more.substring(1);
        mvc.perform(post("/api/v1/groups/" + group + "/meetings").with(Requests.user(user)).contentType("application/json").content(body))
                .andExpect(status().isCreated());
    }

    long partnership() {
        return jdbc.sql("select partnership_id from canopy_user where username = 'viewer'").query(Long.class).single();
    }
}
