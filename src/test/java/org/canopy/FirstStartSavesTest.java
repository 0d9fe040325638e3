package org.canopy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.zaxxer.hikari.HikariDataSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.canopy.governance.GroupFunction;
import org.canopy.governance.Groups;
import org.canopy.support.CanopyDatabaseTest;
import org.canopy.support.Requests;
import org.canopy.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Issue 20: on a database Canopy has just created, saves still succeed once the connection pool has retired every
 * connection it opened at start-up (HikariCP does so after its 30-minute maximum lifetime). On H2 2.4.240 a CHECK
 * constraint's {@code IN (...)} list kept the session that created it (the migrations' connection) and failed with
 * "The database has been closed" once that session was closed; this test retires the pool at once instead of waiting.
 */
@CanopyDatabaseTest
// A context of its own, so that the database really is new and the connections that created it are the ones retired.
@TestPropertySource(properties = "spring.datasource.hikari.pool-name=first-start")
class FirstStartSavesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    UserDetailsService users;

    @Autowired
    Groups groups;

    final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @AfterEach
    void cleanUp() {
        for (String table : List.of("meeting_attendance", "meeting_agenda_item", "meeting")) {
            jdbc.sql("delete from " + table).update();
        }
        jdbc.sql("delete from executive_escalation_step where escalation_id in (select id from executive_escalation where subject = ?)")
                .param(SUBJECT).update();
        jdbc.sql("delete from executive_escalation where subject = ?").param(SUBJECT).update();
        jdbc.sql("delete from risk where title = ?").param(RISK).update();
        jdbc.sql("delete from public_message").update();
    }

    static final String RISK = "Audits fall behind after the first start";
    static final String SUBJECT = "Saves after the pool retired its connections";

    @Test
    void everyModuleSavesAfterThePoolRetiresTheConnectionsThatCreatedTheDatabase() throws Exception {
        retireThePoolsConnections();

        long partnership = jdbc.sql("select partnership_id from canopy_user where username = 'viewer'").query(Long.class).single();
        long qa = groups.withFunction(partnership, GroupFunction.QUALITY_ASSURANCE).orElseThrow().id();

        // Risk: added, scored and reviewed (risk_status_check, the scores' checks).
        form("coordinator", "/risks").param("title", RISK).param("cause", "Staff moved to the Covid-19 response")
                .param("controls", "Monthly checks").param("cadence", "QUARTERLY").param("status", "OPEN").redirects();
        long risk = jdbc.sql("select id from risk where title = ?").param(RISK).query(Long.class).single();
        form("coordinator", "/risks/" + risk + "/scores").param("currentLikelihood", "3").param("currentImpact", "4")
                .param("why", "Scored after the first start").param("version", version("risk", risk)).redirects();
        form("coordinator", "/risks/" + risk + "/reviews").date("reviewedOn", today.toString()).param("note", "Reviewed")
                .param("currentLikelihood", "2").param("currentImpact", "4").param("version", version("risk", risk)).redirects();
        assertThat(page("viewer", "/risks/" + risk)).contains(RISK).contains("Reviewed");

        // A meeting's attendance.
        form("chair", "/groups/" + qa + "/meetings").date("date", today.toString()).param("startTime", "14:00")
                .param("place", "Online").redirects();
        long meeting = jdbc.sql("select max(id) from meeting").query(Long.class).single();
        form("chair", "/meetings/" + meeting + "/attendance").param("version", version("meeting", meeting))
                .param("attendance-" + userId("chair"), "PRESENT").redirects();
        assertThat(jdbc.sql("select status from meeting_attendance where meeting_id = ? and user_id = ?")
                .params(meeting, userId("chair")).query(String.class).single()).isEqualTo("PRESENT");

        // An escalation to the Executive.
        form("chair", "/governance/escalations").param("group", String.valueOf(qa)).param("subject", SUBJECT)
                .param("reason", "The pool retired every connection it opened at start-up.").redirects();
        assertThat(page("executive", "/governance/escalations")).contains(SUBJECT);

        // A child's message on the tell us page, stored before the thanks.
        MvcResult sent = mvc.perform(post("/public/tell-us").with(request -> {
            request.setRemoteAddr("198.51.100.20");
            return request;
        }).param("message", "The park needs more lights")).andReturn();
        assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo("/public/tell-us/thank-you");
        assertThat(jdbc.sql("select count(*) from public_message").query(Integer.class).single()).isEqualTo(1);
    }

    /** Closes every connection the pool holds, as HikariCP does to each after its maximum lifetime, and proves it did. */
    void retireThePoolsConnections() throws Exception {
        var pool = dataSource.unwrap(HikariDataSource.class);
        Set<String> before = TestDatabase.postgres() ? Set.of() : h2Sessions();
        pool.getHikariPoolMXBean().softEvictConnections();
        if (!TestDatabase.postgres()) {
            // None of the sessions that ran the migrations and loaded the demo is open now (H2 never reuses a session's
            // id); the pool may already have opened new ones to refill itself.
            assertThat(h2Sessions()).isNotEmpty().doesNotContainAnyElementsOf(before);
        }
    }

    Set<String> h2Sessions() {
        return Set.copyOf(jdbc.sql("select cast(session_id as varchar) from information_schema.sessions").query(String.class).list());
    }

    String version(String table, long id) {
        return String.valueOf(jdbc.sql("select version from " + table + " where id = ?").param(id).query(Integer.class).single());
    }

    long userId(String username) {
        return jdbc.sql("select id from canopy_user where username = ?").param(username).query(Long.class).single();
    }

    String page(String user, String path) throws Exception {
        return mvc.perform(get(path).with(Requests.signedIn(users, user))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    Form form(String user, String path) {
        return new Form(post(path).with(Requests.signedIn(users, user)).with(csrf()));
    }

    /** A signed-in form post that must succeed with a redirect, as a saved form does. */
    final class Form {
        private final org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request;

        Form(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) {
            this.request = request;
        }

        Form param(String name, String value) {
            request.param(name, value);
            return this;
        }

        Form date(String name, String iso) {
            request.with(Requests.date(name, iso));
            return this;
        }

        void redirects() throws Exception {
            mvc.perform(request).andExpect(status().is3xxRedirection());
        }
    }
}
