package org.canopy.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Pattern;
import org.canopy.support.CanopyDatabaseTest;
import org.canopy.support.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard, an indicator's page, a plan's page and the published view are rendered once per change of the
 * data version and kept: a change made behind Canopy's back (straight into the database, moving no version) is
 * not seen until the next change through Canopy, which shows everything. Each person has their own copy, and every
 * copy carries the session's own form token.
 */
@CanopyDatabaseTest
class KeptPagesTest {

    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JsonMapper json;

    private String name;

    private String priority;

    private long planId;

    @AfterEach
    void restoreDemo() {
        if (name != null) {
            jdbc.sql("update indicator set name = ? where code = 'CP_COUNT'").param(name).update();
        }
        if (priority != null) {
            jdbc.sql("update plan_priority set title = ? where number = 1 and plan_id = ?").params(priority, planId).update();
        }
        jdbc.sql("delete from indicator_target").update();
    }

    @Test
    void keptPagesAreRenderedAgainOnlyAfterAChangeThroughCanopy() throws Exception {
        name = jdbc.sql("select name from indicator where code = 'CP_COUNT'").query(String.class).single();
        long plan = Requests.demoPlanId(mvc, json);
        planId = plan;
        priority = jdbc.sql("select title from plan_priority where number = 1 and plan_id = ?").param(plan).query(String.class).single();
        var session = new MockHttpSession();
        for (String page : new String[] {"/dashboard", "/dashboard/indicators/CP_COUNT"}) {
            assertThat(page(page, "viewer", session)).as(page).contains(name);
        }
        assertThat(page("/plans/" + plan, "viewer", session)).contains(org.springframework.web.util.HtmlUtils.htmlEscape(priority));
        assertThat(publicPage()).contains(name);

        jdbc.sql("update indicator set name = 'Renamed behind Canopy' where code = 'CP_COUNT'").update();
        jdbc.sql("update plan_priority set title = 'Retitled behind Canopy' where number = 1 and plan_id = ?").param(plan).update();
        for (String page : new String[] {"/dashboard", "/dashboard/indicators/CP_COUNT"}) {
            assertThat(page(page, "viewer", session)).as(page).contains(name).doesNotContain("Renamed behind Canopy");
        }
        assertThat(page("/plans/" + plan, "viewer", session)).doesNotContain("Retitled behind Canopy");
        assertThat(publicPage()).doesNotContain("Renamed behind Canopy");

        // Any change through Canopy moves the version: every kept page is rendered again, with everything stored.
        mvc.perform(post("/dashboard/indicators/CP_COUNT/targets").with(Requests.signedIn(users, "coordinator"))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .param("targetPeriod", "2020-21").param("targetValue", "300")).andExpect(status().is3xxRedirection());
        for (String page : new String[] {"/dashboard", "/dashboard/indicators/CP_COUNT"}) {
            assertThat(page(page, "viewer", session)).as(page).contains("Renamed behind Canopy");
        }
        assertThat(page("/plans/" + plan, "viewer", session)).contains("Retitled behind Canopy");
        assertThat(publicPage()).contains("Renamed behind Canopy");
    }

    @Test
    void eachPersonHasTheirOwnCopyAndEverySessionItsOwnFormToken() throws Exception {
        var first = new MockHttpSession();
        String rendered = page("/dashboard", "coordinator", first);
        String kept = page("/dashboard", "coordinator", first);
        assertThat(token(kept)).isNotEqualTo(token(rendered)); // masked afresh on every answer, as Spring Security does
        assertThat(kept.replace(token(kept), "")).isEqualTo(rendered.replace(token(rendered), ""));
        assertThat(kept).contains("Partnership coordinator");
        assertThat(page("/dashboard", "viewer", new MockHttpSession())).doesNotContain("Partnership coordinator");

        // The same person in another session gets the kept page with that session's token, which signs them out.
        var second = new MockHttpSession();
        String elsewhere = page("/dashboard", "coordinator", second);
        mvc.perform(post("/sign-out").session(second).with(Requests.signedIn(users, "coordinator"))
                .param("_csrf", token(elsewhere))).andExpect(status().is3xxRedirection());
        // A token from the first session is refused in a third.
        var third = new MockHttpSession();
        page("/dashboard", "coordinator", third);
        mvc.perform(post("/sign-out").session(third).with(Requests.signedIn(users, "coordinator"))
                .param("_csrf", token(kept))).andExpect(status().isForbidden());
    }

    @Test
    void aOneOffMessageIsShownOnceAndNeverKept() throws Exception {
        var session = new MockHttpSession();
        page("/dashboard", "coordinator", session);
        String withMessage = mvc.perform(get("/dashboard").session(session).flashAttr("success", "The target was set")
                .with(Requests.signedIn(users, "coordinator"))).andReturn().getResponse().getContentAsString();
        assertThat(withMessage).contains("The target was set");
        assertThat(page("/dashboard", "coordinator", session)).doesNotContain("The target was set");
    }

    private String page(String path, String username, MockHttpSession session) throws Exception {
        return mvc.perform(get(path).session(session).with(Requests.signedIn(users, username))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private String publicPage() throws Exception {
        return mvc.perform(get("/public/indicators")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static String token(String page) {
        var found = FORM_TOKEN.matcher(page);
        assertThat(found.find()).as("a form token on the page").isTrue();
        return found.group(1);
    }
}
