package org.canopy.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import org.canopy.support.CanopyDatabaseTest;
import org.canopy.support.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * NUL characters and lone surrogates are refused at the edge, naming the field, on every way in: JSON read into a
 * record or a tree (nested too), form fields, query parameters and files of figures; nothing is stored. On PostgreSQL
 * (this test runs there too) a NUL reaching the database was a 500; a character outside the basic plane is kept.
 */
@CanopyDatabaseTest
class StorableTextTest {

    static final String NUL = "\\u0000";
    static final String LONE = "\\ud800";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    UserDetailsService users;

    @AfterEach
    void cleanUp() {
        jdbc.sql("delete from public_message").update();
        jdbc.sql("delete from outbox_message where created_by = 'tell us page'").update();
    }

    private String field(MvcResult result) throws Exception {
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        return json.readTree(result.getResponse().getContentAsString()).get("errors").get(0).get("field").asString();
    }

    private int messages() {
        return jdbc.sql("select count(*) from public_message").query(Integer.class).single();
    }

    private int escalations() {
        return jdbc.sql("select count(*) from executive_escalation").query(Integer.class).single();
    }

    @Test
    void jsonTextWithANulOrALoneSurrogateIsA400NamingTheField() throws Exception {
        long group = jdbc.sql("select min(id) from partnership_group").query(Long.class).single();
        int before = escalations();
        int messages = messages();
        for (String bad : new String[] {NUL, LONE}) {
            var record = mvc.perform(Requests.json(post("/api/v1/escalations"), "{\"fromGroupId\": " + group
                    + ", \"subject\": \"Late " + bad + "figures\", \"reason\": \"A reason\"}").with(Requests.user("coordinator"))).andReturn();
            assertThat(field(record)).isEqualTo("subject");
            var tree = mvc.perform(Requests.json(post("/api/v1/public/feedback"), "{\"message\": \"The park" + bad + "\"}")
                    .with(r -> {
                        r.setRemoteAddr("192.0.2.77");
                        return r;
                    })).andReturn();
            assertThat(field(tree)).isEqualTo("message");
            assertThat(json.readTree(tree.getResponse().getContentAsString()).get("detail").asString()).startsWith("\"message\" holds a");
        }
        long round = jdbc.sql("select min(id) from data_round").query(Long.class).single();
        long council = jdbc.sql("select agency_id from canopy_user where username = 'council'").query(Long.class).single();
        var nested = mvc.perform(Requests.json(put("/api/v1/data-rounds/" + round + "/submission?agency=" + council),
                "{\"figures\": [{\"indicator\": \"X\", \"value\": \"1\", \"narrative\": \"a" + NUL + "\"}]}")
                .with(Requests.user("coordinator"))).andReturn();
        assertThat(field(nested)).isEqualTo("figures[0].narrative");
        assertThat(escalations()).isEqualTo(before);
        assertThat(messages()).isEqualTo(messages);
    }

    @Test
    void aFormFieldOrQueryParameterWithANulIsRefusedBeforeAnyControllerSeesIt() throws Exception {
        int messages = messages();
        var page = mvc.perform(post("/public/tell-us").with(csrf()).param("message", "The park\u0000 at night")
                .with(r -> {
                    r.setRemoteAddr("192.0.2.78");
                    return r;
                })).andReturn();
        assertThat(page.getResponse().getStatus()).isEqualTo(400);
        assertThat(page.getResponse().getErrorMessage()).isEqualTo(
                "\"message\" holds a NUL character (a zero byte), which is not text: remove it");
        assertThat(messages()).isEqualTo(messages);

        var query = mvc.perform(get("/api/v1/feedback").param("theme", "\ud800").with(Requests.user("viewer"))).andReturn();
        assertThat(field(query)).isEqualTo("theme");
    }

    @Test
    void aFileOfFiguresWithANulIsRefusedNamingTheColumnAndRow() throws Exception {
        String csv = "indicator,period,area,value,narrative\nCIN_COUNT,2016-17,Tower Hamlets,2810,Ste\u0000ady\n";
        var page = mvc.perform(multipart("/dashboard/import").file(new MockMultipartFile("file", "figures.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8))).with(csrf()).with(Requests.signedIn(users, "police"))).andReturn();
        assertThat(page.getResponse().getStatus()).isEqualTo(400);
        assertThat(page.getResponse().getContentAsString()).contains(
                "Row 2: A cell of the narrative column holds a NUL character (a zero byte), which is not text: remove it");
    }

    @Test
    void aCharacterOutsideTheBasicPlaneIsKept() throws Exception {
        var sent = mvc.perform(Requests.json(post("/api/v1/public/feedback"), "{\"message\": \"I like the new park \uD83D\uDE42\"}")
                .with(r -> {
                    r.setRemoteAddr("192.0.2.79");
                    return r;
                })).andReturn();
        assertThat(sent.getResponse().getStatus()).isEqualTo(201);
        assertThat(jdbc.sql("select words from public_message where words like 'I like the new park%'").query(String.class).single())
                .isEqualTo("I like the new park \uD83D\uDE42");
    }
}
