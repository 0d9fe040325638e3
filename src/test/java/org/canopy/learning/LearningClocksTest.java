package org.canopy.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.canopy.governance.Groups;
import org.canopy.support.CanopyDatabaseTest;
import org.canopy.support.Requests;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The statutory clocks on the demo: incidents recorded over the API, deadlines recomputed when a date changes,
 * overdue items on the deadlines page and in the calendar feed, identifiers refused, and who may do what.
 */
@CanopyDatabaseTest
class LearningClocksTest {

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

    /** Puts the demo back: only the report's local learning review remains. */
    @AfterEach
    void restoreDemo() {
        String mine = "(select id from serious_incident where created_by <> 'demo')";
        jdbc.sql("delete from local_review_method where incident_id in " + mine).update();
        jdbc.sql("delete from local_review where incident_id in " + mine).update();
        jdbc.sql("delete from rapid_review_agency where incident_id in " + mine).update();
        jdbc.sql("delete from rapid_review where incident_id in " + mine).update();
        jdbc.sql("delete from serious_incident where created_by <> 'demo'").update();
        jdbc.sql("delete from learning_calendar_feed").update();
        jdbc.sql("delete from group_member where user_id in (select id from canopy_user where username = 'panelchair')").update();
        jdbc.sql("delete from canopy_user where username = 'panelchair'").update();
    }

    long create(String user, String body) throws Exception {
        var response = mvc.perform(Requests.json(post("/api/v1/incidents"), body).with(Requests.user(user)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(response).get("id").asLong();
    }

    @Test
    void deadlinesAreWorkedOutFromTheDatesAndMoveWhenADateChanges() throws Exception {
        // Aware Fri 18 Dec 2020: + 5 working days skips Christmas Day and the Boxing Day substitute (Mon 28) = Tue 29 Dec.
        long id = create("coordinator", "{\"criteria\":[\"CHILD_DIED_OR_SERIOUSLY_HARMED\"],\"pseudonym\":\"Child R\",\"awareDate\":\"2020-12-18\",\"summary\":\"Serious injury at home\"}");
        mvc.perform(get("/api/v1/incidents/" + id).with(Requests.user("scrutineer"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.deadlines.panelNotificationDue").value("2020-12-29"))
                .andExpect(jsonPath("$.deadlines.rapidReviewDue").doesNotExist());
        // Notified Wed 30 Dec 2020 + 15 working days: Thu 31 Dec (1), Fri 1 Jan New Year's Day, Mon 4 to Fri 8 (2 to 6),
        // Mon 11 to Fri 15 (7 to 11), Mon 18 to Thu 21 Jan 2021 (12 to 15).
        mvc.perform(Requests.json(patch("/api/v1/incidents/" + id), "{\"notifiedDate\":\"2020-12-30\"}").with(Requests.user("coordinator")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.deadlines.rapidReviewDue").value("2021-01-21"))
                .andExpect(jsonPath("$.deadlines.panelNotificationDue").value("2020-12-29"));
        // The awareness date corrected to Mon 14 Dec: the notification deadline moves to Mon 21 Dec.
        mvc.perform(Requests.json(patch("/api/v1/incidents/" + id), "{\"awareDate\":\"2020-12-14\",\"version\":1}").with(Requests.user("coordinator")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.deadlines.panelNotificationDue").value("2020-12-21"));
        // A stale version is a conflict, and nothing changes.
        mvc.perform(Requests.json(patch("/api/v1/incidents/" + id), "{\"awareDate\":\"2020-12-01\",\"version\":1}").with(Requests.user("coordinator")))
                .andExpect(status().isConflict());
        assertThat(jdbc.sql("select aware_date from serious_incident where id = ?").param(id).query(LocalDate.class).single())
                .isEqualTo(LocalDate.of(2020, 12, 14));

        // A rapid review deciding on a local learning review; the review starts on 1 Feb 2021 and is due 6 months later.
        mvc.perform(post("/learning/incidents/" + id + "/rapid-review").with(Requests.signedIn(users, "coordinator")).with(csrf())
                        .param("version", "-1").with(Requests.date("panelDate", "2021-01-12")).param("decision", "LEARNING_REVIEW")
                        .param("decisionReasons", "Learning for how agencies shared information").with(Requests.date("sentToPanelDate", "2021-01-20")))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/learning/incidents/" + id + "/local-review").with(Requests.signedIn(users, "executive")).with(csrf())
                        .param("version", "-1").with(Requests.date("startDate", "2021-02-01")).param("methods", "PARTNER_AUTHORED_REPORT", "MULTI_AGENCY_AUDIT")
                        .param("author", "Senior safeguarding manager, health").param("authorConfirmed", "yes"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/incidents/" + id).with(Requests.user("executive"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.deadlines.reviewPublicationDue").value("2021-08-01"))
                .andExpect(jsonPath("$.deadlines.learningWorkshopDue").doesNotExist());
        assertThat(jdbc.sql("select author_confirmed_by from local_review where incident_id = ?").param(id).query(String.class).single())
                .isEqualTo("executive");
        // Published 20 Jul 2021: learning workshop scheduled 20 Aug, follow-up 20 Feb 2022; once held on 1 Sep, the follow-up moves to 1 Mar.
        mvc.perform(post("/learning/incidents/" + id + "/local-review").with(Requests.signedIn(users, "coordinator")).with(csrf())
                        .param("version", "0").with(Requests.date("startDate", "2021-02-01")).param("methods", "PARTNER_AUTHORED_REPORT")
                        .param("author", "Senior safeguarding manager, health").with(Requests.date("stage-PUBLISHED", "2021-07-20")))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/incidents/" + id).with(Requests.user("scrutineer")))
                .andExpect(jsonPath("$.deadlines.learningWorkshopDue").value("2021-08-20"))
                .andExpect(jsonPath("$.deadlines.followUpWorkshopDue").value("2022-02-20"));
        mvc.perform(post("/learning/incidents/" + id + "/local-review").with(Requests.signedIn(users, "coordinator")).with(csrf())
                        .param("version", "1").with(Requests.date("startDate", "2021-02-01")).param("methods", "PARTNER_AUTHORED_REPORT")
                        .param("author", "Senior safeguarding manager, health").with(Requests.date("stage-PUBLISHED", "2021-07-20"))
                        .with(Requests.date("stage-LEARNING_WORKSHOP", "2021-09-01")))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/incidents/" + id).with(Requests.user("scrutineer")))
                .andExpect(jsonPath("$.deadlines.followUpWorkshopDue").value("2022-03-01"));
        // Every change is in the history.
        assertThat(jdbc.sql("select count(*) from audit_event where record_type in ('serious-incident', 'rapid-review', 'local-review')"
                + " and record_id = ?").param(String.valueOf(id)).query(Integer.class).single()).isEqualTo(7);
    }

    @Test
    void anOverdueNotificationIsOnTheDeadlinesPageAndInTheCalendarFeed() throws Exception {
        create("coordinator", "{\"criteria\":[\"CHILD_DIED_OR_SERIOUSLY_HARMED\"],\"pseudonym\":\"Child Q, sibling\",\"awareDate\":\"2021-03-01\"}");
        mvc.perform(get("/learning/deadlines").with(Requests.signedIn(users, "scrutineer"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("8 March 2021")))
                .andExpect(content().string(Matchers.containsString("Child Q, sibling")))
                .andExpect(content().string(Matchers.containsString("Overdue")));
        var page = mvc.perform(post("/learning/calendar").with(Requests.signedIn(users, "scrutineer")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        String url = (String) page.getFlashMap().get("feedUrl");
        String path = url.substring(url.indexOf("/learning/calendar/"));
        String ics = mvc.perform(get(path)).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/calendar")).andReturn().getResponse().getContentAsString();
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n")
                .contains("DTSTART;VALUE=DATE:20210308\r\n").contains("SUMMARY:Notify the national panel: Child Q\\, sibling\r\n");
        // The token is stored hashed, and a new one replaces it.
        assertThat(jdbc.sql("select token_hash from learning_calendar_feed").query(String.class).single()).doesNotContain(path.substring(19, 30));
        mvc.perform(post("/learning/calendar").with(Requests.signedIn(users, "scrutineer")).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(get(path)).andExpect(status().isNotFound());
        mvc.perform(get("/learning/calendar/not-a-token.ics")).andExpect(status().isNotFound());
    }

    @Test
    void identifiersInThePseudonymOrSummaryAreRefused() throws Exception {
        mvc.perform(Requests.json(post("/api/v1/incidents"),
                        "{\"pseudonym\":\"Child 943 476 5919\",\"awareDate\":\"2021-03-01\",\"summary\":\"DOB 01/02/2015, found injured\"}")
                        .with(Requests.user("coordinator")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'pseudonym')].message", Matchers.hasItem(Matchers.containsString("NHS number"))))
                .andExpect(jsonPath("$.errors[?(@.field == 'summary')].message", Matchers.hasItem(Matchers.containsString("date of birth"))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("943 476 5919"))));
        mvc.perform(post("/learning/incidents").with(Requests.signedIn(users, "coordinator")).with(csrf())
                        .param("pseudonym", "Child A").with(Requests.date("awareDate", "2021-03-01")).param("summary", "DOB 01/02/2015")
                        .param("criteria", "ABUSE_OR_NEGLECT_SUSPECTED"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("There is a problem")))
                .andExpect(content().string(Matchers.containsString("looks like a date of birth")));
        assertThat(jdbc.sql("select count(*) from serious_incident where created_by <> 'demo'").query(Integer.class).single()).isZero();
    }

    @Test
    void onlyTheAdministratorAndRapidReviewPanelChairsEdit() throws Exception {
        String body = "{\"criteria\":[\"CHILD_DIED_OR_SERIOUSLY_HARMED\"],\"pseudonym\":\"Child T\",\"awareDate\":\"2021-03-01\"}";
        mvc.perform(Requests.json(post("/api/v1/incidents"), body)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/incidents")).andExpect(status().isUnauthorized());
        for (String user : new String[] {"viewer", "police", "executive", "scrutineer"}) {
            mvc.perform(Requests.json(post("/api/v1/incidents"), body).with(Requests.user(user))).andExpect(status().isForbidden());
        }
        long id = create("coordinator", body);
        mvc.perform(Requests.json(patch("/api/v1/incidents/" + id), "{\"notifiedDate\":\"2021-03-02\"}").with(Requests.user("viewer")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/learning/incidents/new").with(Requests.signedIn(users, "viewer"))).andExpect(status().isForbidden());
        mvc.perform(post("/learning/incidents/" + id + "/rapid-review").with(Requests.signedIn(users, "viewer")).with(csrf())
                .param("version", "-1")).andExpect(status().isForbidden());
        for (String user : new String[] {"executive", "scrutineer"}) {
            mvc.perform(get("/api/v1/incidents/" + id).with(Requests.user(user))).andExpect(status().isOk())
                    .andExpect(jsonPath("$.pseudonym").value("Child T"));
            mvc.perform(get("/learning/incidents/" + id).with(Requests.signedIn(users, user))).andExpect(status().isOk())
                    .andExpect(content().string(Matchers.not(Matchers.containsString("Save incident"))));
        }
        // A group chair edits only once a member of the Rapid Review Panel.
        jdbc.sql("""
                insert into canopy_user (partnership_id, username, display_name, password_hash, role)
                select partnership_id, 'panelchair', 'Panel chair', password_hash, 'GROUP_CHAIR' from canopy_user where username = 'viewer'""")
                .update();
        mvc.perform(Requests.json(patch("/api/v1/incidents/" + id), "{\"notifiedDate\":\"2021-03-02\"}").with(Requests.user("panelchair")))
                .andExpect(status().isForbidden());
        long partnership = jdbc.sql("select partnership_id from canopy_user where username = 'panelchair'").query(Long.class).single();
        long chair = jdbc.sql("select id from canopy_user where username = 'panelchair'").query(Long.class).single();
        groups.addMember(partnership, "test", groups.byName(partnership, "Rapid Review Panel").orElseThrow().id(), chair);
        mvc.perform(Requests.json(patch("/api/v1/incidents/" + id), "{\"notifiedDate\":\"2021-03-02\"}").with(Requests.user("panelchair")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.deadlines.rapidReviewDue").value("2021-03-23"));
    }

    @Test
    void theDemoHoldsTheReportsLocalLearningReviewWithoutInventedDates() throws Exception {
        mvc.perform(get("/api/v1/incidents").with(Requests.user("scrutineer"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].pseudonym").value("Local Learning Review 2020-21"))
                .andExpect(jsonPath("$[0].awareDate").value(Matchers.nullValue()))
                .andExpect(jsonPath("$[0].localReview.methods", Matchers.hasItem("MULTI_AGENCY_AUDIT")));
        long id = jdbc.sql("select id from serious_incident where created_by = 'demo'").query(Long.class).single();
        mvc.perform(get("/learning/incidents/" + id + "/local-review").with(Requests.signedIn(users, "scrutineer"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("A senior Safeguarding Manager in the Clinical Commissioning Group")))
                .andExpect(content().string(Matchers.containsString("Not recorded")));
    }

    @Test
    void aRefusedLocalReviewKeepsTheAuthorsConfirmationTicked() throws Exception {
        long demo = jdbc.sql("select id from serious_incident where created_by = 'demo'").query(Long.class).single();
        int version = jdbc.sql("select version from local_review where incident_id = ?").param(demo).query(Integer.class).single();
        // No method chosen: refused, and what was typed (the confirmation included) is shown again.
        mvc.perform(post("/learning/incidents/" + demo + "/local-review").with(Requests.signedIn(users, "coordinator")).with(csrf())
                        .param("version", String.valueOf(version)).param("author", "Head of safeguarding, health")
                        .param("authorConfirmed", "yes"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("There is a problem")))
                .andExpect(content().string(Matchers.matchesPattern("(?s).*id=\"authorConfirmed\"[^>]*checked.*")));
    }
}
