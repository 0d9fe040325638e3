package org.canopy.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.canopy.plan.PlanPages.page;

import java.time.LocalDate;
import org.canopy.support.CanopyDatabaseTest;
import org.canopy.support.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** "My updates" shows the administrator, and only the administrator, who is late in a round past its due date. */
@CanopyDatabaseTest
class LateUpdatesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @AfterEach
    void restore() {
        PlanPages.restore(jdbc);
    }

    @Test
    void beforeTheDueDateNobodyIsLate() throws Exception {
        assertThat(page(mvc, users, "coordinator", "/my-updates")).contains("Who is late")
                .contains("Nobody is late: no open update round is past its due date.");
    }

    @Test
    void pastTheDueDateTheAdministratorSeesEachPrioritysLateActionsAndWhoAnswersForThem() throws Exception {
        jdbc.sql("update update_round set due_date = ? where closed_at is null").param(LocalDate.now().minusDays(3)).update();
        PlanPages.update(mvc, Requests.actionId(mvc, json, 9, 1), "health", "GREEN");
        var mine = page(mvc, users, "coordinator", "/my-updates");
        assertThat(mine).contains("Who is late").contains("2018-19-Q4: due ").contains("83 actions still without an update")
                .contains("Clinical Commissioning Group Children Young People Programme Board")
                .contains("Health contributor, Tower Hamlets Clinical Commissioning Group")
                .contains("Police contributor, Metropolitan Police")
                .contains("Nobody can update these");
        // Priority 9's row lists the three actions still owed, not 9.1, which is done.
        long done = Requests.actionId(mvc, json, 9, 1);
        assertThat(mine).doesNotContain("href=\"/actions/" + done + "\"")
                .contains("href=\"/actions/" + Requests.actionId(mvc, json, 9, 2) + "\">9.2</a>");
        for (String user : Requests.DEMO_USERS) {
            if (!user.equals("coordinator")) {
                assertThat(page(mvc, users, user, "/my-updates")).as(user).doesNotContain("Who is late")
                        .doesNotContain("still without an update");
            }
        }
    }
}
