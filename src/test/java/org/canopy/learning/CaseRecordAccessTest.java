package org.canopy.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDateTime;
import java.util.List;
import org.canopy.governance.Groups;
import org.canopy.support.CanopyDatabaseTest;
import org.canopy.support.Requests;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * Case records are need-to-know: the administrator, the executive, the independent scrutineer and the Rapid Review
 * Panel's members read incidents, rapid reviews and local reviews, on pages and over the API; every other role is
 * refused (403), a record that does not exist or is another partnership's is not found (404) for everyone, and the
 * deadlines page, the calendar feed and the hub show the others a case's dates without its pseudonym.
 */
@CanopyDatabaseTest
class CaseRecordAccessTest {

    /** Roles that read case records: the demo's, and a contributor who sits on the Rapid Review Panel. */
    static final List<String> READERS = List.of("coordinator", "executive", "scrutineer", "panelmember");
    /** Roles that see the learning only: the demo's, a young scrutineer, and a group chair who is not on the panel. */
    static final List<String> OTHERS = List.of("police", "health", "council", "viewer", "youngscrutineer", "otherchair");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    UserDetailsService users;

    @Autowired
    Groups groups;

    long id;
    long partnership;

    @BeforeEach
    void recordACase() throws Exception {
        partnership = jdbc.sql("select partnership_id from canopy_user where username = 'viewer'").query(Long.class).single();
        person("panelmember", "Pat Panel", "AGENCY_CONTRIBUTOR");
        person("youngscrutineer", "Young Scrutineer", "YOUNG_SCRUTINEER");
        person("otherchair", "Quinn Chair", "GROUP_CHAIR");
        long panel = groups.byName(partnership, "Rapid Review Panel").orElseThrow().id();
        long qa = groups.byName(partnership, "Quality Assurance and Performance Group").orElseThrow().id();
        groups.addMember(partnership, "test", panel, userId("panelmember"));
        groups.addMember(partnership, "test", qa, userId("otherchair"));
        var created = mvc.perform(Requests.json(post("/api/v1/incidents"), """
                {"pseudonym": "Child W", "awareDate": "2021-03-01", "summary": "Scalded in the kitchen",
                 "criteria": ["CHILD_DIED_OR_SERIOUSLY_HARMED"]}""").with(Requests.user("coordinator")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        id = json.readTree(created).get("id").asLong();
    }

    @AfterEach
    void restoreDemo() {
        String mine = "(select id from serious_incident where created_by <> 'demo')";
        jdbc.sql("delete from rapid_review where incident_id in " + mine).update();
        jdbc.sql("delete from serious_incident where created_by <> 'demo'").update();
        jdbc.sql("delete from learning_calendar_feed").update();
        jdbc.sql("delete from group_member where user_id in (select id from canopy_user where username in"
                + " ('panelmember', 'youngscrutineer', 'otherchair'))").update();
        jdbc.sql("delete from canopy_user where username in ('panelmember', 'youngscrutineer', 'otherchair')").update();
        jdbc.sql("delete from partnership where name = 'Elsewhere Partnership'").update();
    }

    @Test
    void readersSeeTheCaseOnPagesAndOverTheApi() throws Exception {
        long demo = jdbc.sql("select id from serious_incident where created_by = 'demo'").query(Long.class).single();
        for (String user : READERS) {
            mvc.perform(get("/learning/incidents").with(Requests.signedIn(users, user))).andExpect(status().isOk())
                    .andExpect(content().string(Matchers.containsString("Child W")));
            mvc.perform(get("/learning/incidents/" + id).with(Requests.signedIn(users, user))).andExpect(status().isOk())
                    .andExpect(content().string(Matchers.containsString("Scalded in the kitchen")));
            mvc.perform(get("/learning/incidents/" + demo + "/local-review").with(Requests.signedIn(users, user)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(Matchers.containsString("A senior Safeguarding Manager in the Clinical Commissioning Group")));
            mvc.perform(get("/api/v1/incidents").with(Requests.user(user))).andExpect(status().isOk())
                    .andExpect(jsonPath("$[?(@.id == " + id + ")].summary").value("Scalded in the kitchen"));
            mvc.perform(get("/api/v1/incidents/" + id).with(Requests.user(user))).andExpect(status().isOk())
                    .andExpect(jsonPath("$.pseudonym").value("Child W"));
            mvc.perform(get("/learning").with(Requests.signedIn(users, user)))
                    .andExpect(content().string(Matchers.containsString("Serious incidents and reviews")));
        }
    }

    @Test
    void everyoneElseIsRefusedTheCaseButSeesTheLearning() throws Exception {
        long demo = jdbc.sql("select id from serious_incident where created_by = 'demo'").query(Long.class).single();
        for (String user : OTHERS) {
            mvc.perform(get("/learning/incidents").with(Requests.signedIn(users, user))).andExpect(status().isForbidden());
            mvc.perform(get("/learning/incidents/" + id).with(Requests.signedIn(users, user))).andExpect(status().isForbidden())
                    .andExpect(content().string(Matchers.not(Matchers.containsString("Child W"))));
            mvc.perform(get("/learning/incidents/" + demo + "/local-review").with(Requests.signedIn(users, user)))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/api/v1/incidents").with(Requests.user(user))).andExpect(status().isForbidden())
                    .andExpect(content().string(Matchers.not(Matchers.containsString("Child W"))));
            mvc.perform(get("/api/v1/incidents/" + id).with(Requests.user(user))).andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.status").value(403));
            mvc.perform(get("/learning").with(Requests.signedIn(users, user))).andExpect(status().isOk())
                    .andExpect(content().string(Matchers.not(Matchers.containsString("Serious incidents and reviews"))))
                    .andExpect(content().string(Matchers.containsString("Learning library")));
            mvc.perform(get("/learning/library").with(Requests.signedIn(users, user))).andExpect(status().isOk())
                    .andExpect(content().string(Matchers.containsString("Serious case review")));
            mvc.perform(get("/learning/action-plan").with(Requests.signedIn(users, user))).andExpect(status().isOk());
        }
    }

    @Test
    void aRecordThatIsNotThereOrIsAnotherPartnershipsIsNotFoundForEveryone() throws Exception {
        long missing = id + 1000;
        long elsewhere = otherPartnershipsIncident();
        for (String user : concat(READERS, OTHERS)) {
            for (long absent : new long[] {missing, elsewhere}) {
                mvc.perform(get("/learning/incidents/" + absent).with(Requests.signedIn(users, user))).andExpect(status().isNotFound());
                mvc.perform(get("/learning/incidents/" + absent + "/local-review").with(Requests.signedIn(users, user)))
                        .andExpect(status().isNotFound());
                mvc.perform(get("/learning/incidents/" + absent + "/rapid-review").with(Requests.signedIn(users, user)))
                        .andExpect(status().isNotFound());
                mvc.perform(get("/api/v1/incidents/" + absent).with(Requests.user(user))).andExpect(status().isNotFound())
                        .andExpect(content().string(Matchers.not(Matchers.containsString("Elsewhere child"))));
                mvc.perform(post("/learning/incidents/" + absent + "/rapid-review").with(Requests.signedIn(users, user)).with(csrf())
                        .param("version", "-1")).andExpect(status().isNotFound());
            }
        }
        mvc.perform(get("/api/v1/incidents").with(Requests.user("coordinator")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Elsewhere child"))));
    }

    @Test
    void theDeadlinesPageAndCalendarShowOthersTheDateWithoutTheCase() throws Exception {
        // Aware Mon 1 Mar 2021: the national panel is to be notified by Mon 8 Mar.
        for (String user : OTHERS) {
            mvc.perform(get("/learning/deadlines").with(Requests.signedIn(users, user))).andExpect(status().isOk())
                    .andExpect(content().string(Matchers.containsString("8 March 2021")))
                    .andExpect(content().string(Matchers.containsString("Serious incident " + id + " (case record restricted)")))
                    .andExpect(content().string(Matchers.not(Matchers.containsString("Child W"))))
                    .andExpect(content().string(Matchers.not(Matchers.containsString("href=\"/learning/incidents/" + id + "\""))));
        }
        for (String user : READERS) {
            mvc.perform(get("/learning/deadlines").with(Requests.signedIn(users, user)))
                    .andExpect(content().string(Matchers.containsString("href=\"/learning/incidents/" + id + "\"")))
                    .andExpect(content().string(Matchers.containsString("Child W")));
        }
        assertThat(feed("viewer")).contains("SUMMARY:Notify the national panel: Serious incident " + id + "\r\n")
                .doesNotContain("Child W").doesNotContain("/learning/incidents/" + id);
        assertThat(feed("panelmember")).contains("SUMMARY:Notify the national panel: Child W\r\n");
        // The feed follows its owner's access today: off the panel, the pseudonym goes.
        jdbc.sql("delete from group_member where user_id = ?").param(userId("panelmember")).update();
        assertThat(feed("panelmember")).doesNotContain("Child W");
    }

    /** The calendar feed of a person (made for them if they have none, replacing any earlier address). */
    String feed(String user) throws Exception {
        var made = mvc.perform(post("/learning/calendar").with(Requests.signedIn(users, user)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        String url = (String) made.getFlashMap().get("feedUrl");
        return mvc.perform(get(url.substring(url.indexOf("/learning/calendar/")))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    long otherPartnershipsIncident() {
        jdbc.sql("insert into partnership (name, area) values ('Elsewhere Partnership', 'Elsewhere')").update();
        long other = jdbc.sql("select id from partnership where name = 'Elsewhere Partnership'").query(Long.class).single();
        jdbc.sql("insert into serious_incident (partnership_id, pseudonym, created_by, created_at) values (?, 'Elsewhere child', 'test', ?)")
                .params(other, LocalDateTime.now()).update();
        return jdbc.sql("select id from serious_incident where partnership_id = ?").param(other).query(Long.class).single();
    }

    void person(String username, String name, String role) {
        jdbc.sql("""
                insert into canopy_user (partnership_id, username, display_name, password_hash, role)
                select partnership_id, ?, ?, password_hash, ? from canopy_user where username = 'viewer'""")
                .params(username, name, role).update();
    }

    long userId(String username) {
        return jdbc.sql("select id from canopy_user where username = ?").param(username).query(Long.class).single();
    }

    static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
