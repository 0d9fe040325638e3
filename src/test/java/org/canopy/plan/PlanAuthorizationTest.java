package org.canopy.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.canopy.support.CanopyDatabaseTest;
import org.canopy.support.Requests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** Who may see and do what across every plan page and endpoint, for every role and for nobody signed in. */
@CanopyDatabaseTest
class PlanAuthorizationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    long planId;
    long actionP1;
    long actionP9;
    long actionP14;

    @BeforeEach
    void demo() throws Exception {
        planId = Requests.demoPlanId(mvc, json);
        actionP1 = Requests.actionId(mvc, json, 1, 1);
        actionP9 = Requests.actionId(mvc, json, 9, 2);
        actionP14 = Requests.actionId(mvc, json, 14, 1);
    }

    List<String> readPages() {
        return List.of("/", "/plans", "/plans/" + planId, "/plans/" + planId + "/sections/4",
                "/plans/" + planId + "/priorities/9", "/plans/" + planId + "/actions?q=asthma",
                "/actions/" + actionP9, "/my-updates", "/plans/" + planId + "/rounds",
                "/plans/" + planId + "/export.csv", "/plans/" + planId + "/export.xlsx", "/groups");
    }

    static final List<String> ADMIN_PAGES = List.of("/admin", "/admin/users", "/admin/users/new", "/admin/agencies",
            "/admin/tokens", "/admin/audit", "/admin/plans/load");

    @Test
    void everyRoleReadsEveryPlanPage() throws Exception {
        for (String user : Requests.DEMO_USERS) {
            for (String page : readPages()) {
                mvc.perform(get(page).with(Requests.signedIn(users, user))).andExpect(status().isOk());
            }
        }
    }

    @Test
    void onlyTheAdministratorReachesAdministrationPages() throws Exception {
        for (String user : Requests.DEMO_USERS) {
            for (String page : ADMIN_PAGES) {
                mvc.perform(get(page).with(Requests.signedIn(users, user)))
                        .andExpect(user.equals("coordinator") ? status().isOk() : status().isForbidden());
            }
        }
    }

    @Test
    void anonymousPagesGoToSignIn() throws Exception {
        for (String page : readPages()) {
            mvc.perform(get(page)).andExpect(status().is3xxRedirection())
                    .andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/sign-in")));
        }
        for (String page : ADMIN_PAGES) {
            mvc.perform(get(page)).andExpect(status().is3xxRedirection());
        }
        mvc.perform(get("/sign-in")).andExpect(status().isOk());
    }

    @Test
    void anonymousApiCallsAre401ProblemDetails() throws Exception {
        for (String path : List.of("/api/v1/plans", "/api/v1/plans/" + planId, "/api/v1/actions/" + actionP9 + "/updates")) {
            mvc.perform(get(path)).andExpect(status().isUnauthorized())
                    .andExpect(header().string("Content-Type", "application/problem+json"))
                    .andExpect(jsonPath("$.status").value(401));
        }
        mvc.perform(Requests.json(post("/api/v1/actions/" + actionP9 + "/updates"), update("GREEN")))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/plans").with(org.springframework.security.test.web.servlet.request
                .SecurityMockMvcRequestPostProcessors.httpBasic("viewer", "wrong"))).andExpect(status().isUnauthorized());
    }

    @Test
    void everyRoleReadsThePlanThroughTheApi() throws Exception {
        for (String user : Requests.DEMO_USERS) {
            mvc.perform(get("/api/v1/plans/" + planId).with(Requests.user(user))).andExpect(status().isOk())
                    .andExpect(jsonPath("$.sections.length()").value(4));
            mvc.perform(get("/api/v1/actions/" + actionP9 + "/updates").with(Requests.user(user))).andExpect(status().isOk());
        }
    }

    @Test
    void onlyLeadGroupMembersAndTheAdministratorUpdateAnAction() throws Exception {
        // Priority 9: health's lead group. Priority 1: council's. Priority 14: police's.
        Map<String, List<Long>> allowed = Map.of(
                "coordinator", List.of(actionP1, actionP9, actionP14),
                "health", List.of(actionP9),
                "council", List.of(actionP1),
                "police", List.of(actionP14));
        for (String user : Requests.DEMO_USERS) {
            for (long action : List.of(actionP1, actionP9, actionP14)) {
                boolean may = allowed.getOrDefault(user, List.of()).contains(action);
                int before = count(action);
                mvc.perform(Requests.json(post("/api/v1/actions/" + action + "/updates"), update("GREEN"))
                        .with(Requests.user(user))).andExpect(may ? status().isCreated() : status().isForbidden());
                assertThat(count(action)).isEqualTo(before + (may ? 1 : 0));
                if (may) {
                    jdbc.sql("delete from action_update where action_id = ?").param(action).update();
                }
            }
        }
    }

    @Test
    void replacingAnUpdateIsRefusedOutsideTheLeadGroups() throws Exception {
        mvc.perform(Requests.json(post("/api/v1/actions/" + actionP9 + "/updates"), update("GREEN"))
                .with(Requests.user("health"))).andExpect(status().isCreated());
        for (String user : List.of("police", "council", "executive", "scrutineer", "viewer")) {
            mvc.perform(Requests.json(put("/api/v1/actions/" + actionP9 + "/updates/2018-19-Q4"),
                    "{\"rag\":\"RED\",\"narrative\":\"Overwritten\",\"version\":0}").with(Requests.user(user)))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.detail").value("Only members of the lead groups of priority 9 may update its actions"));
        }
        mvc.perform(get("/api/v1/actions/" + actionP9 + "/updates/2018-19-Q4").with(Requests.user("viewer")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.narrative").value("Work is under way with partners."));
        long roundId = jdbc.sql("select id from update_round where plan_id = ? and closed_at is null").param(planId)
                .query(Long.class).single();
        mvc.perform(post("/plans/" + planId + "/rounds/" + roundId + "/close").with(csrf())
                .with(Requests.signedIn(users, "executive"))).andExpect(status().isForbidden());
        jdbc.sql("delete from action_update").update();
    }

    @Test
    void aContributorOutsideTheLeadGroupsIsRefusedOnThePageToo() throws Exception {
        mvc.perform(post("/actions/" + actionP1 + "/updates").with(csrf()).with(Requests.signedIn(users, "health"))
                .param("period", "2018-19-Q4").param("rag", "GREEN").param("narrative", "On track"))
                .andExpect(status().isForbidden());
        assertThat(count(actionP1)).isZero();
        var page = mvc.perform(get("/actions/" + actionP1).with(Requests.signedIn(users, "health")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("name=\"narrative\"").contains("Members of this priority's lead groups update this action");
    }

    @Test
    void formsNeedTheirCsrfToken() throws Exception {
        mvc.perform(post("/actions/" + actionP9 + "/updates").with(Requests.signedIn(users, "health"))
                .param("period", "2018-19-Q4").param("rag", "GREEN").param("narrative", "On track"))
                .andExpect(status().isForbidden());
        assertThat(count(actionP9)).isZero();
    }

    @Test
    void onlyTheAdministratorOpensRoundsAndLoadsPlans() throws Exception {
        for (String user : Requests.DEMO_USERS) {
            if (user.equals("coordinator")) {
                continue;
            }
            mvc.perform(post("/plans/" + planId + "/rounds").with(csrf()).with(Requests.signedIn(users, user))
                    .param("period", "2017-18-Q1").with(Requests.date("dueDate", "2017-07-31"))).andExpect(status().isForbidden());
            mvc.perform(post("/api/v1/plans").with(Requests.user(user)).contentType("application/yaml").content("format: x"))
                    .andExpect(status().isForbidden());
        }
    }

    int count(long action) {
        return jdbc.sql("select count(*) from action_update where action_id = ?").param(action).query(Integer.class).single();
    }

    static String update(String rag) {
        return "{\"period\":\"2018-19-Q4\",\"rag\":\"" + rag + "\",\"narrative\":\"Work is under way with partners.\"}";
    }
}
