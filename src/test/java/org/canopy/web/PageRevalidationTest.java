package org.canopy.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.canopy.support.CanopyDatabaseTest;
import org.canopy.support.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pages and charts built from the partnership's data are answered with a 304 while the browser's copy is current,
 * and never after a change: for each kind of write, read the page, write, and see the change.
 */
@CanopyDatabaseTest
class PageRevalidationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JsonMapper json;

    @AfterEach
    void restoreDemo() {
        jdbc.sql("delete from figure_upload_row").update();
        jdbc.sql("delete from figure_upload").update();
        jdbc.sql("delete from observation_revision").update();
        jdbc.sql("delete from observation where recorded_by <> 'demo'").update();
        jdbc.sql("delete from indicator_target").update();
        jdbc.sql("delete from escalation_event").update();
        jdbc.sql("delete from escalation").update();
        jdbc.sql("delete from executive_escalation_step").update();
        jdbc.sql("delete from executive_escalation").update();
        jdbc.sql("delete from outbox_message").update();
        jdbc.sql("delete from action_update").update();
    }

    @Test
    void theDashboardIsA304UntilFiguresAreImportedThenShowsThem() throws Exception {
        var first = page(get("/dashboard"), "coordinator", null);
        String tag = first.getResponse().getHeader("ETag");
        assertThat(tag).isNotBlank();
        assertThat(first.getResponse().getHeader("Cache-Control")).isEqualTo("private, no-cache");

        var again = page(get("/dashboard"), "coordinator", tag);
        assertThat(again.getResponse().getStatus()).isEqualTo(304);
        assertThat(again.getResponse().getContentAsString()).isEmpty();
        // The tag is the person's: someone else holding it gets the page.
        assertThat(page(get("/dashboard"), "viewer", tag).getResponse().getStatus()).isEqualTo(200);

        mvc.perform(post("/api/v1/observations").with(Requests.user("coordinator")).contentType("text/csv")
                        .content("indicator,period,area,value,narrative\nDOMESTIC_ABUSE_CASES,2020-21-Q3,Tower Hamlets,8123,\n"))
                .andExpect(status().isCreated());
        var after = page(get("/dashboard"), "coordinator", tag);
        assertThat(after.getResponse().getStatus()).isEqualTo(200);
        assertThat(after.getResponse().getHeader("ETag")).isNotEqualTo(tag);
        assertThat(after.getResponse().getContentAsString()).contains("8,123");
    }

    @Test
    void aChartIsDrawnOncePerChangeAndRedrawnAfterATarget() throws Exception {
        var first = page(get("/dashboard/indicators/CP_COUNT/chart.svg"), "viewer", null);
        String tag = first.getResponse().getHeader("ETag");
        assertThat(first.getResponse().getContentAsString()).contains("<svg");
        // Charts are the same for everyone who may see them: another person's browser revalidates with the same tag.
        assertThat(page(get("/dashboard/indicators/CP_COUNT/chart.svg"), "executive", tag).getResponse().getStatus()).isEqualTo(304);

        mvc.perform(post("/dashboard/indicators/CP_COUNT/targets").with(Requests.signedIn(users, "coordinator")).with(csrf())
                .param("targetPeriod", "2020-21").param("targetValue", "300")).andExpect(status().is3xxRedirection());
        var after = page(get("/dashboard/indicators/CP_COUNT/chart.svg"), "viewer", tag);
        assertThat(after.getResponse().getStatus()).isEqualTo(200);
        assertThat(after.getResponse().getHeader("ETag")).isNotEqualTo(tag);
    }

    @Test
    void theIndicatorPageShowsAnEscalationRaisedSinceTheBrowsersCopy() throws Exception {
        var before = page(get("/dashboard/indicators/CP_COUNT"), "executive", null);
        assertThat(before.getResponse().getContentAsString()).contains("This indicator has not been escalated.");
        String tag = before.getResponse().getHeader("ETag");
        assertThat(page(get("/dashboard/indicators/CP_COUNT"), "executive", tag).getResponse().getStatus()).isEqualTo(304);

        mvc.perform(post("/dashboard/indicators/CP_COUNT/escalations").with(Requests.signedIn(users, "coordinator")).with(csrf())
                .param("period", "2020-21").param("reason", "Plans rose while neglect stays high.")).andExpect(status().is3xxRedirection());
        var after = page(get("/dashboard/indicators/CP_COUNT"), "executive", tag);
        assertThat(after.getResponse().getStatus()).isEqualTo(200);
        assertThat(after.getResponse().getContentAsString()).doesNotContain("This indicator has not been escalated.")
                .contains("2020-21: Open");
    }

    @Test
    void thePlanPageShowsAnActionUpdateMadeSinceTheBrowsersCopy() throws Exception {
        long plan = Requests.demoPlanId(mvc, json);
        long action = Requests.actionId(mvc, json, 9, 1);
        String tag = page(get("/plans/" + plan), "viewer", null).getResponse().getHeader("ETag");
        assertThat(page(get("/plans/" + plan), "viewer", tag).getResponse().getStatus()).isEqualTo(304);

        mvc.perform(Requests.json(post("/api/v1/actions/" + action + "/updates"),
                        "{\"period\":\"2018-19-Q4\",\"rag\":\"AMBER\",\"narrative\":\"Asthma pathway review delayed by staffing.\"}")
                .with(Requests.user("health"))).andExpect(status().isCreated());
        var after = page(get("/plans/" + plan), "viewer", tag);
        assertThat(after.getResponse().getStatus()).isEqualTo(200);
        assertThat(after.getResponse().getContentAsString()).contains("Amber");
    }

    @Test
    void theDashboardShowsFiguresOnlyOnceTheirUploadIsAccepted() throws Exception {
        var body = mvc.perform(post("/api/v1/observations").with(Requests.user("police")).contentType("text/csv")
                        .content("indicator,period,area,value,narrative\nDOMESTIC_ABUSE_CASES,2020-21-Q3,,7345,\n"))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        long upload = json.readTree(body).get("upload").asLong();
        var before = page(get("/dashboard"), "viewer", null);
        assertThat(before.getResponse().getContentAsString()).doesNotContain("7,345");
        String tag = before.getResponse().getHeader("ETag");
        assertThat(page(get("/dashboard"), "viewer", null).getResponse().getContentAsString()).doesNotContain("7,345");

        mvc.perform(post("/data/uploads/" + upload + "/review").with(Requests.signedIn(users, "coordinator")).with(csrf())
                .param("decision", "accept").param("version", "0")).andExpect(status().is3xxRedirection());
        var after = page(get("/dashboard"), "viewer", tag);
        assertThat(after.getResponse().getStatus()).isEqualTo(200);
        assertThat(after.getResponse().getContentAsString()).contains("7,345");
    }

    @Test
    void theIndicatorPageShowsABenchmarkImportedSinceItWasKept() throws Exception {
        String path = "/dashboard/indicators/DOMESTIC_ABUSE_CASES";
        assertThat(page(get(path), "viewer", null).getResponse().getContentAsString()).doesNotContain("9,876");
        String tag = page(get(path), "viewer", null).getResponse().getHeader("ETag");

        mvc.perform(post("/api/v1/observations").with(Requests.user("coordinator")).contentType("text/csv")
                        .content("indicator,period,area,value,narrative\nDOMESTIC_ABUSE_CASES,2020-21-Q3,England,9876,\n"))
                .andExpect(status().isCreated());
        var after = page(get(path), "viewer", tag);
        assertThat(after.getResponse().getStatus()).isEqualTo(200);
        assertThat(after.getResponse().getContentAsString()).contains("9,876");
    }

    @Test
    void aPageCarryingAMessageAfterARedirectIsNeverA304() throws Exception {
        String tag = page(get("/dashboard"), "coordinator", null).getResponse().getHeader("ETag");
        var withMessage = page(get("/dashboard").flashAttr("success", "The target was set"), "coordinator", tag);
        assertThat(withMessage.getResponse().getStatus()).isEqualTo(200);
        assertThat(withMessage.getResponse().getContentAsString()).contains("The target was set");
    }

    /** Each person browses in one session, as a browser does (a page's tag is the person's in their session). */
    private final java.util.Map<String, MockHttpSession> sessions = new java.util.HashMap<>();

    private MvcResult page(MockHttpServletRequestBuilder request, String username, String ifNoneMatch) throws Exception {
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        var session = sessions.computeIfAbsent(username, u -> new MockHttpSession());
        return mvc.perform(request.session(session).with(Requests.signedIn(users, username))).andReturn();
    }
}
