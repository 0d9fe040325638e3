package org.canopy.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.canopy.support.CanopyDatabaseTest;
import org.canopy.support.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sentences, each naming a child, are refused on every path that takes a narrative: an action update, a
 * figure's narrative (the round's page, the import and the API), an incident's summary, a meeting item and the tell us
 * page with its API. Each answer names the new kind and never repeats the name; nothing is stored.
 */
@CanopyDatabaseTest
class ChildNameOnEveryPathTest {

    /** The sentences and the name in each, which no answer may repeat. */
    static final Map<String, String> SENTENCES = Map.of(
            "Zara, 6, and her sister were visited after school", "Zara",
            "Daniel Okoro (14) told his form tutor at Langdon Park", "Okoro",
            "Isaac's grandmother asked for a carer's assessment", "Isaac",
            "Infant Noor Hussain, 3 weeks, was admitted", "Hussain");

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @AfterEach
    void restoreDemo() {
        for (String table : List.of("meeting_attendance", "meeting_paper", "meeting_agenda_item", "meeting")) {
            jdbc.sql("delete from " + table).update();
        }
    }

    @Test
    void anActionUpdateIsRefused() throws Exception {
        long action = Requests.actionId(mvc, json, 9, 1);
        int before = count("action_update");
        for (var sentence : SENTENCES.entrySet()) {
            String body = answer(mvc.perform(Requests.json(post("/api/v1/actions/" + action + "/updates"),
                    "{\"period\":\"2018-19-Q4\",\"rag\":\"GREEN\",\"narrative\":\"" + sentence.getKey().replace("'", "\\u0027") + "\"}")
                    .with(Requests.user("health"))).andExpect(status().isBadRequest()));
            assertRefused(body, sentence.getValue());
        }
        assertThat(count("action_update")).isEqualTo(before);
    }

    @Test
    void aFiguresNarrativeIsRefusedOnTheRoundsPageTheImportAndTheApi() throws Exception {
        long round = jdbc.sql("select id from data_round where period = '2021-22-Q1'").query(Long.class).single();
        long police = jdbc.sql("select id from agency where name = 'Metropolitan Police'").query(Long.class).single();
        int observations = count("observation");
        for (var sentence : SENTENCES.entrySet()) {
            String page = answer(mvc.perform(post("/data/rounds/" + round + "/agencies/" + police).with(Requests.signedIn(users, "police"))
                    .with(csrf()).param("version", "-1").param("action", "submit").param("DOMESTIC_ABUSE_CASES-value", "815")
                    .param("DOMESTIC_ABUSE_CASES-narrative", sentence.getKey()).param("YOUTH_VIOLENCE_INCIDENTS-value", "40")
                    .param("overallNarrative", "Steady")).andExpect(status().isOk()));
            assertRefused(page, sentence.getValue());

            String api = answer(mvc.perform(Requests.json(put("/api/v1/data-rounds/" + round + "/submission"),
                    "{\"figures\":[{\"indicator\":\"DOMESTIC_ABUSE_CASES\",\"value\":\"812\",\"narrative\":\""
                            + sentence.getKey().replace("'", "\\u0027") + "\"}],\"overallNarrative\":\"Steady\",\"submit\":true}")
                    .with(Requests.user("police"))).andExpect(status().isBadRequest()));
            assertRefused(api, sentence.getValue());

            String csv = "indicator,period,area,value,narrative\nCIN_COUNT,2016-17,Tower Hamlets,2810,\"" + sentence.getKey() + "\"\n";
            String imported = answer(mvc.perform(post("/api/v1/observations").with(Requests.user("coordinator")).contentType("text/csv")
                    .content(csv)).andExpect(status().isBadRequest()));
            // The import names the kind in its own words ("contains what looks like a child's name").
            assertThat(imported).contains("looks like a child's name").doesNotContain(sentence.getValue());
        }
        assertThat(count("data_submission")).isZero();
        assertThat(count("observation")).isEqualTo(observations);
    }

    @Test
    void anIncidentsSummaryIsRefusedAndItsPseudonymMayBeAFirstName() throws Exception {
        int incidents = count("serious_incident");
        for (var sentence : SENTENCES.entrySet()) {
            String body = answer(mvc.perform(Requests.json(post("/api/v1/incidents"), "{\"pseudonym\":\"Noor\",\"awareDate\":\"2021-03-01\","
                    + "\"summary\":\"" + sentence.getKey().replace("'", "\\u0027") + "\"}").with(Requests.user("coordinator")))
                    .andExpect(status().isBadRequest()));
            assertRefused(body, sentence.getValue());
            // The pseudonym is a first name by design: only the summary is refused.
            assertThat(body).contains("\"field\":\"summary\"").doesNotContain("\"field\":\"pseudonym\"");
        }
        assertThat(count("serious_incident")).isEqualTo(incidents);
    }

    @Test
    void aMeetingItemIsRefused() throws Exception {
        long partnership = jdbc.sql("select partnership_id from canopy_user where username = 'chair'").query(Long.class).single();
        long group = jdbc.sql("select id from partnership_group where partnership_id = ? and group_function = 'QUALITY_ASSURANCE'")
                .param(partnership).query(Long.class).single();
        mvc.perform(post("/groups/" + group + "/meetings").with(Requests.signedIn(users, "chair")).with(csrf())
                .with(Requests.date("date", LocalDate.now(ZoneOffset.UTC).toString())).param("startTime", "14:00").param("place", "Online"))
                .andExpect(status().is3xxRedirection());
        long meeting = jdbc.sql("select max(id) from meeting").query(Long.class).single();
        for (var sentence : SENTENCES.entrySet()) {
            String page = answer(mvc.perform(post("/meetings/" + meeting + "/items").with(Requests.signedIn(users, "chair")).with(csrf())
                    .param("title", sentence.getKey())).andExpect(status().isOk()));
            assertRefused(page, sentence.getValue());
        }
        assertThat(count("meeting_agenda_item")).isZero();
    }

    @Test
    void theTellUsPageAndItsApiRefuseInAChildsWords() throws Exception {
        String words = "It looks like you wrote your name or someone else's name.";
        for (var sentence : SENTENCES.entrySet()) {
            String page = answer(mvc.perform(post("/public/tell-us").with(csrf()).with(from("198.51.100.41")).param("message", sentence.getKey()))
                    .andExpect(status().isOk()));
            // The page shows the words back for the child to change; the message says what to take out.
            assertThat(page).contains(words);
            String api = answer(mvc.perform(Requests.json(post("/api/v1/public/feedback"),
                    "{\"message\": \"" + sentence.getKey().replace("'", "\\u0027") + "\"}").with(from("198.51.100.42")))
                    .andExpect(status().isBadRequest()));
            assertThat(api).contains("\"field\":\"message\"").contains(words).doesNotContain(sentence.getValue());
        }
        assertThat(count("public_message")).isZero();
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /**
     * The answer's problems name the new kind and why, and never the name. A page shows the words back to change, so
     * only its messages are read; an API answer is read whole.
     */
    private static void assertRefused(String answer, String name) {
        var messages = java.util.regex.Pattern.compile("A child's name appears[^<\"]*").matcher(answer).results()
                .map(java.util.regex.MatchResult::group).toList();
        assertThat(messages).isNotEmpty().allSatisfy(m -> assertThat(m).contains("or use the pseudonym").doesNotContain(name));
        if (answer.stripLeading().startsWith("{")) {
            assertThat(answer).doesNotContain(name);
        }
    }

    private static String answer(ResultActions result) throws Exception {
        return HtmlUtils.htmlUnescape(new String(result.andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8));
    }

    private int count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }
}
