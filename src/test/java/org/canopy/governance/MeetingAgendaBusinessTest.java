package org.canopy.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.canopy.support.CanopyDatabaseTest;
import org.canopy.support.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * What another module brings to a group (here a stand-in for escalations) reaches the group's next agenda when it is
 * for the agenda, and stays off it when it is not; once the meeting is held its agenda keeps the entry as it read.
 */
@CanopyDatabaseTest
class MeetingAgendaBusinessTest {

    /** An escalation awaiting the executive, and a note for the executive's page only. */
    @TestConfiguration
    static class Escalations {
        @Bean
        GroupBusiness awaitingTheExecutive() {
            return (partnershipId, group, day) -> group.function() != GroupFunction.EXECUTIVE ? List.of() : List.of(
                    new BusinessEntry("ESCALATION", "Escalations", "Rising domestic abuse referrals (from the QA&P group)",
                            "Escalated for a decision", "/governance/escalations/1", "Awaiting the Executive", true, group.id()),
                    new BusinessEntry("NOTE", "Notes", "Only for the group's page", null, null, null, false, group.id()));
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    UserDetailsService users;

    @Autowired
    Groups groups;

    @AfterEach
    void restoreDemo() {
        for (String table : List.of("meeting_attendance", "meeting_agenda_item", "meeting")) {
            jdbc.sql("delete from " + table).update();
        }
    }

    @Test
    void anEntryForTheAgendaIsOnTheExecutivesNextAgendaAndKeptWhenTheMeetingIsHeld() throws Exception {
        long partnership = jdbc.sql("select partnership_id from canopy_user where username = 'viewer'").query(Long.class).single();
        long executive = groups.withFunction(partnership, GroupFunction.EXECUTIVE).orElseThrow().id();
        var body = mvc.perform(post("/api/v1/groups/" + executive + "/meetings").with(Requests.user("executive"))
                .contentType("application/json").content("{\"date\":\"" + LocalDate.now(java.time.ZoneOffset.UTC) + "\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        var meeting = json.readTree(body);
        assertThat(meeting.get("agenda").valueStream().map(i -> i.get("kind").asString() + ": " + i.get("title").asString()).toList())
                .containsExactly("ESCALATION: Rising domestic abuse referrals (from the QA&P group)");
        long id = meeting.get("id").asLong();
        String page = new String(mvc.perform(get("/meetings/" + id).with(Requests.signedIn(users, "viewer"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(page).contains("Rising domestic abuse referrals (from the QA&amp;P group)").contains("Awaiting the Executive")
                .doesNotContain("Only for the group&#39;s page");

        long executiveMember = jdbc.sql("select id from canopy_user where username = 'executive'").query(Long.class).single();
        mvc.perform(post("/meetings/" + id + "/attendance").with(Requests.signedIn(users, "executive")).with(csrf())
                .param("version", "0").param("attendance-" + executiveMember, "PRESENT")).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select title from meeting_agenda_item where meeting_id = ? and kept = true").param(id)
                .query(String.class).list()).containsExactly("Rising domestic abuse referrals (from the QA&P group)");
    }
}
