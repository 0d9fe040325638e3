package org.canopy.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
 * The incident pages: dates through the GOV.UK date input (refused input shown again with the error summary linking
 * to the day field), implausible dates refused on pages and the API, at least one criterion, the notification step
 * before the rapid review, and the history naming people rather than usernames.
 */
@CanopyDatabaseTest
class IncidentPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    UserDetailsService users;

    @AfterEach
    void restoreDemo() {
        String mine = "(select id from serious_incident where created_by <> 'demo')";
        jdbc.sql("delete from rapid_review where incident_id in " + mine).update();
        jdbc.sql("delete from serious_incident where created_by <> 'demo'").update();
    }

    @Test
    void aRefusedDateIsShownAgainAsTypedWithTheErrorSummaryLinkingToItsField() throws Exception {
        mvc.perform(post("/learning/incidents").with(Requests.signedIn(users, "coordinator")).with(csrf())
                        .param("pseudonym", "Child K").param("criteria", "LOOKED_AFTER_CHILD")
                        .param("awareDate-day", "31").param("awareDate-month", "2").param("awareDate-year", "2021")
                        .param("notifiedDate-day", "4").param("notifiedDate-month", "").param("notifiedDate-year", "2021"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("There is a problem")))
                .andExpect(content().string(Matchers.containsString(
                        "<a href=\"#awareDate-day\">The date the local authority became aware must be a real date</a>")))
                .andExpect(content().string(Matchers.containsString(
                        "<a href=\"#notifiedDate-month\">The date the national panel was notified must include a month</a>")))
                // Every field of the wrong date is marked and keeps what was typed; only the missing part of the other.
                .andExpect(content().string(Matchers.matchesPattern(
                        "(?s).*class=\"govuk-input govuk-date-input__input govuk-input--width-2 govuk-input--error\"\\s+id=\"awareDate-day\" name=\"awareDate-day\" type=\"text\" inputmode=\"numeric\" value=\"31\".*")))
                .andExpect(content().string(Matchers.matchesPattern(
                        "(?s).*govuk-input--width-4 govuk-input--error\"\\s+id=\"awareDate-year\"[^>]*value=\"2021\".*")))
                .andExpect(content().string(Matchers.matchesPattern(
                        "(?s).*govuk-input--width-2\"\\s+id=\"notifiedDate-day\"[^>]*value=\"4\".*")))
                .andExpect(content().string(Matchers.matchesPattern(
                        "(?s).*govuk-input--width-2 govuk-input--error\"\\s+id=\"notifiedDate-month\".*")))
                .andExpect(content().string(Matchers.containsString("id=\"awareDate-error\"")));
        assertThat(mine()).isZero();
    }

    @Test
    void implausibleDatesAreRefusedOnThePageAndTheApi() throws Exception {
        mvc.perform(post("/learning/incidents").with(Requests.signedIn(users, "coordinator")).with(csrf())
                        .param("pseudonym", "Child K").param("criteria", "LOOKED_AFTER_CHILD").with(Requests.date("awareDate", "1900-03-01")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("The date the local authority became aware must be on or after 1 January 2000")));
        mvc.perform(Requests.json(post("/api/v1/incidents"), """
                {"pseudonym": "Child K", "awareDate": "2021-03-10", "notifiedDate": "2021-03-09", "criteria": ["LOOKED_AFTER_CHILD"]}""")
                        .with(Requests.user("coordinator")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("notifiedDate"))
                .andExpect(jsonPath("$.errors[0].message").value(
                        "The date the national panel was notified must be on or after the date the local authority became aware"));
        mvc.perform(Requests.json(post("/api/v1/incidents"), """
                {"pseudonym": "Child K", "awareDate": "2999-03-10", "criteria": ["LOOKED_AFTER_CHILD"]}""")
                        .with(Requests.user("coordinator")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("The date the local authority became aware must be today or in the past"));
        assertThat(mine()).isZero();
    }

    @Test
    void anIncidentNeedsAtLeastOneCriterion() throws Exception {
        mvc.perform(post("/learning/incidents").with(Requests.signedIn(users, "coordinator")).with(csrf())
                        .param("pseudonym", "Child K").with(Requests.date("awareDate", "2021-03-01")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("<a href=\"#criteria\">Select at least one criterion the incident meets</a>")))
                .andExpect(content().string(Matchers.containsString("id=\"criteria\" name=\"criteria\"")));
        mvc.perform(Requests.json(post("/api/v1/incidents"), "{\"pseudonym\": \"Child K\", \"awareDate\": \"2021-03-01\", \"criteria\": []}")
                        .with(Requests.user("coordinator")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'criteria')].message").value("Select at least one criterion the incident meets"));
        assertThat(mine()).isZero();
    }

    @Test
    void theIncidentPageAsksForTheNotificationBeforeOfferingTheRapidReview() throws Exception {
        var created = mvc.perform(Requests.json(post("/api/v1/incidents"), """
                {"pseudonym": "Child N", "awareDate": "2021-03-31", "criteria": ["CHILD_DIED_OR_SERIOUSLY_HARMED"]}""")
                .with(Requests.user("coordinator"))).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = json.readTree(created).get("id").asLong();
        // Aware Wed 31 Mar 2021 + 5 working days, past Good Friday and Easter Monday = Fri 9 Apr.
        mvc.perform(get("/learning/incidents/" + id).with(Requests.signedIn(users, "coordinator"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Notify the national panel")))
                .andExpect(content().string(Matchers.containsString("Review Panel by 9 April 2021: 5 working days after it became aware")))
                .andExpect(content().string(Matchers.containsString("action=\"/learning/incidents/" + id + "/notification\"")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("/rapid-review"))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Record the rapid review"))));
        mvc.perform(get("/learning/incidents/" + id + "/rapid-review").with(Requests.signedIn(users, "coordinator")))
                .andExpect(redirectedUrl("/learning/incidents/" + id));
        mvc.perform(post("/learning/incidents/" + id + "/rapid-review").with(Requests.signedIn(users, "coordinator")).with(csrf())
                        .param("version", "-1").param("decision", "NO_REVIEW").param("decisionReasons", "Learning captured"))
                .andExpect(redirectedUrl("/learning/incidents/" + id))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("failure",
                        "Record the date the national panel was notified before the rapid review"));
        assertThat(jdbc.sql("select count(*) from rapid_review where incident_id = ?").param(id).query(Integer.class).single()).isZero();
        // A notification before awareness is refused on the step itself; a plausible one opens the rapid review.
        mvc.perform(post("/learning/incidents/" + id + "/notification").with(Requests.signedIn(users, "coordinator")).with(csrf())
                        .param("version", "0").with(Requests.date("notifiedDate", "2021-03-30")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("<a href=\"#notifiedDate-day\">The date the national panel was notified must be on or after")));
        mvc.perform(post("/learning/incidents/" + id + "/notification").with(Requests.signedIn(users, "coordinator")).with(csrf())
                        .param("version", "0").with(Requests.date("notifiedDate", "2021-04-06")))
                .andExpect(redirectedUrl("/learning/incidents/" + id));
        mvc.perform(get("/learning/incidents/" + id).with(Requests.signedIn(users, "coordinator")))
                .andExpect(content().string(Matchers.containsString("Record the rapid review")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("/notification\""))));
        mvc.perform(get("/learning/incidents/" + id + "/rapid-review").with(Requests.signedIn(users, "coordinator")))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("Due by 27 April 2021")))
                .andExpect(content().string(Matchers.containsString("id=\"panelDate-day\"")));
        // The history names the person, not the username.
        mvc.perform(get("/admin/audit/serious-incident/" + id).with(Requests.signedIn(users, "coordinator")))
                .andExpect(content().string(Matchers.containsString("<td class=\"govuk-table__cell\">" + displayName("coordinator") + "</td>")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("<td class=\"govuk-table__cell\">coordinator</td>"))));
    }

    String displayName(String username) {
        return jdbc.sql("select display_name from canopy_user where username = ?").param(username).query(String.class).single();
    }

    int mine() {
        return jdbc.sql("select count(*) from serious_incident where created_by <> 'demo'").query(Integer.class).single();
    }
}
