package org.canopy.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.canopy.support.CanopyDatabaseTest;
import org.canopy.support.Requests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.junit.jupiter.api.AfterEach;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** Updates: bad input refused with a clear message and nothing stored; conflicts told; the roll-up follows. */
@CanopyDatabaseTest
class ActionUpdateTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    long action;

    @BeforeEach
    void demo() throws Exception {
        action = Requests.actionId(mvc, json, 9, 1);
    }

    /** Puts the demo back as it was: no updates, the 2018-19-Q3 round closed and 2018-19-Q4 open. */
    @AfterEach
    void restoreDemo() {
        jdbc.sql("delete from action_update").update();
        jdbc.sql("delete from update_round where period not in ('2018-19-Q3', '2018-19-Q4')").update();
        jdbc.sql("update update_round set closed_at = null, closed_by = null where period = '2018-19-Q4'").update();
    }

    String url() {
        return "/api/v1/actions/" + action + "/updates";
    }

    @Test
    void anUpdateIsStoredAndChangesTheRollUp() throws Exception {
        assertThat(priorityRag(9)).isNull();
        mvc.perform(Requests.json(post(url()), body("2018-19-Q4", "AMBER", "Asthma pathway review delayed by staffing."))
                .with(Requests.user("health"))).andExpect(status().isCreated())
                .andExpect(jsonPath("$.rag").value("AMBER")).andExpect(jsonPath("$.period").value("2018-19-Q4"))
                .andExpect(jsonPath("$.version").value(0));
        assertThat(priorityRag(9)).isEqualTo("AMBER");
        var plan = Requests.plan(mvc, json, "viewer");
        assertThat(plan.get("sections").get(1).get("rag").asString()).isEqualTo("AMBER");
        assertThat(plan.get("rag").asString()).isEqualTo("AMBER");
        mvc.perform(get(url()).with(Requests.user("viewer"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].narrative").value("Asthma pathway review delayed by staffing."))
                .andExpect(jsonPath("$[0].author").value("health"));
    }

    @Test
    void aNarrativeThatIdentifiesAChildIsRefused() throws Exception {
        // E1 6AN is a Tower Hamlets postcode; the message names the kind and place, never the postcode itself.
        mvc.perform(Requests.json(post(url()), body("2018-19-Q4", "GREEN", "Seen at home in E1 6AN by the health visitor."))
                        .with(Requests.user("health")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("narrative"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("looks like a postcode (characters 17 to 22)"),
                        org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("E1 6AN")))));
        assertNothingStored();
    }

    @Test
    void anEmptyNarrativeIsRefused() throws Exception {
        mvc.perform(Requests.json(post(url()), body("2018-19-Q4", "GREEN", "   ")).with(Requests.user("health")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("narrative"))
                .andExpect(jsonPath("$.errors[0].message").value("Enter a narrative: what has happened on this action this quarter"));
        assertNothingStored();
    }

    @Test
    void anUnknownRagIsRefused() throws Exception {
        mvc.perform(Requests.json(post(url()), body("2018-19-Q4", "PURPLE", "Fine")).with(Requests.user("health")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("rag"))
                .andExpect(jsonPath("$.errors[0].message").value("'PURPLE' is not a status: use GREEN, AMBER, RED or COMPLETE"));
        mvc.perform(Requests.json(post(url()), "{\"period\":\"2018-19-Q4\",\"narrative\":\"Fine\"}").with(Requests.user("health")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("rag"));
        assertNothingStored();
    }

    @Test
    void aClosedRoundAndAnUnknownPeriodAreRefused() throws Exception {
        mvc.perform(Requests.json(post(url()), body("2018-19-Q3", "GREEN", "Fine")).with(Requests.user("health")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("period"))
                .andExpect(jsonPath("$.errors[0].message").value("The 2018-19-Q3 round is closed and takes no more updates"));
        mvc.perform(Requests.json(post(url()), body("2030-31-Q1", "GREEN", "Fine")).with(Requests.user("health")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("There is no update round for 2030-31-Q1 in this plan"));
        assertNothingStored();
    }

    @Test
    void aSecondUpdateForThePeriodIsAConflictAndPutNeedsTheVersionRead() throws Exception {
        mvc.perform(Requests.json(post(url()), body("2018-19-Q4", "GREEN", "First")).with(Requests.user("health")))
                .andExpect(status().isCreated());
        mvc.perform(Requests.json(post(url()), body("2018-19-Q4", "RED", "Second")).with(Requests.user("coordinator")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.status").value(409));
        mvc.perform(Requests.json(put(url() + "/2018-19-Q4"), "{\"rag\":\"RED\",\"narrative\":\"Replaced\",\"version\":0}")
                .with(Requests.user("coordinator"))).andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.flagged").value(true));
        // A writer who read version 0 is told, not silently overwriting the coordinator's change.
        mvc.perform(Requests.json(put(url() + "/2018-19-Q4"), "{\"rag\":\"GREEN\",\"narrative\":\"Stale\",\"version\":0}")
                .with(Requests.user("health"))).andExpect(status().isConflict());
        assertThat(jdbc.sql("select narrative from action_update where action_id = ?").param(action).query(String.class)
                .single()).isEqualTo("Replaced");
    }

    @Test
    void aRedUpdateWithoutACorrectiveStepIsFlagged() throws Exception {
        mvc.perform(Requests.json(post(url()), body("2018-19-Q4", "RED", "Stalled")).with(Requests.user("health")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.flagged").value(true));
        long other = Requests.actionId(mvc, json, 9, 2);
        mvc.perform(Requests.json(post("/api/v1/actions/" + other + "/updates"),
                "{\"period\":\"2018-19-Q4\",\"rag\":\"RED\",\"narrative\":\"Stalled\",\"correctiveStep\":\"Recruit a lead\"}")
                .with(Requests.user("health"))).andExpect(status().isCreated()).andExpect(jsonPath("$.flagged").value(false));
        long planId = Requests.demoPlanId(mvc, json);
        var rounds = mvc.perform(get("/plans/" + planId + "/rounds").with(Requests.signedIn(users, "coordinator")))
                .andReturn().getResponse().getContentAsString();
        assertThat(rounds).contains("Red updates without a corrective step").contains("Action 9.1").doesNotContain("Action 9.2");
    }

    @Test
    void thePageRefusesAMistakeAndKeepsTheText() throws Exception {
        var page = mvc.perform(post("/actions/" + action + "/updates").with(csrf()).with(Requests.signedIn(users, "health"))
                .param("period", "2018-19-Q4").param("narrative", "My careful words"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("There is a problem").contains("Select a status: green, amber, red or complete")
                .contains("My careful words");
        assertNothingStored();
        mvc.perform(post("/actions/" + action + "/updates").with(csrf()).with(Requests.signedIn(users, "health"))
                .param("period", "2018-19-Q4").param("rag", "GREEN").param("narrative", "My careful words"))
                .andExpect(status().is3xxRedirection());
        assertThat(priorityRag(9)).isEqualTo("GREEN");
    }

    @Test
    void aConcurrentPageEditIsToldAndKeepsTheSecondWritersText() throws Exception {
        // Two people open the empty form; the first saves; the second's save is refused, their text kept.
        mvc.perform(post("/actions/" + action + "/updates").with(csrf()).with(Requests.signedIn(users, "health"))
                .param("period", "2018-19-Q4").param("rag", "GREEN").param("narrative", "First writer"))
                .andExpect(status().is3xxRedirection());
        var page = mvc.perform(post("/actions/" + action + "/updates").with(csrf()).with(Requests.signedIn(users, "coordinator"))
                .param("period", "2018-19-Q4").param("rag", "AMBER").param("narrative", "Second writer's words"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Someone else saved an update for 2018-19-Q4").contains("Second writer&#39;s words")
                .contains("First writer").contains("name=\"version\" value=\"0\"");
        assertThat(jdbc.sql("select narrative from action_update where action_id = ?").param(action).query(String.class)
                .single()).isEqualTo("First writer");
    }

    @Test
    void aClosedRoundTakesNoMoreUpdatesAfterTheAdministratorClosesIt() throws Exception {
        long planId = Requests.demoPlanId(mvc, json);
        long roundId = jdbc.sql("select id from update_round where plan_id = ? and closed_at is null").param(planId)
                .query(Long.class).single();
        mvc.perform(post("/plans/" + planId + "/rounds/" + roundId + "/close").with(csrf())
                .with(Requests.signedIn(users, "coordinator"))).andExpect(status().is3xxRedirection());
        mvc.perform(Requests.json(post(url()), body("2018-19-Q4", "GREEN", "Late")).with(Requests.user("health")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("The 2018-19-Q4 round is closed and takes no more updates"));
        assertNothingStored();
        // Opening the next quarter's round with a mistake, then correctly.
        var page = mvc.perform(post("/plans/" + planId + "/rounds").with(csrf()).with(Requests.signedIn(users, "coordinator"))
                .param("period", "2019-20-Q1").with(Requests.date("dueDate", "2019-07-31"))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("The quarter must fall within the plan");
        mvc.perform(post("/plans/" + planId + "/rounds").with(csrf()).with(Requests.signedIn(users, "coordinator"))
                .param("period", "2018-19-Q2").with(Requests.date("dueDate", "2018-10-31"))).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select period from update_round where plan_id = ? and closed_at is null").param(planId)
                .query(String.class).single()).isEqualTo("2018-19-Q2");
    }

    @Test
    void myUpdatesListsWhatIsDueAndTheAdministratorSeesWhoIsOutstanding() throws Exception {
        var mine = mvc.perform(get("/my-updates").with(Requests.signedIn(users, "health")))
                .andReturn().getResponse().getContentAsString();
        // Priorities 7, 8 and 9 hold 3 + 5 + 4 actions.
        assertThat(mine).contains("12 of 12 actions still need your update.");
        mvc.perform(Requests.json(post(url()), body("2018-19-Q4", "GREEN", "Done")).with(Requests.user("health")))
                .andExpect(status().isCreated());
        mine = mvc.perform(get("/my-updates").with(Requests.signedIn(users, "health"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(mine).contains("11 of 12 actions still need your update.");
        long planId = Requests.demoPlanId(mvc, json);
        var rounds = mvc.perform(get("/plans/" + planId + "/rounds").with(Requests.signedIn(users, "coordinator")))
                .andReturn().getResponse().getContentAsString();
        assertThat(rounds).contains("1 of 84 actions updated").contains("Health contributor").contains("Police contributor");
    }

    void assertNothingStored() {
        assertThat(jdbc.sql("select count(*) from action_update").query(Integer.class).single()).isZero();
    }

    String priorityRag(int number) throws Exception {
        var plan = Requests.plan(mvc, json, "viewer");
        var priority = plan.get("sections").valueStream().flatMap(s -> s.get("priorities").valueStream())
                .filter(p -> p.get("number").asInt() == number).findFirst().orElseThrow();
        return priority.get("rag").isNull() ? null : priority.get("rag").asString();
    }

    static String body(String period, String rag, String narrative) {
        return "{\"period\":\"" + period + "\",\"rag\":\"" + rag + "\",\"narrative\":\"" + narrative + "\"}";
    }
}
