package org.canopy.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.canopy.support.CanopyDatabaseTest;
import org.canopy.support.Requests;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The data journey on the demo: the police submit the 2021-22-Q1 round's figures by page and by API,
 * the quality assurance group returns and then accepts them, late agencies are reminded, and an
 * indicator is escalated to the executive, who decides.
 */
@CanopyDatabaseTest
class DataRoundsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    long round;
    long police;
    long health;

    @BeforeEach
    void demo() {
        round = jdbc.sql("select id from data_round where period = '2021-22-Q1'").query(Long.class).single();
        police = agency("Metropolitan Police");
        health = agency("Tower Hamlets Clinical Commissioning Group");
    }

    long agency(String name) {
        return jdbc.sql("select id from agency where name = ?").param(name).query(Long.class).single();
    }

    /** Puts the demo back: the round open and not yet due, nothing submitted, reminded or escalated. */
    @AfterEach
    void restoreDemo() {
        jdbc.sql("delete from data_submission_value").update();
        jdbc.sql("delete from data_submission").update();
        jdbc.sql("delete from data_reminder").update();
        jdbc.sql("delete from outbox_message").update();
        jdbc.sql("delete from escalation_event").update();
        jdbc.sql("delete from escalation").update();
        jdbc.sql("delete from executive_escalation_step").update();
        jdbc.sql("delete from executive_escalation").update();
        jdbc.sql("delete from observation where period = '2021-22-Q1'").update();
        jdbc.sql("update data_round set due_date = ?, closed_at = null where id = ?").params(LocalDate.now().plusDays(14), round).update();
    }

    String page() {
        return "/data/rounds/" + round + "/agencies/" + police;
    }

    String api() {
        return "/api/v1/data-rounds/" + round + "/submission";
    }

    int storedFigures() {
        return jdbc.sql("select count(*) from data_submission_value").query(Integer.class).single();
    }

    @Test
    void aContributorMakesAMistakeOnThePageThenSubmits() throws Exception {
        mvc.perform(get("/data/rounds").with(Requests.signedIn(users, "police"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Due from Metropolitan Police")))
                .andExpect(content().string(Matchers.containsString("2021-22-Q1 figures")));
        // A count with decimals, an NHS number (943 476 5919 has a valid check digit) in a narrative, no overall narrative.
        mvc.perform(post(page()).with(Requests.signedIn(users, "police")).with(csrf()).param("version", "-1").param("action", "submit")
                        .param("DOMESTIC_ABUSE_CASES-value", "81.5").param("DOMESTIC_ABUSE_CASES-narrative", "Rise since April")
                        .param("YOUTH_VIOLENCE_INCIDENTS-value", "40").param("YOUTH_VIOLENCE_INCIDENTS-narrative", "Case 943 476 5919 included"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("There is a problem")))
                .andExpect(content().string(Matchers.containsString("A count must be a whole number")))
                .andExpect(content().string(Matchers.containsString("looks like an NHS number (characters 6 to 17)")))
                .andExpect(content().string(Matchers.containsString("Enter an overall narrative")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("943 476 5919</"))));
        assertThat(storedFigures()).isZero();
        assertThat(jdbc.sql("select count(*) from data_submission").query(Integer.class).single()).isZero();

        mvc.perform(post(page()).with(Requests.signedIn(users, "police")).with(csrf()).param("version", "-1").param("action", "draft")
                        .param("DOMESTIC_ABUSE_CASES-value", "815"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(page()));
        mvc.perform(post(page()).with(Requests.signedIn(users, "police")).with(csrf()).param("version", "0").param("action", "submit")
                        .param("DOMESTIC_ABUSE_CASES-value", "815").param("DOMESTIC_ABUSE_CASES-narrative", "Rise since April")
                        .param("YOUTH_VIOLENCE_INCIDENTS-value", "40").param("YOUTH_VIOLENCE_INCIDENTS-narrative", "Steady")
                        .param("overallNarrative", "Domestic abuse rose as lockdown eased."))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(api()).with(Requests.user("police"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUBMITTED")).andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.figures[0].indicator").value("DOMESTIC_ABUSE_CASES"))
                .andExpect(jsonPath("$.figures[0].value").value(815));
        // Submitted figures are locked until the quality assurance group returns them.
        mvc.perform(Requests.json(put(api()), "{\"figures\":[{\"indicator\":\"DOMESTIC_ABUSE_CASES\",\"value\":\"1\"}]}")
                .with(Requests.user("police"))).andExpect(status().isConflict());
    }

    @Test
    void theApiSubmitsTheQualityAssuranceGroupReturnsThenAccepts() throws Exception {
        mvc.perform(get("/api/v1/data-rounds").with(Requests.user("police"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].period").value("2021-22-Q1")).andExpect(jsonPath("$[0].open").value(true));
        mvc.perform(Requests.json(put(api()), """
                {"figures": [{"indicator": "DOMESTIC_ABUSE_CASES", "value": "812", "narrative": "Up on the last quarter"},
                             {"indicator": "YOUTH_VIOLENCE_INCIDENTS", "value": "37", "narrative": "Similar to last year"}],
                 "overallNarrative": "First quarter of 2021-22.", "submit": true}""").with(Requests.user("police")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SUBMITTED"));
        String review = page() + "/review";
        // Returning needs a comment; a contributor cannot review.
        mvc.perform(post(review).with(Requests.signedIn(users, "coordinator")).with(csrf()).param("decision", "return").param("version", "0"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("Say what needs to change")));
        mvc.perform(post(review).with(Requests.signedIn(users, "police")).with(csrf()).param("decision", "accept").param("version", "0"))
                .andExpect(status().isForbidden());
        mvc.perform(post(review).with(Requests.signedIn(users, "coordinator")).with(csrf()).param("decision", "return")
                .param("comment", "Split youth violence by victims and perpetrators in the narrative.").param("version", "0"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(api()).with(Requests.user("police"))).andExpect(jsonPath("$.status").value("RETURNED"))
                .andExpect(jsonPath("$.reviewComment").value("Split youth violence by victims and perpetrators in the narrative."));
        // A stale version is told, never silently overwritten.
        mvc.perform(Requests.json(put(api()), "{\"submit\": true, \"version\": 0}").with(Requests.user("police")))
                .andExpect(status().isConflict());
        mvc.perform(Requests.json(put(api()), """
                {"figures": [{"indicator": "YOUTH_VIOLENCE_INCIDENTS", "value": "37", "narrative": "21 victims, 16 perpetrators"}],
                 "submit": true, "version": 1}""").with(Requests.user("police")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SUBMITTED"));
        mvc.perform(post(review).with(Requests.signedIn(users, "coordinator")).with(csrf()).param("decision", "accept").param("version", "2"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/indicators/YOUTH_VIOLENCE_INCIDENTS/series").with(Requests.user("viewer")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].period").value("2021-22-Q1"))
                .andExpect(jsonPath("$[0].value").value(37)).andExpect(jsonPath("$[0].narrative").value("21 victims, 16 perpetrators"));
        assertThat(jdbc.sql("select count(*) from audit_event where record_type = 'data-submission'").query(Integer.class).single())
                .isGreaterThanOrEqualTo(4);
    }

    @Test
    void onlyTheAgencysContributorsAndTheAdministratorSubmit() throws Exception {
        String body = "{\"figures\": [], \"overallNarrative\": \"x\"}";
        mvc.perform(Requests.json(put(api() + "?agency=" + health), body).with(Requests.user("police"))).andExpect(status().isForbidden());
        mvc.perform(Requests.json(put(api() + "?agency=" + police), body).with(Requests.user("viewer"))).andExpect(status().isForbidden());
        mvc.perform(Requests.json(put(api() + "?agency=" + police), body).with(Requests.user("executive"))).andExpect(status().isForbidden());
        mvc.perform(Requests.json(put(api() + "?agency=" + police), body)).andExpect(status().isUnauthorized());
        mvc.perform(post("/data/rounds/" + round + "/agencies/" + health).with(Requests.signedIn(users, "police")).with(csrf())
                .param("version", "-1").param("action", "draft")).andExpect(status().isForbidden());
        mvc.perform(post("/data/rounds").with(Requests.signedIn(users, "police")).with(csrf()).param("period", "2021-22")
                .with(Requests.date("dueDate", "2022-05-31"))).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from data_submission").query(Integer.class).single()).isZero();
    }

    @Test
    void lateAgenciesAreListedAndTheirContributorsReminded() throws Exception {
        jdbc.sql("update data_round set due_date = ? where id = ?").params(LocalDate.now().minusDays(1), round).update();
        mvc.perform(get("/data/rounds/" + round).with(Requests.signedIn(users, "coordinator"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Late submissions")))
                .andExpect(content().string(Matchers.containsString("0 of 2 agencies have submitted; 0 accepted.")))
                .andExpect(content().string(Matchers.containsString("Metropolitan Police (not started)")));
        mvc.perform(post("/data/rounds/" + round + "/reminders").with(Requests.signedIn(users, "police")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/data/rounds/" + round + "/reminders").with(Requests.signedIn(users, "coordinator")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("""
                select u.username from outbox_message m join canopy_user u on u.id = m.recipient_id order by u.username""")
                .query(String.class).list()).contains("police", "council").doesNotContain("health");
        mvc.perform(get("/admin/outbox").with(Requests.signedIn(users, "coordinator"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Figures for 2021-22-Q1 are overdue: Metropolitan Police")));
        mvc.perform(get("/admin/outbox").with(Requests.signedIn(users, "police"))).andExpect(status().isForbidden());
    }

    @Test
    void theQualityAssuranceGroupEscalatesAndTheExecutiveDecides() throws Exception {
        String raise = "/dashboard/indicators/CP_COUNT/escalations";
        mvc.perform(post(raise).with(Requests.signedIn(users, "police")).with(csrf()).param("period", "2020-21").param("reason", "x"))
                .andExpect(status().isForbidden());
        mvc.perform(post(raise).with(Requests.signedIn(users, "coordinator")).with(csrf()).param("period", "2020-21").param("reason", " "))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("Enter the reason")));
        mvc.perform(post(raise).with(Requests.signedIn(users, "coordinator")).with(csrf()).param("period", "2020-21")
                        .param("reason", "Plans rose while neglect stays at 77 per cent."))
                .andExpect(status().is3xxRedirection());
        long id = jdbc.sql("select id from escalation").query(Long.class).single();
        mvc.perform(get("/data/escalations").with(Requests.signedIn(users, "executive"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Plans rose while neglect stays at 77 per cent.")));
        String decide = "/data/escalations/" + id + "/decision";
        mvc.perform(post(decide).with(Requests.signedIn(users, "viewer")).with(csrf()).param("decision", "x").param("version", "0"))
                .andExpect(status().isForbidden());
        mvc.perform(post(decide).with(Requests.signedIn(users, "executive")).with(csrf()).param("decision", "Commission a neglect audit.")
                .param("actions", "QA&P to report in the next quarter.").param("version", "0")).andExpect(status().is3xxRedirection());
        mvc.perform(post(decide).with(Requests.signedIn(users, "executive")).with(csrf()).param("decision", "Again").param("version", "1"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("already has a decision")));
        mvc.perform(post("/data/escalations/" + id + "/close").with(Requests.signedIn(users, "coordinator")).with(csrf())
                .param("note", "Audit done.").param("version", "1")).andExpect(status().is3xxRedirection());
        // Governance keeps the figure's escalation, its decision and each step of its history.
        assertThat(jdbc.sql("""
                select s.status from executive_escalation_step s join escalation e on e.governance_escalation_id = s.escalation_id
                where e.id = ? order by s.id""").param(id).query(String.class).list()).containsExactly("OPEN", "DECIDED", "CLOSED");
        mvc.perform(get("/data/escalations/" + id).with(Requests.signedIn(users, "scrutineer"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Commission a neglect audit.")));
    }
}
