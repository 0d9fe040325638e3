package org.canopy.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.canopy.support.Requests.signedIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
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

/** Audits on the demo: the report's multi-agency audit without invented dates, its follow-up session, single-agency audits. */
@CanopyDatabaseTest
class AuditsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @AfterEach
    void restore() {
        LearningFixture.restoreDemo(jdbc);
    }

    @Test
    void theMultiAgencyAuditsFollowUpIsSixMonthsAfterTheWorkshopAndMovesWithIt() throws Exception {
        long audit = LearningFixture.demoAudit(jdbc);
        mvc.perform(get("/learning/audits/" + audit).with(signedIn(users, "viewer"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Six months after the workshop, once its date is entered")));
        save(audit, "2021-03-10", 0);
        mvc.perform(get("/learning/audits/" + audit).with(signedIn(users, "viewer")))
                .andExpect(content().string(Matchers.containsString("Due 10 September 2021")));
        save(audit, "2021-05-20", 1);
        mvc.perform(get("/learning/audits/" + audit).with(signedIn(users, "viewer")))
                .andExpect(content().string(Matchers.containsString("Due 20 November 2021")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("10 September 2021"))));
        // A stale version is refused, not written over.
        mvc.perform(post("/learning/audits/" + audit).with(signedIn(users, "coordinator")).with(csrf())
                        .param("kind", "MULTI_AGENCY").param("title", "Workshop").with(Requests.date("workshopOn", "2021-01-01")).param("version", "0"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("Someone else changed this audit")));
    }

    @Test
    void aSingleAgencyAuditNeedsItsAgencyRefusesIdentifiersAndOnlyTheGroupRecordsIt() throws Exception {
        mvc.perform(post("/learning/audits").with(signedIn(users, "coordinator")).with(csrf())
                        .param("kind", "SINGLE_AGENCY").param("title", "Police referrals audit").param("findings", "See NHS 943 476 5919"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Choose the agency whose audit it is")))
                .andExpect(content().string(Matchers.containsString("The findings contains what looks like an NHS number")));
        mvc.perform(post("/learning/audits").with(signedIn(users, "viewer")).with(csrf())
                .param("kind", "SINGLE_AGENCY").param("title", "Police referrals audit")).andExpect(status().isForbidden());
        mvc.perform(post("/learning/audits").with(signedIn(users, "coordinator")).with(csrf())
                        .param("kind", "SINGLE_AGENCY").param("title", "Police referrals audit")
                        .param("agency", String.valueOf(LearningFixture.agency(jdbc, "Metropolitan Police")))
                        .with(Requests.date("reviewedOn", "2021-02-15")).param("findings", "Referrals were timely."))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/learning/audits").with(signedIn(users, "viewer")))
                .andExpect(content().string(Matchers.stringContainsInOrder("Police referrals audit", "Single-agency audit, Metropolitan Police",
                        "15 February 2021", "Not applicable")));
        assertThat(jdbc.sql("select count(*) from learning_audit").query(Integer.class).single()).isEqualTo(2);
    }

    void save(long audit, String workshop, int version) throws Exception {
        mvc.perform(post("/learning/audits/" + audit).with(signedIn(users, "coordinator")).with(csrf())
                        .param("kind", "MULTI_AGENCY").param("title", "Multi-agency audit workshop").with(Requests.date("workshopOn", workshop))
                        .param("version", String.valueOf(version)))
                .andExpect(status().is3xxRedirection());
    }
}
