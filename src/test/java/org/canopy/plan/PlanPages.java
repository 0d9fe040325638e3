package org.canopy.plan;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.canopy.support.Requests;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Reading the demo plan's pages as a person sees them, and putting the demo back after a test changed it. */
final class PlanPages {

    private PlanPages() {
    }

    /** The page as the signed-in demo user sees it; it must answer 200. */
    static String page(MockMvc mvc, UserDetailsService users, String username, String path) throws Exception {
        return mvc.perform(get(path).with(Requests.signedIn(users, username))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    /** Stores an update for the open round (2018-19-Q4) through the API. */
    static void update(MockMvc mvc, long action, String username, String rag) throws Exception {
        mvc.perform(Requests.json(post("/api/v1/actions/" + action + "/updates"),
                "{\"period\":\"2018-19-Q4\",\"rag\":\"" + rag + "\",\"narrative\":\"Work is under way.\","
                        + "\"correctiveStep\":\"A new lead is recruited.\"}")
                .with(Requests.user(username))).andExpect(status().isCreated());
    }

    /** No updates, no named updaters, no tags made in Canopy, and the open round due in the future again. */
    static void restore(JdbcClient jdbc) {
        jdbc.sql("delete from action_update").update();
        jdbc.sql("delete from plan_action_updater").update();
        jdbc.sql("delete from plan_action_cross_cutting where tagged_by is not null").update();
        jdbc.sql("update update_round set due_date = ? where closed_at is null")
                .param(java.time.LocalDate.now().plusDays(14)).update();
    }
}
