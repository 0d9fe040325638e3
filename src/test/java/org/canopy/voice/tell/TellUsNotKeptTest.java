package org.canopy.voice.tell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.canopy.support.CanopyDatabaseTest;
import org.canopy.support.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 20: a child's message is never lost to a server error. When storing it fails (here its table is out of reach),
 * the page answers with the help numbers first, says plainly that the message was not kept and gives the words back to
 * send again; the API says the same as a 503 problem; the log names the failure without the words; nothing is counted
 * against the child's sending limit.
 */
@CanopyDatabaseTest
@ExtendWith(OutputCaptureExtension.class)
class TellUsNotKeptTest {

    static final String WORDS = "The bus stop by the park has no light and I am scared walking home";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    SendingLimit limit;

    @BeforeEach
    void storingFails() {
        jdbc.sql("alter table public_message rename to public_message_out_of_reach").update();
    }

    @AfterEach
    void storingWorksAgain() {
        jdbc.sql("alter table public_message_out_of_reach rename to public_message").update();
        limit.forgetAll();
    }

    @Test
    void thePageShowsTheHelpFirstSaysTheMessageWasNotKeptAndGivesTheWordsBack(CapturedOutput output) throws Exception {
        var response = mvc.perform(post("/public/tell-us").with(from("198.51.100.40")).param("message", WORDS))
                .andExpect(status().isServiceUnavailable()).andReturn().getResponse();
        String html = response.getContentAsString();
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<title>Error: Tell us what you think – Canopy</title>")
                .contains("We could not keep your message").contains("your message was not sent")
                .contains("Send my message&rdquo; to try again")
                .contains(">" + WORDS + "</textarea>");
        int help = html.indexOf("If you or someone else is not safe right now");
        assertThat(help).as("the help comes first").isPositive().isLessThan(html.indexOf("We could not keep your message"));
        assertThat(html.indexOf("tel:999")).isBetween(help, html.indexOf("We could not keep your message"));
        assertThat(html).contains("0800 1111");

        assertThat(output.getAll()).contains("A message from the tell us page could not be stored")
                .doesNotContain(WORDS).doesNotContain("bus stop by the park");
        // Given back: the address still has all 20 of its messages in the window, and no more.
        for (int i = 0; i < 20; i++) {
            assertThat(limit.take("198.51.100.40")).as("message %d", i + 1).isTrue();
        }
        assertThat(limit.take("198.51.100.40")).isFalse();
    }

    @Test
    void theApiAnswers503WithTheHelpAndNeverTheWords(CapturedOutput output) throws Exception {
        String body = mvc.perform(Requests.json(post("/api/v1/public/feedback").with(from("198.51.100.41")),
                        "{\"message\": \"" + WORDS + "\"}"))
                .andExpect(status().isServiceUnavailable()).andReturn().getResponse().getContentAsString();
        var problem = json.readTree(body);
        assertThat(problem.get("title").asString()).isEqualTo("We could not keep your message");
        assertThat(problem.get("detail").asString()).contains("Please send it again").contains("999").contains("0800 1111");
        assertThat(problem.get("helpNow").valueStream().map(h -> h.get("phone").asString())).contains("999", "0800 1111");
        assertThat(body).doesNotContain(WORDS);
        assertThat(output.getAll()).contains("could not be stored").doesNotContain(WORDS);
    }

    static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
