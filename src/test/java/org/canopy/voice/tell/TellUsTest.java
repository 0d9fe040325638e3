package org.canopy.voice.tell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.canopy.partnership.Outbox;
import org.canopy.plan.PlanPriorities;
import org.canopy.support.CanopyDatabaseTest;
import org.canopy.support.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;

/**
 * The tell us page and its API, without an account: identifiers refused in a child's words with nothing stored or
 * logged, danger words shown help first and marked, the honeypot, the sending limit, a message kept when telling the
 * coordinator fails; and the coordinator's messages, read by the administrator only and never by another partnership.
 */
@CanopyDatabaseTest
@ExtendWith(OutputCaptureExtension.class)
class TellUsTest {

    static final String PHONE = "07700 900123";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    SendingLimit limit;

    @Autowired
    PlanPriorities priorities;

    @MockitoSpyBean
    Outbox outbox;

    @AfterEach
    void cleanUp() {
        var feedback = jdbc.sql("select feedback_id from public_message where feedback_id is not null").query(Long.class).list();
        for (long id : feedback) {
            jdbc.sql("delete from feedback_priority where feedback_id = ?").param(id).update();
            jdbc.sql("delete from feedback where id = ?").param(id).update();
        }
        jdbc.sql("delete from public_message").update();
        jdbc.sql("delete from outbox_message where created_by = 'tell us page'").update();
        jdbc.sql("delete from canopy_user where username = 'elsewhere-coordinator'").update();
        jdbc.sql("delete from partnership where name = 'Elsewhere tell us partnership'").update();
        limit.forgetAll();
    }

    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    MockHttpServletRequestBuilder send(String message) {
        return post("/public/tell-us").with(csrf()).with(from("198.51.100.1")).param("message", message);
    }

    int messages() {
        return jdbc.sql("select count(*) from public_message").query(Integer.class).single();
    }

    String page(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString();
    }

    /** The thank-you page the redirect leads to, with what the redirect carried. */
    String thanks(MvcResult sent) throws Exception {
        assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo("/public/tell-us/thank-you");
        return page(mvc.perform(get("/public/tell-us/thank-you").flashAttrs(sent.getFlashMap())).andExpect(status().isOk()).andReturn());
    }

    @Test
    void thePageAsksWithoutAnAccountAndSaysHowToGetHelpNowBeforeAndAfterTheForm() throws Exception {
        String html = page(mvc.perform(get("/public/tell-us")).andExpect(status().isOk()).andReturn());
        assertThat(html).contains("Tell us what you think").contains("What do you want us to know?")
                .contains("I’d rather not say").contains("Something else").contains("Exit this page")
                .contains("What is it about?")
                .doesNotContain("name=\"name\"").doesNotContain("name=\"school\"").doesNotContain("name=\"email\"");
        int form = html.indexOf("<form");
        assertThat(html.indexOf("This page is not the way to get help now")).isBetween(0, form);
        assertThat(html.lastIndexOf("This page is not the way to get help now")).isGreaterThan(html.indexOf("</form>"));
        assertThat(html).contains("tel:999").contains("0800 1111").contains("your council&#39;s children&#39;s services")
                .contains("aria-hidden=\"true\"").contains("tabindex=\"-1\"").contains("autocomplete=\"off\"");
    }

    @Test
    void aMessageSentAfterTheSessionEndedIsStoredWithoutATokenWhileSignedInFormsStillNeedOne() throws Exception {
        var sent = mvc.perform(post("/public/tell-us").with(from("198.51.100.9")).param("message", "The park needs more lights"))
                .andReturn();
        assertThat(thanks(sent)).contains("Thank you");
        assertThat(messages()).isEqualTo(1);
        mvc.perform(post("/voice/messages/1/close").with(Requests.signedIn(users, "coordinator"))).andExpect(status().isForbidden());
    }

    @Test
    void identifiersAreRefusedInAChildsWordsWithNothingStoredOrLogged(CapturedOutput output) throws Exception {
        var cases = Map.of(
                "You can ring me on " + PHONE + " after school", "It looks like you wrote a phone number. Please take it out."
                        + " We don't need to know who you are, so we can keep you safe.",
                "My email is sam.smith@example.com", "It looks like you wrote an email address.",
                "I live near E1 4DG and the park is dark", "It looks like you wrote a postcode",
                "Hello my name is Sam Smith and I want more youth clubs", "It looks like you wrote your name",
                "I go to Bow School and the toilets are broken", "It looks like you wrote the name of a school");
        for (var c : cases.entrySet()) {
            String html = page(mvc.perform(send(c.getKey())).andExpect(status().isOk()).andReturn());
            assertThat(html).as(c.getKey()).contains("There is a problem").contains("href=\"#message\"")
                    .contains(HtmlUtils.htmlEscape(c.getValue())).startsWith("<!DOCTYPE html>")
                    .contains("<title>Error: Tell us what you think – Canopy</title>")
                    // Shown back to change, as the response: never stored.
                    .contains(HtmlUtils.htmlEscape(c.getKey()));
            var api = mvc.perform(Requests.json(post("/api/v1/public/feedback"), "{\"message\": \"" + c.getKey() + "\"}")
                    .with(from("198.51.100.2"))).andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
            assertThat(api).contains("\"field\":\"message\"").contains(c.getValue().substring(0, 30)).doesNotContain(c.getKey());
        }
        assertThat(messages()).isZero();
        assertThat(output.getAll()).doesNotContain(PHONE).doesNotContain("Sam Smith").doesNotContain("sam.smith@example.com");
    }

    @Test
    void anOrdinaryMessageIsStoredBeforeTheThanksAndTheCoordinatorIsToldWithoutItsWords() throws Exception {
        String thanks = thanks(mvc.perform(send("We need more youth clubs that are open in the evening").param("ageBand", "AGE_11_13")
                .param("topic", "other")).andExpect(status().is3xxRedirection()).andReturn());
        assertThat(thanks).contains("Thank you, we got your message").contains("What happens next")
                .contains("This page is not the way to get help now").doesNotContain("If you or someone else is not safe right now");
        assertThat(jdbc.sql("select words, age_band, needs_help_today, status, priority_id from public_message").query().listOfRows())
                .singleElement().satisfies(row -> {
                    assertThat(row.get("words")).isEqualTo("We need more youth clubs that are open in the evening");
                    assertThat(row.get("age_band")).isEqualTo("AGE_11_13");
                    assertThat(row.get("needs_help_today")).isEqualTo(false);
                    assertThat(row.get("status")).isEqualTo("NEW");
                    assertThat(row.get("priority_id")).isNull();
                });
        var mail = jdbc.sql("select subject, body from outbox_message where created_by = 'tell us page'").query().listOfRows();
        assertThat(mail).isNotEmpty().allSatisfy(m -> {
            assertThat(m.get("subject")).isEqualTo("A new message from the tell us page");
            assertThat((String) m.get("body")).contains("/voice/messages/").doesNotContain("youth clubs");
        });
        var audit = jdbc.sql("select summary, after_state from audit_event where record_type = 'public message'").query().listOfRows();
        assertThat(audit).isNotEmpty().allSatisfy(a -> assertThat(a.toString()).doesNotContain("youth clubs"));
    }

    @Test
    void aTopicIsOneOfTheNewestPlansPriorities() throws Exception {
        long partnership = jdbc.sql("select partnership_id from canopy_user where username = 'coordinator'").query(Long.class).single();
        String html = page(mvc.perform(get("/public/tell-us")).andReturn());
        long priority = priorities.priorities(partnership).get(0).id();
        assertThat(html).contains("value=\"" + priority + "\"");
        mvc.perform(send("The online safety lessons were good").param("topic", String.valueOf(priority))).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select priority_id from public_message").query(Long.class).single()).isEqualTo(priority);
        String refused = page(mvc.perform(send("Something").param("topic", "999999").param("ageBand", "AGE_99")).andReturn());
        assertThat(refused).contains("Choose a topic from the list").contains("href=\"#topic\"").contains("Choose your age from the list")
                .contains("href=\"#ageBand\"");
        assertThat(messages()).isEqualTo(1);
    }

    @Test
    void dangerWordsShowTheHelpFirstAndMarkTheMessageForToday() throws Exception {
        String thanks = thanks(mvc.perform(send("My mum's boyfriend hits me and I am scared to go home"))
                .andExpect(status().is3xxRedirection()).andReturn());
        int help = thanks.indexOf("If you or someone else is not safe right now");
        assertThat(help).isPositive().isLessThan(thanks.indexOf("<h1 class=\"govuk-panel__title\">Thank you, we got your message"));
        assertThat(thanks.indexOf("tel:999")).isLessThan(thanks.indexOf("<h1 class=\"govuk-panel__title\">"));
        assertThat(jdbc.sql("select needs_help_today from public_message").query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("select subject from outbox_message where created_by = 'tell us page'").query(String.class).list())
                .isNotEmpty().allMatch(s -> s.startsWith("Look at today"));

        String list = page(mvc.perform(get("/voice/messages").with(Requests.signedIn(users, "coordinator"))).andExpect(status().isOk()).andReturn());
        assertThat(list).contains("Look at today").contains("govuk-tag--red").contains("My mum&#39;s boyfriend hits me")
                .contains("1 new message").contains("1 to look at today");
    }

    @Test
    void theHoneypotStoresNothingButThanks() throws Exception {
        String thanks = thanks(mvc.perform(send("Buy cheap watches").param("website", "http://spam.example"))
                .andExpect(status().is3xxRedirection()).andReturn());
        assertThat(thanks).contains("Thank you, we got your message");
        String api = mvc.perform(Requests.json(post("/api/v1/public/feedback"), "{\"message\": \"Buy\", \"website\": \"x\"}")
                .with(from("198.51.100.3"))).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        assertThat(api).contains("\"received\":true");
        assertThat(messages()).isZero();
        assertThat(jdbc.sql("select count(*) from outbox_message where created_by = 'tell us page'").query(Integer.class).single()).isZero();
    }

    @Test
    void theTwentyFirstMessageFromOneAddressIsRefusedButASchoolNetworkSendingFiveIsNot() throws Exception {
        for (int i = 1; i <= 20; i++) {
            mvc.perform(post("/public/tell-us").with(csrf()).with(from("203.0.113.7")).param("message", "Message number " + i))
                    .andExpect(status().is3xxRedirection());
        }
        String refused = page(mvc.perform(post("/public/tell-us").with(csrf()).with(from("203.0.113.7"))
                .param("message", "Message number 21")).andExpect(status().isTooManyRequests()).andReturn());
        assertThat(refused).contains("We can't take more messages just now").contains("Message number 21").contains("0800 1111")
                .contains("tel:999");
        var api = mvc.perform(Requests.json(post("/api/v1/public/feedback"), "{\"message\": \"Message number 22\"}")
                .with(from("203.0.113.7"))).andExpect(status().isTooManyRequests()).andReturn().getResponse();
        assertThat(api.getContentType()).startsWith("application/problem+json");
        assertThat(api.getContentAsString()).contains("Too many messages").contains("0800 1111").doesNotContain("Message number");
        assertThat(messages()).isEqualTo(20);

        for (int i = 1; i <= 5; i++) {
            mvc.perform(post("/public/tell-us").with(csrf()).with(from("192.0.2.50")).param("message", "From our class, number " + i))
                    .andExpect(status().is3xxRedirection());
        }
        assertThat(messages()).isEqualTo(25);
    }

    @Test
    void aMessageIsKeptAndThankedWhenTellingTheCoordinatorFails(CapturedOutput output) throws Exception {
        doThrow(new IllegalStateException("mail server down")).when(outbox).send(anyLong(), anyString(), any(), anyString(), anyString());
        String thanks = thanks(mvc.perform(send("The buses at night feel unsafe " + "and nobody helps"))
                .andExpect(status().is3xxRedirection()).andReturn());
        assertThat(thanks).contains("Thank you, we got your message");
        assertThat(jdbc.sql("select words from public_message").query(String.class).single()).isEqualTo("The buses at night feel unsafe and nobody helps");
        assertThat(output.getAll()).contains("telling the coordinators failed").doesNotContain("The buses at night");

        String api = mvc.perform(Requests.json(post("/api/v1/public/feedback"), "{\"message\": \"More clubs please\"}")
                .with(from("198.51.100.9"))).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        assertThat(api).contains("\"received\":true");
        assertThat(messages()).isEqualTo(2);
    }

    @Test
    void theApiAnswers201WithHowToGetHelpAndNeverTheWords() throws Exception {
        String api = mvc.perform(Requests.json(post("/api/v1/public/feedback"),
                "{\"message\": \"Someone online said he is going to hurt me\", \"ageBand\": \"AGE_14_15\", \"topic\": null}")
                .with(from("198.51.100.4"))).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        assertThat(api).contains("\"received\":true").contains("\"helpFirst\":true").contains("\"phone\":\"999\"")
                .contains("\"phone\":\"0800 1111\"").contains("your council's children's services").contains("\"reference\":")
                .doesNotContain("going to hurt");
        assertThat(jdbc.sql("select needs_help_today from public_message").query(Boolean.class).single()).isTrue();

        String empty = mvc.perform(Requests.json(post("/api/v1/public/feedback"), "{\"ageBand\": \"AGE_14_15\"}")
                .with(from("198.51.100.4"))).andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(empty).contains("Please write what you want us to know");
        mvc.perform(Requests.json(post("/api/v1/public/feedback"), "{\"message\": \"Hi\", \"ageBand\": \"OLD\"}")
                .with(from("198.51.100.4"))).andExpect(status().isBadRequest());
    }

    @Test
    void onlyTheCoordinatorReadsTheMessages() throws Exception {
        mvc.perform(send("The youth centre closed and there is nowhere to go")).andExpect(status().is3xxRedirection());
        long id = jdbc.sql("select id from public_message").query(Long.class).single();
        for (String user : Requests.DEMO_USERS) {
            if (user.equals("coordinator")) {
                continue;
            }
            mvc.perform(get("/voice/messages").with(Requests.signedIn(users, user))).andExpect(status().isForbidden());
            String refused = page(mvc.perform(get("/voice/messages/" + id).with(Requests.signedIn(users, user)))
                    .andExpect(status().isForbidden()).andReturn());
            assertThat(refused).doesNotContain("nowhere to go");
            mvc.perform(post("/voice/messages/" + id + "/close").with(Requests.signedIn(users, user)).with(csrf()))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/voice/messages")).andExpect(status().is3xxRedirection());
        assertThat(page(mvc.perform(get("/voice/messages/" + id).with(Requests.signedIn(users, "coordinator"))).andExpect(status().isOk())
                .andReturn())).contains("The youth centre closed and there is nowhere to go").contains("Mark as seen");
    }

    @Test
    void anotherPartnershipSeesNothingAndThePublicPageAsksWhichAreaWhenThereAreTwo() throws Exception {
        long demo = jdbc.sql("select partnership_id from canopy_user where username = 'coordinator'").query(Long.class).single();
        mvc.perform(send("The youth centre closed and there is nowhere to go")).andExpect(status().is3xxRedirection());
        long id = jdbc.sql("select id from public_message").query(Long.class).single();
        jdbc.sql("insert into partnership (name, area) values ('Elsewhere tell us partnership', 'Elsewhere')").update();
        jdbc.sql("""
                insert into canopy_user (partnership_id, username, display_name, password_hash, role)
                select p.id, 'elsewhere-coordinator', 'Elsewhere coordinator', u.password_hash, 'ADMINISTRATOR'
                  from partnership p, canopy_user u where p.name = 'Elsewhere tell us partnership' and u.username = 'coordinator'""").update();
        String list = page(mvc.perform(get("/voice/messages").with(Requests.signedIn(users, "elsewhere-coordinator")))
                .andExpect(status().isOk()).andReturn());
        assertThat(list).contains("No messages yet").doesNotContain("nowhere to go");
        mvc.perform(get("/voice/messages/" + id).with(Requests.signedIn(users, "elsewhere-coordinator"))).andExpect(status().isNotFound());
        mvc.perform(post("/voice/messages/" + id + "/close").with(Requests.signedIn(users, "elsewhere-coordinator")).with(csrf()))
                .andExpect(status().isNotFound());

        assertThat(page(mvc.perform(get("/public/tell-us")).andReturn())).contains("We could not tell which area this page is for")
                .doesNotContain("<form").contains("0800 1111");
        assertThat(page(mvc.perform(get("/public/tell-us").param("partnership", String.valueOf(demo))).andReturn()))
                .contains("name=\"partnership\" value=\"" + demo + "\"");
        mvc.perform(send("A second message").param("partnership", String.valueOf(demo))).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from public_message where partnership_id = ?").param(demo).query(Integer.class).single()).isEqualTo(2);
        mvc.perform(Requests.json(post("/api/v1/public/feedback"), "{\"message\": \"Hi\"}").with(from("198.51.100.5")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theCoordinatorMarksSeenClosesOrAddsToTheLogAndTheAuditKeepsNoWords() throws Exception {
        mvc.perform(send("I wish the parks had better lights at night").param("ageBand", "AGE_16_17")).andExpect(status().is3xxRedirection());
        mvc.perform(send("We want more say in school")).andExpect(status().is3xxRedirection());
        List<Long> ids = jdbc.sql("select id from public_message order by id").query(Long.class).list();
        var coordinator = Requests.signedIn(users, "coordinator");

        mvc.perform(post("/voice/messages/" + ids.get(0) + "/seen").with(coordinator).with(csrf()).param("version", "0"))
                .andExpect(redirectedUrl("/voice/messages/" + ids.get(0)));
        assertThat(jdbc.sql("select status from public_message where id = ?").param(ids.get(0)).query(String.class).single()).isEqualTo("SEEN");
        String stale = page(mvc.perform(post("/voice/messages/" + ids.get(0) + "/close").with(coordinator).with(csrf()).param("version", "0"))
                .andExpect(status().isOk()).andReturn());
        assertThat(stale).contains("Someone else changed this message first");

        var added = mvc.perform(post("/voice/messages/" + ids.get(0) + "/add-to-log").with(coordinator).with(csrf()).param("version", "1")
                .param("words", "I wish the parks had better lights at night")).andExpect(status().is3xxRedirection()).andReturn();
        long feedbackId = jdbc.sql("select feedback_id from public_message where id = ?").param(ids.get(0)).query(Long.class).single();
        assertThat(added.getResponse().getRedirectedUrl()).isEqualTo("/voice/feedback/" + feedbackId);
        assertThat(jdbc.sql("select words, source, age_band from feedback where id = ?").param(feedbackId).query().singleRow())
                .containsEntry("words", "I wish the parks had better lights at night").containsEntry("source", "PUBLIC_PAGE")
                .containsEntry("age_band", "AGE_16_17");

        mvc.perform(post("/voice/messages/" + ids.get(1) + "/close").with(coordinator).with(csrf()).param("version", "0"))
                .andExpect(redirectedUrl("/voice/messages/" + ids.get(1)));
        String list = page(mvc.perform(get("/voice/messages").with(coordinator)).andReturn());
        assertThat(list).contains("0 new messages").contains("Added to the feedback log").contains("Closed");

        var audit = jdbc.sql("select action, summary, before_state, after_state from audit_event where record_type = 'public message'")
                .query().listOfRows();
        assertThat(audit).extracting(a -> a.get("action")).contains("received", "marked seen", "added to the feedback log", "closed");
        assertThat(audit).allSatisfy(a -> assertThat(a.toString()).doesNotContain("parks").doesNotContain("more say"));
    }
}
