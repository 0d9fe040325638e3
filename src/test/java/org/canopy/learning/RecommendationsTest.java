package org.canopy.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.canopy.support.Requests.signedIn;
import static org.canopy.support.Requests.user;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.canopy.support.CanopyDatabaseTest;
import org.canopy.support.Requests;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one action plan on the demo: the legacy reviews' recommendations over the API, similar recommendations
 * on adding and attaching a second source, status with evidence, overdue, identifiers, and who may do what.
 */
@CanopyDatabaseTest
class RecommendationsTest {

    static final String NEAR_NEGLECT = "Neglect must be identified earlier and responded to like other forms of abuse";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JsonMapper json;

    @AfterEach
    void restore() {
        LearningFixture.restoreDemo(jdbc);
    }

    @Test
    void theLegacyReviewsRecommendationsAreInTheApiWithThemesSourceOwnerAndStatus() throws Exception {
        // Nothing in the demo is overdue: the page says so once, with no empty overdue table.
        mvc.perform(get("/learning/action-plan").with(user("viewer"))).andExpect(status().is3xxRedirection());
        mvc.perform(get("/learning/action-plan").with(signedIn(users, "executive"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("No recommendation is overdue.")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Overdue recommendations"))));
        var body = mvc.perform(get("/api/v1/recommendations").with(user("viewer"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        var all = json.readTree(body);
        assertThat(all.size()).isEqualTo(6);
        var neglect = all.valueStream().filter(r -> r.get("text").asString().startsWith("Neglect to be identified")).findFirst().orElseThrow();
        assertThat(neglect.get("source").asString()).isEqualTo("Serious case review: Ollie");
        assertThat(neglect.get("themes").valueStream().map(t -> t.asString()).toList()).contains("neglect");
        assertThat(neglect.get("owner").asString()).isEqualTo("Partnership business unit");
        assertThat(neglect.get("status").asString()).isEqualTo("COMPLETE");
        assertThat(neglect.get("due").isNull()).isTrue();
        assertThat(neglect.get("evidence").asString()).contains("Neglect Took Kit");
        assertThat(all.valueStream().filter(r -> r.get("source").asString().equals("Serious case review: Kamrul")).count()).isEqualTo(3);
        var asthma = all.valueStream().filter(r -> r.get("text").asString().startsWith("Awareness of Asthma")).findFirst().orElseThrow();
        assertThat(asthma.get("themes").valueStream().map(t -> t.asString()).toList()).contains("asthma", "anaphylaxis");
        assertThat(asthma.get("evidence").asString().lines().count()).isEqualTo(3);
    }

    @Test
    void anonymousApiCallsAre401() throws Exception {
        mvc.perform(get("/api/v1/recommendations")).andExpect(status().isUnauthorized());
    }

    @Test
    void addingShowsTheSimilarOnesFirstAndAttachingASecondSourceKeepsOneRecommendation() throws Exception {
        long audit = LearningFixture.demoAudit(jdbc);
        long neglect = LearningFixture.recommendation(jdbc, "Neglect to be identified");
        int before = count();
        mvc.perform(post("/learning/action-plan").with(signedIn(users, "coordinator")).with(csrf())
                        .param("source", "AUDIT-" + audit).param("text", NEAR_NEGLECT).param("themes", "neglect"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Similar recommendations already in the action plan")))
                .andExpect(content().string(Matchers.stringContainsInOrder("canopy-similar", "Neglect to be identified")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Awareness of Asthma"))));
        assertThat(count()).isEqualTo(before);

        mvc.perform(post("/learning/action-plan/" + neglect + "/sources").with(signedIn(users, "coordinator")).with(csrf())
                .param("source", "AUDIT-" + audit)).andExpect(status().is3xxRedirection());
        assertThat(count()).isEqualTo(before);
        mvc.perform(get("/api/v1/recommendations").with(user("viewer")))
                .andExpect(jsonPath("$[?(@.id == " + neglect + ")].sources.length()").value(2))
                .andExpect(jsonPath("$[?(@.id == " + neglect + ")].source").value(Matchers.contains(
                        Matchers.allOf(Matchers.containsString("Audit: Multi-agency audit workshop"), Matchers.containsString("Serious case review: Ollie")))));
    }

    @Test
    void anUnrelatedRecommendationIsAddedStraightAwayAndANearDuplicateOnlyWhenConfirmed() throws Exception {
        long audit = LearningFixture.demoAudit(jdbc);
        int before = count();
        mvc.perform(post("/learning/action-plan").with(signedIn(users, "coordinator")).with(csrf())
                        .param("source", "AUDIT-" + audit).param("text", "Review how police share information at strategy discussions")
                        .param("themes", "information sharing, Strategy discussions"))
                .andExpect(status().is3xxRedirection());
        assertThat(count()).isEqualTo(before + 1);
        assertThat(jdbc.sql("select theme from learning_recommendation_theme t join learning_recommendation r on r.id = t.recommendation_id"
                + " where r.created_by = 'coordinator' order by theme").query(String.class).list())
                .containsExactly("information sharing", "strategy discussions");
        mvc.perform(post("/learning/action-plan").with(signedIn(users, "coordinator")).with(csrf())
                        .param("source", "AUDIT-" + audit).param("text", NEAR_NEGLECT).param("confirm", "new"))
                .andExpect(status().is3xxRedirection());
        assertThat(count()).isEqualTo(before + 2);
    }

    @Test
    void completeNeedsEvidenceAndAPastDueDateIsOverdueForTheExecutive() throws Exception {
        long id = addOwnedBy("Children's Social Care", LocalDate.now().minusDays(3));
        mvc.perform(get("/api/v1/recommendations").with(user("executive")))
                .andExpect(jsonPath("$[?(@.id == " + id + ")].status").value(Matchers.contains("OVERDUE")));
        mvc.perform(get("/learning/action-plan").with(signedIn(users, "executive")))
                .andExpect(content().string(Matchers.stringContainsInOrder("Overdue: for the executive", "Overdue recommendations",
                        "Check the supervision audit", "Every recommendation")));

        mvc.perform(post("/learning/action-plan/" + id + "/status").with(signedIn(users, "council")).with(csrf())
                        .param("status", "COMPLETE").param("evidence", " ").param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Enter the evidence that the recommendation is complete")));
        assertThat(stored(id)).isEqualTo("OPEN");

        mvc.perform(post("/learning/action-plan/" + id + "/status").with(signedIn(users, "council")).with(csrf())
                        .param("status", "COMPLETE").param("evidence", "Audit of 20 supervision records in March").param("version", "0"))
                .andExpect(status().is3xxRedirection());
        assertThat(stored(id)).isEqualTo("COMPLETE");
        mvc.perform(get("/api/v1/recommendations").with(user("executive")))
                .andExpect(jsonPath("$[?(@.id == " + id + ")].status").value(Matchers.contains("COMPLETE")));
        // The council's form, opened before the change, is now stale: the second writer is told.
        mvc.perform(post("/learning/action-plan/" + id + "/status").with(signedIn(users, "council")).with(csrf())
                        .param("status", "IN_PROGRESS").param("version", "0"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("Someone else changed this recommendation")));
    }

    @Test
    void identifiersAreRefusedInEveryText() throws Exception {
        long audit = LearningFixture.demoAudit(jdbc);
        int before = count();
        mvc.perform(post("/learning/action-plan").with(signedIn(users, "coordinator")).with(csrf())
                        .param("source", "AUDIT-" + audit).param("text", "Call the family on 020 7946 0123 about the plan")
                        .param("themes", "neglect, E1 6AN"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("The recommendation contains what looks like a phone number")))
                .andExpect(content().string(Matchers.containsString("A theme contains what looks like a postcode")));
        assertThat(count()).isEqualTo(before);
        long id = addOwnedBy("Children's Social Care", null);
        mvc.perform(post("/learning/action-plan/" + id + "/status").with(signedIn(users, "council")).with(csrf())
                        .param("status", "COMPLETE").param("evidence", "Sent to someone@example.org").param("version", "0"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("looks like an email address")));
        assertThat(stored(id)).isEqualTo("OPEN");
    }

    @Test
    void aViewerCannotEditAndAnotherAgencysContributorCannotUpdateARecommendationItDoesNotOwn() throws Exception {
        long audit = LearningFixture.demoAudit(jdbc);
        mvc.perform(get("/learning/action-plan/new").with(signedIn(users, "viewer"))).andExpect(status().isForbidden());
        mvc.perform(post("/learning/action-plan").with(signedIn(users, "viewer")).with(csrf())
                .param("source", "AUDIT-" + audit).param("text", "Anything")).andExpect(status().isForbidden());
        mvc.perform(post("/learning/action-plan").with(signedIn(users, "council")).with(csrf())
                .param("source", "AUDIT-" + audit).param("text", "Anything")).andExpect(status().isForbidden());
        long id = addOwnedBy("Children's Social Care", null);
        mvc.perform(post("/learning/action-plan/" + id + "/status").with(signedIn(users, "police")).with(csrf())
                .param("status", "IN_PROGRESS").param("version", "0")).andExpect(status().isForbidden());
        mvc.perform(post("/learning/action-plan/" + id + "/status").with(signedIn(users, "viewer")).with(csrf())
                .param("status", "IN_PROGRESS").param("version", "0")).andExpect(status().isForbidden());
        mvc.perform(post("/learning/action-plan/" + id + "/edit").with(signedIn(users, "council")).with(csrf())
                .param("text", "Changed").param("version", "0")).andExpect(status().isForbidden());
        assertThat(stored(id)).isEqualTo("OPEN");
        mvc.perform(post("/learning/action-plan/" + id + "/status").with(signedIn(users, "council")).with(csrf())
                .param("status", "IN_PROGRESS").param("version", "0")).andExpect(status().is3xxRedirection());
        assertThat(stored(id)).isEqualTo("IN_PROGRESS");
        mvc.perform(get("/learning/action-plan/" + id).with(signedIn(users, "viewer"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("Update status"))));
    }

    @Test
    void theActionPlanExportsAsCsvAndExcel() throws Exception {
        mvc.perform(get("/learning/action-plan/export.csv").with(signedIn(users, "viewer"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Serious case review: Kamrul")));
        var xlsx = mvc.perform(get("/learning/action-plan/export.xlsx").with(signedIn(users, "viewer"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(xlsx, 0, 2)).isEqualTo("PK");
    }

    long addOwnedBy(String agency, LocalDate due) throws Exception {
        long audit = LearningFixture.demoAudit(jdbc);
        mvc.perform(post("/learning/action-plan").with(signedIn(users, "coordinator")).with(csrf())
                        .param("source", "AUDIT-" + audit).param("text", "Check the supervision audit results with team managers")
                        .param("owner", String.valueOf(LearningFixture.agency(jdbc, agency)))
                        .with(due == null ? r -> r : Requests.date("due", due.toString())).param("confirm", "new"))
                .andExpect(status().is3xxRedirection());
        return LearningFixture.recommendation(jdbc, "Check the supervision audit");
    }

    int count() {
        return jdbc.sql("select count(*) from learning_recommendation").query(Integer.class).single();
    }

    String stored(long id) {
        return jdbc.sql("select status from learning_recommendation where id = ?").param(id).query(String.class).single();
    }
}
