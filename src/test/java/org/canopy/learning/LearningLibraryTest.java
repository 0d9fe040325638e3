package org.canopy.learning;

import static org.canopy.support.Requests.signedIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.canopy.support.CanopyDatabaseTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The learning library finds the legacy reviews by theme and by words; briefings are written, shown and found. */
@CanopyDatabaseTest
class LearningLibraryTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @AfterEach
    void restore() {
        LearningFixture.restoreDemo(jdbc);
    }

    @Test
    void theLibraryFindsOllieByNeglectAndKamrulByAsthma() throws Exception {
        mvc.perform(get("/learning/library").param("theme", "neglect").with(signedIn(users, "viewer"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(">Ollie</a>")))
                .andExpect(content().string(Matchers.containsString("Neglect to be identified at an earlier stage")))
                .andExpect(content().string(Matchers.not(Matchers.containsString(">Kamrul</a>"))))
                .andExpect(content().string(Matchers.containsString("1 result")));
        mvc.perform(get("/learning/library").param("theme", "asthma").with(signedIn(users, "viewer")))
                .andExpect(content().string(Matchers.containsString(">Kamrul</a>")))
                .andExpect(content().string(Matchers.not(Matchers.containsString(">Ollie</a>"))));
        mvc.perform(get("/learning/library").param("q", "Social Work Academy").with(signedIn(users, "viewer")))
                .andExpect(content().string(Matchers.containsString(">Ollie</a>")))
                .andExpect(content().string(Matchers.not(Matchers.containsString(">Kamrul</a>"))));
        mvc.perform(get("/learning/library").param("q", "nothing matches this").with(signedIn(users, "viewer")))
                .andExpect(content().string(Matchers.containsString("0 results")));
    }

    @Test
    void theSeriousCaseReviewPageTranscribesItsThemesAndResponses() throws Exception {
        long ollie = jdbc.sql("select id from learning_serious_case_review where pseudonym = 'Ollie'").query(Long.class).single();
        mvc.perform(get("/learning/serious-case-reviews/" + ollie).with(signedIn(users, "viewer"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.stringContainsInOrder("Neglect to be identified", "Neglect Took Kit",
                        "Harmful Sexual Behaviour", "East London NHS Foundation Trust", "reflective supervision", "Social Work Academy",
                        "Seven-minute briefing (not yet written)")));
    }

    @Test
    void aBriefingIsWrittenInSevenPartsShownAndFoundInTheLibrary() throws Exception {
        long kamrul = jdbc.sql("select id from learning_serious_case_review where pseudonym = 'Kamrul'").query(Long.class).single();
        String key = "SERIOUS_CASE_REVIEW-" + kamrul;
        mvc.perform(post("/learning/briefings/" + key).with(signedIn(users, "viewer")).with(csrf())
                .param("background", "x").param("version", "-1")).andExpect(status().isForbidden());
        mvc.perform(post("/learning/briefings/" + key).with(signedIn(users, "coordinator")).with(csrf())
                        .param("background", "Born 01/02/2010").param("version", "-1"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("looks like a date of birth")));
        mvc.perform(post("/learning/briefings/" + key).with(signedIn(users, "coordinator")).with(csrf())
                        .param("background", "A legacy serious case review.").param("learning", "Individual medical needs must be known to staff.")
                        .param("reflection", "Does your team know which children carry adrenaline?").param("version", "-1"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/learning/briefings/" + key).with(signedIn(users, "viewer"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.stringContainsInOrder("1. Background", "A legacy serious case review.",
                        "2. The case: what happened", "Not yet written.", "3. What we found: the learning", "6. Questions for reflection",
                        "adrenaline", "7. Further information and resources")));
        mvc.perform(get("/learning/library").param("q", "adrenaline").with(signedIn(users, "viewer")))
                .andExpect(content().string(Matchers.containsString("Seven-minute briefing")))
                .andExpect(content().string(Matchers.containsString("1 result")));
        mvc.perform(post("/learning/briefings/" + key).with(signedIn(users, "coordinator")).with(csrf())
                        .param("background", "Changed").param("version", "5"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("Someone else changed this briefing")));
    }
}
