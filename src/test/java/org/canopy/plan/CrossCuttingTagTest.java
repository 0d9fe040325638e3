package org.canopy.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.canopy.plan.PlanPages.page;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.canopy.support.CanopyDatabaseTest;
import org.canopy.support.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo plan carries no cross-cutting tag the seed does not state (it states none), and a tag the
 * administrator makes in Canopy is shown as the partnership's own, filters, and is kept in the history.
 */
@CanopyDatabaseTest
class CrossCuttingTagTest {

    static final String HOLISTIC = "Holistic support that is easy to access";

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    long planId;
    /** Action 1.1, which the demo file used to tag with holistic support. */
    long action;
    List<Long> crossCutting;

    @BeforeEach
    void demo() throws Exception {
        planId = Requests.demoPlanId(mvc, json);
        action = Requests.actionId(mvc, json, 1, 1);
        crossCutting = jdbc.sql("select id from plan_cross_cutting_priority where plan_id = ? order by position")
                .param(planId).query(Long.class).list();
    }

    @AfterEach
    void restore() {
        PlanPages.restore(jdbc);
    }

    @Test
    void theDemoPlanTagsNoActionBecauseTheSeedTagsNone() throws Exception {
        var plan = Requests.plan(mvc, json, "viewer");
        assertThat(plan.get("sections").valueStream().flatMap(s -> s.get("priorities").valueStream())
                .flatMap(p -> p.get("actions").valueStream()).filter(a -> !a.get("crossCutting").isEmpty()).toList())
                .isEmpty();
        for (long id : crossCutting) {
            assertThat(page(mvc, users, "viewer", "/plans/" + planId + "/actions?crossCutting=" + id))
                    .contains("0 actions match");
        }
        assertThat(page(mvc, users, "viewer", "/actions/" + action)).doesNotContain("Cross-cutting priorities</dt>");
        assertThat(page(mvc, users, "viewer", "/plans/" + planId))
                .contains("The plan does not say which actions serve these. 0 actions carry the partnership’s own tags");
        assertThat(page(mvc, users, "viewer", "/plans/" + planId + "/actions"))
                .contains("every tag here is the partnership’s own, made in Canopy");
    }

    @Test
    void aTagTheAdministratorMakesIsThePartnershipsOwnFiltersAndIsInTheHistory() throws Exception {
        long holistic = crossCutting.get(1);
        retag("coordinator", holistic).andExpect(status().is3xxRedirection());

        assertThat(page(mvc, users, "viewer", "/actions/" + action)).contains("Cross-cutting priorities</dt>")
                .contains(HOLISTIC).contains("(the partnership’s tag, made in Canopy; the plan does not state it)");
        assertThat(page(mvc, users, "viewer", "/plans/" + planId + "/actions?crossCutting=" + holistic))
                .contains("1 action matches").contains(HOLISTIC + " (the partnership’s tag)");
        assertThat(page(mvc, users, "viewer", "/plans/" + planId)).contains("1 actions carry the partnership’s own tags");
        var tag = Requests.plan(mvc, json, "viewer").get("sections").get(0).get("priorities").get(0).get("actions").get(0)
                .get("crossCutting").get(0);
        assertThat(tag.get("title").asString()).isEqualTo(HOLISTIC);
        assertThat(tag.get("source").asString()).isEqualTo("PARTNERSHIP");
        assertThat(jdbc.sql("select summary from audit_event where record_type = 'action-cross-cutting' and record_id = ?")
                .param(String.valueOf(action)).query(String.class).list())
                .contains("Tagged action 1.1 with the partnership's cross-cutting priorities: " + HOLISTIC);

        // Unticking every box takes the partnership's tag away again.
        mvc.perform(post("/actions/" + action + "/cross-cutting").with(csrf()).with(Requests.signedIn(users, "coordinator")))
                .andExpect(status().is3xxRedirection());
        assertThat(page(mvc, users, "viewer", "/plans/" + planId + "/actions?crossCutting=" + holistic))
                .contains("0 actions match");
    }

    @Test
    void onlyTheAdministratorTagsAndTheFormNeedsItsToken() throws Exception {
        for (String user : Requests.DEMO_USERS) {
            var page = page(mvc, users, user, "/actions/" + action);
            if (user.equals("coordinator")) {
                assertThat(page).contains("Save tags");
                continue;
            }
            assertThat(page).doesNotContain("Save tags");
            retag(user, crossCutting.get(0)).andExpect(status().isForbidden());
        }
        mvc.perform(post("/actions/" + action + "/cross-cutting").with(Requests.signedIn(users, "coordinator"))
                .param("crossCutting", String.valueOf(crossCutting.get(0)))).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from plan_action_cross_cutting").query(Integer.class).single()).isZero();
    }

    org.springframework.test.web.servlet.ResultActions retag(String user, long crossCuttingId) throws Exception {
        return mvc.perform(post("/actions/" + action + "/cross-cutting").with(csrf()).with(Requests.signedIn(users, user))
                .param("crossCutting", String.valueOf(crossCuttingId)));
    }
}
