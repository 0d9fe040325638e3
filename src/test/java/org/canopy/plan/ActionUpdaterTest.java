package org.canopy.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.canopy.plan.PlanPages.page;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.canopy.support.CanopyDatabaseTest;
import org.canopy.support.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

/** The round page lists the actions nobody can update, and only the administrator names an updater for one. */
@CanopyDatabaseTest
class ActionUpdaterTest {

    static final String LIST = "Actions whose lead groups have no member who can update them";

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    long planId;
    /** Priority 17's one action: the plan states no lead for it, so nobody can update it. */
    long action;
    long police;

    @BeforeEach
    void demo() throws Exception {
        planId = Requests.demoPlanId(mvc, json);
        action = Requests.actionId(mvc, json, 17, 1);
        police = personId("police");
    }

    @AfterEach
    void restore() {
        PlanPages.restore(jdbc);
    }

    @Test
    void everyRoleSeesTheActionsNobodyCanUpdateAndOnlyTheAdministratorTheForm() throws Exception {
        for (String user : Requests.DEMO_USERS) {
            var rounds = page(mvc, users, user, rounds());
            assertThat(rounds).contains(LIST).contains("href=\"/actions/" + action + "\">17.1</a>")
                    .contains("Not stated in the plan");
            // Priority 9's lead group has the health contributor in it.
            assertThat(rounds).doesNotContain(">9.1</a>");
            if (user.equals("coordinator")) {
                assertThat(rounds).contains("Name updater").contains("<option value=\"" + police + "\"");
            } else {
                assertThat(rounds).doesNotContain("Name updater");
            }
        }
    }

    @Test
    void theAdministratorNamesAnUpdaterWhoMayThenUpdateTheAction() throws Exception {
        mvc.perform(Requests.json(post("/api/v1/actions/" + action + "/updates"), PlanAuthorizationTest.update("GREEN"))
                .with(Requests.user("police"))).andExpect(status().isForbidden());
        assign("coordinator", String.valueOf(action), String.valueOf(police)).andExpect(status().is3xxRedirection());

        assertThat(page(mvc, users, "viewer", rounds())).doesNotContain(">17.1</a>");
        assertThat(page(mvc, users, "viewer", "/actions/" + action)).contains("Assigned updater")
                .contains("Police contributor, Metropolitan Police, named by the administrator");
        assertThat(page(mvc, users, "police", "/my-updates")).contains(">17.1</span>");
        PlanPages.update(mvc, action, "police", "GREEN");
        assertThat(jdbc.sql("select summary from audit_event where record_type = 'action-updater' and record_id = ?")
                .param(String.valueOf(action)).query(String.class).list())
                .contains("Assigned Police contributor to update action 17.1");

        mvc.perform(post("/actions/" + action + "/updater/remove").with(csrf()).with(Requests.signedIn(users, "police")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/actions/" + action + "/updater/remove").with(csrf()).with(Requests.signedIn(users, "coordinator")))
                .andExpect(status().is3xxRedirection());
        assertThat(page(mvc, users, "viewer", rounds())).contains(">17.1</a>");
        mvc.perform(Requests.json(post("/api/v1/actions/" + action + "/updates"),
                "{\"period\":\"2018-19-Q4\",\"rag\":\"RED\",\"narrative\":\"Again\"}").with(Requests.user("police")))
                .andExpect(status().isForbidden());
    }

    @Test
    void onlyTheAdministratorNamesAnUpdaterAndTheFormNeedsItsToken() throws Exception {
        for (String user : Requests.DEMO_USERS) {
            if (!user.equals("coordinator")) {
                assign(user, String.valueOf(action), String.valueOf(personId(user))).andExpect(status().isForbidden());
            }
        }
        mvc.perform(post("/plans/" + planId + "/rounds/updaters").with(Requests.signedIn(users, "coordinator"))
                .param("updaterAction", String.valueOf(action)).param("updater", String.valueOf(police)))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from plan_action_updater").query(Integer.class).single()).isZero();
    }

    @Test
    void aMissingOrReadOnlyPersonIsRefusedWithAMessage() throws Exception {
        for (String person : new String[] {"", String.valueOf(personId("viewer")), String.valueOf(personId("scrutineer"))}) {
            var page = assign("coordinator", String.valueOf(action), person).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(page).contains("There is a problem").contains("href=\"#updater\"")
                    .contains("Choose a person who can sign in and update actions (not a read-only or scrutineer account)");
        }
        var page = assign("coordinator", "", String.valueOf(police)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Choose the action that needs an updater");
        assertThat(jdbc.sql("select count(*) from plan_action_updater").query(Integer.class).single()).isZero();
    }

    ResultActions assign(String user, String actionId, String personId) throws Exception {
        return mvc.perform(post("/plans/" + planId + "/rounds/updaters").with(csrf()).with(Requests.signedIn(users, user))
                .param("updaterAction", actionId).param("updater", personId));
    }

    String rounds() {
        return "/plans/" + planId + "/rounds";
    }

    long personId(String username) {
        return jdbc.sql("select id from canopy_user where username = ?").param(username).query(Long.class).single();
    }
}
