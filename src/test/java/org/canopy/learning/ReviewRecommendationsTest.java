package org.canopy.learning;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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

/** A rapid review's recommendation joins the one action plan beside the serious case reviews', and the library finds the review. */
@CanopyDatabaseTest
class ReviewRecommendationsTest {

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
        LearningFixture.restoreDemo(jdbc);
        String mine = "(select id from serious_incident where created_by <> 'demo')";
        jdbc.sql("delete from rapid_review_agency where incident_id in " + mine).update();
        jdbc.sql("delete from rapid_review where incident_id in " + mine).update();
        jdbc.sql("delete from serious_incident where created_by <> 'demo'").update();
    }

    @Test
    void aRapidReviewsRecommendationIsInTheOneActionPlanAndTheLibrary() throws Exception {
        var created = mvc.perform(Requests.json(post("/api/v1/incidents"),
                        "{\"pseudonym\":\"Child R\",\"awareDate\":\"2021-06-01\",\"summary\":\"Injury to an infant on a trampoline.\","
                                + "\"criteria\":[\"CHILD_DIED_OR_SERIOUSLY_HARMED\"]}")
                        .with(Requests.user("coordinator")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = json.readTree(created).get("id").asLong();
        mvc.perform(Requests.json(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch("/api/v1/incidents/" + id),
                "{\"notifiedDate\":\"2021-06-03\"}").with(Requests.user("coordinator"))).andExpect(status().isOk());
        mvc.perform(post("/learning/incidents/" + id + "/rapid-review").with(Requests.signedIn(users, "coordinator")).with(csrf())
                        .param("version", "-1").with(Requests.date("panelDate", "2021-06-20")).param("decision", "NO_REVIEW")
                        .param("decisionReasons", "Learning captured by the rapid review itself"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/learning/incidents/" + id).with(Requests.signedIn(users, "coordinator")))
                .andExpect(content().string(Matchers.containsString("source=RAPID_REVIEW-" + id)));

        mvc.perform(post("/learning/action-plan").with(Requests.signedIn(users, "coordinator")).with(csrf())
                        .param("source", "RAPID_REVIEW-" + id).param("text", "Health visitors to see infants alone at every safe sleep visit")
                        .param("themes", "safe sleep"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/recommendations").with(Requests.user("scrutineer"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.source == 'Rapid review: Child R')].themes[0]").value("safe sleep"));
        mvc.perform(get("/learning/library").param("theme", "safe sleep").with(Requests.signedIn(users, "scrutineer")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Child R")))
                .andExpect(content().string(Matchers.containsString("Injury to an infant on a trampoline.")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Ollie"))));
        // Those who may not read case records see the learning, not the case: no pseudonym, no summary, no link to the case.
        mvc.perform(get("/api/v1/recommendations").with(Requests.user("viewer"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.source == 'Rapid review: serious incident " + id + "')].themes[0]").value("safe sleep"))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Child R"))));
        mvc.perform(get("/learning/library").param("theme", "safe sleep").with(Requests.signedIn(users, "police")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Health visitors to see infants alone at every safe sleep visit")))
                .andExpect(content().string(Matchers.containsString("serious incident " + id)))
                .andExpect(content().string(Matchers.containsString("The case record is seen only by")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Child R"))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("trampoline"))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("/learning/incidents/" + id))));
        // A search cannot find a case by what its hidden summary says.
        mvc.perform(get("/learning/library").param("q", "trampoline").with(Requests.signedIn(users, "viewer")))
                .andExpect(content().string(Matchers.containsString("0 results")));
        mvc.perform(get("/learning/library").param("q", "trampoline").with(Requests.signedIn(users, "executive")))
                .andExpect(content().string(Matchers.containsString("1 result")));
        mvc.perform(get("/learning/action-plan").with(Requests.signedIn(users, "council")))
                .andExpect(content().string(Matchers.containsString("Rapid review: serious incident " + id)))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Child R"))));
    }
}
