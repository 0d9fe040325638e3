package org.canopy.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.canopy.plan.PlanPages.page;
import static org.canopy.plan.PlanPages.update;

import org.canopy.support.CanopyDatabaseTest;
import org.canopy.support.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A status says how many actions it rests on, and green from fewer than half of them never reads as plain green. */
@CanopyDatabaseTest
class PriorityStatusTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    long planId;

    @BeforeEach
    void demo() throws Exception {
        planId = Requests.demoPlanId(mvc, json);
    }

    @AfterEach
    void restore() {
        PlanPages.restore(jdbc);
        jdbc.sql("update update_round set closed_at = null, closed_by = null where period = '2018-19-Q4'").update();
    }

    @Test
    void greenFromOneOfFourActionsReadsNotEnoughUpdates() throws Exception {
        update(mvc, Requests.actionId(mvc, json, 9, 1), "health", "GREEN");
        for (String user : Requests.DEMO_USERS) {
            var priority = page(mvc, users, user, "/plans/" + planId + "/priorities/9");
            // The action itself is green; the priority's status is not.
            assertThat(statusRow(priority)).contains("govuk-tag--grey\">Not enough updates</strong>")
                    .contains("Green: on track from the few reported: 1 of 4 actions updated this round (2018-19-Q4)")
                    .doesNotContain("govuk-tag--green");
            assertThat(priority)
                    .contains("When fewer than half of the actions have one, a status that would be green or complete reads");
        }
        assertThat(page(mvc, users, "viewer", "/plans/" + planId + "/sections/2"))
                .contains("1 of 17 actions updated this round (2018-19-Q4)").contains("Not enough updates");
        assertThat(page(mvc, users, "viewer", "/plans/" + planId)).contains("1 of 84 actions updated this round (2018-19-Q4)")
                .contains("1 of 4 actions updated this round (2018-19-Q4)").doesNotContain(">Green: on track</strong>");
        assertThat(page(mvc, users, "viewer", "/plans")).contains("1 of 84 actions updated this round");
        assertThat(page(mvc, users, "viewer", "/")).contains("1 of 84 actions updated this round");

        // The API keeps rag as the roll-up of API.md and adds how much of it is known.
        var priority = priority(9);
        assertThat(priority.get("rag").asString()).isEqualTo("GREEN");
        assertThat(priority.get("actionsUpdated").asInt()).isEqualTo(1);
        assertThat(priority.get("actionCount").asInt()).isEqualTo(4);
        assertThat(priority.get("status").asString()).isEqualTo("Not enough updates");
    }

    @Test
    void greenFromHalfTheActionsReadsGreen() throws Exception {
        update(mvc, Requests.actionId(mvc, json, 9, 1), "health", "GREEN");
        update(mvc, Requests.actionId(mvc, json, 9, 2), "health", "GREEN");
        assertThat(statusRow(page(mvc, users, "viewer", "/plans/" + planId + "/priorities/9")))
                .contains("govuk-tag--green\">Green: on track</strong>")
                .contains("2 of 4 actions updated this round (2018-19-Q4)").doesNotContain("Not enough updates");
        assertThat(priority(9).get("status").asString()).isEqualTo("Green: on track");
    }

    @Test
    void redShowsHoweverFewActionsReported() throws Exception {
        update(mvc, Requests.actionId(mvc, json, 9, 1), "health", "RED");
        assertThat(page(mvc, users, "viewer", "/plans/" + planId + "/priorities/9"))
                .contains("govuk-tag--red\">Red: off track</strong>").contains("1 of 4 actions updated this round (2018-19-Q4)");
    }

    @Test
    void afterTheRoundClosesTheStatusCountsTheLastRound() throws Exception {
        update(mvc, Requests.actionId(mvc, json, 9, 1), "health", "GREEN");
        jdbc.sql("update update_round set closed_at = current_timestamp, closed_by = 'coordinator' where period = '2018-19-Q4'")
                .update();
        assertThat(page(mvc, users, "viewer", "/plans/" + planId + "/priorities/9"))
                .contains("1 of 4 actions updated in the last round (2018-19-Q4)");
    }

    /** The priority page's status row, apart from its actions' own statuses below. */
    static String statusRow(String page) {
        int start = page.indexOf("Status</dt>");
        return page.substring(start, page.indexOf("</dd>", start));
    }

    JsonNode priority(int number) throws Exception {
        return Requests.plan(mvc, json, "viewer").get("sections").valueStream()
                .flatMap(s -> s.get("priorities").valueStream()).filter(p -> p.get("number").asInt() == number)
                .findFirst().orElseThrow();
    }
}
