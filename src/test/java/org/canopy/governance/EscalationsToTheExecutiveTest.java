package org.canopy.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
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
 * Escalations to the executive: the quality assurance group's chair escalates, the executive's agenda and overview list
 * it, only the executive and the administrator decide, the decision comes back to the group as an outcome; a figure
 * escalated from the dashboard is one of them; identifiers and stale versions are refused with nothing saved; another
 * partnership sees nothing.
 */
@CanopyDatabaseTest
class EscalationsToTheExecutiveTest {

    static final String SUBJECT = "Neglect audit findings";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JsonMapper json;

    @Autowired
    Groups groups;

    @Autowired
    List<GroupBusiness> business;

    long partnership;
    GroupSummary qa;
    GroupSummary executive;

    @BeforeEach
    void demo() {
        partnership = jdbc.sql("select partnership_id from canopy_user where username = 'viewer'").query(Long.class).single();
        qa = groups.withFunction(partnership, GroupFunction.QUALITY_ASSURANCE).orElseThrow();
        executive = groups.withFunction(partnership, GroupFunction.EXECUTIVE).orElseThrow();
    }

    @AfterEach
    void restoreDemo() throws InterruptedException {
        // The executive's message is sent on its own after the commit: let it land before the outbox is emptied.
        for (int tries = 0; tries < 50 && jdbc.sql("select count(*) from event_publication where completion_date is null")
                .query(Integer.class).single() > 0; tries++) {
            Thread.sleep(100);
        }
        jdbc.sql("delete from escalation_event").update();
        jdbc.sql("delete from escalation").update();
        jdbc.sql("delete from executive_escalation_step").update();
        jdbc.sql("delete from executive_escalation").update();
        jdbc.sql("delete from outbox_message").update();
        jdbc.sql("delete from executive_key_points").update();
        jdbc.sql("delete from group_member where user_id in (select id from canopy_user where username in ('youngscrutineer', 'elsewhere'))").update();
        jdbc.sql("delete from canopy_user where username in ('youngscrutineer', 'elsewhere')").update();
        jdbc.sql("delete from partnership where name = 'Elsewhere Partnership'").update();
    }

    long raiseAsChair() throws Exception {
        mvc.perform(post("/governance/escalations").with(Requests.signedIn(users, "chair")).with(csrf())
                        .param("group", String.valueOf(qa.id())).param("subject", SUBJECT)
                        .param("reason", "Plans for neglect stay at 77 per cent and the group cannot resource an audit."))
                .andExpect(status().is3xxRedirection());
        return jdbc.sql("select id from executive_escalation where subject = ?").param(SUBJECT).query(Long.class).single();
    }

    List<BusinessEntry> businessOf(GroupSummary group) {
        return business.stream().flatMap(b -> b.businessOf(partnership, group, LocalDate.now()).stream()).toList();
    }

    @Test
    void theChairEscalatesAndTheExecutiveDecides() throws Exception {
        mvc.perform(get("/governance/escalations/new").param("group", String.valueOf(qa.id())).with(Requests.signedIn(users, "chair")))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("Quality Assurance and Performance Group")));
        long id = raiseAsChair();

        assertThat(businessOf(executive)).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("ESCALATION");
            assertThat(e.section()).isEqualTo("Escalations to the Executive");
            assertThat(e.title()).contains(SUBJECT);
            assertThat(e.forAgenda()).isTrue();
        });
        assertThat(businessOf(qa)).anySatisfy(e -> {
            assertThat(e.title()).isEqualTo(SUBJECT);
            assertThat(e.forAgenda()).isFalse();
        });
        mvc.perform(get("/governance/executive").with(Requests.signedIn(users, "executive"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(SUBJECT)))
                .andExpect(content().string(Matchers.containsString("On the agenda")));
        mvc.perform(get("/governance/escalations").with(Requests.signedIn(users, "viewer"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(SUBJECT)));

        String decide = "/governance/escalations/" + id + "/decision";
        for (String refused : List.of("chair", "viewer", "scrutineer")) {
            mvc.perform(post(decide).with(Requests.signedIn(users, refused)).with(csrf()).param("decision", "x").param("version", "0"))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/governance/escalations/" + id).with(Requests.signedIn(users, "executive")))
                .andExpect(content().string(Matchers.containsString("Record the executive's decision")));
        mvc.perform(post(decide).with(Requests.signedIn(users, "executive")).with(csrf()).param("decision", "Commission a multi-agency neglect audit.")
                .param("actions", "The group reports its findings next quarter.").param("version", "0"))
                .andExpect(status().is3xxRedirection());

        assertThat(businessOf(qa)).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("ESCALATION_OUTCOME");
            assertThat(e.section()).isEqualTo("Escalation outcomes");
            assertThat(e.title()).contains("Commission a multi-agency neglect audit.");
            assertThat(e.forAgenda()).isTrue();
        });
        assertThat(businessOf(executive)).anySatisfy(e -> {
            assertThat(e.title()).contains(SUBJECT);
            assertThat(e.forAgenda()).isFalse();
        });
        mvc.perform(get("/governance/escalations/" + id).with(Requests.signedIn(users, "viewer"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Commission a multi-agency neglect audit.")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Record the executive's decision"))));

        // A stale version is refused: nothing changes.
        mvc.perform(post("/governance/escalations/" + id + "/close").with(Requests.signedIn(users, "chair")).with(csrf())
                        .param("note", "Audit done.").param("version", "0"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("Someone else changed this escalation")));
        assertThat(stored(id)).isEqualTo("DECIDED");
        mvc.perform(post("/governance/escalations/" + id + "/close").with(Requests.signedIn(users, "chair")).with(csrf())
                .param("note", "Audit done and reported.").param("version", "1")).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select status from executive_escalation_step where escalation_id = ? order by id").param(id)
                .query(String.class).list()).containsExactly("OPEN", "DECIDED", "CLOSED");
        assertThat(businessOf(qa)).noneSatisfy(e -> assertThat(e.title()).contains(SUBJECT));
        assertThat(messagesToTheExecutive()).singleElement().satisfies(subject -> assertThat(subject)
                .isEqualTo("Quality Assurance and Performance Group escalated an item to the Executive"));
        assertThat(jdbc.sql("select count(*) from audit_event where record_type = 'executive-escalation' and record_id = ?")
                .param(String.valueOf(id)).query(Integer.class).single()).isEqualTo(3);
    }

    /** The messages to the executive, once the listener (which runs on its own after the commit) has sent them. */
    List<String> messagesToTheExecutive() throws InterruptedException {
        for (int tries = 0; tries < 50; tries++) {
            var subjects = jdbc.sql("""
                    select m.subject from outbox_message m join canopy_user u on u.id = m.recipient_id
                    where u.username = 'executive'""").query(String.class).list();
            if (!subjects.isEmpty()) {
                return subjects;
            }
            Thread.sleep(100);
        }
        return List.of();
    }

    String stored(long id) {
        return jdbc.sql("select status from executive_escalation where id = ?").param(id).query(String.class).single();
    }

    @Test
    void identifiersAreRefusedWithNothingSaved() throws Exception {
        mvc.perform(post("/governance/escalations").with(Requests.signedIn(users, "chair")).with(csrf())
                        .param("group", String.valueOf(qa.id())).param("subject", "Email jo@example.org")
                        .param("reason", "The family at E1 6AN"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("The subject contains what looks like an email address")))
                .andExpect(content().string(Matchers.containsString("The reason contains what looks like a postcode")));
        assertThat(jdbc.sql("select count(*) from executive_escalation").query(Integer.class).single()).isZero();
        long id = raiseAsChair();
        mvc.perform(post("/governance/escalations/" + id + "/decision").with(Requests.signedIn(users, "executive")).with(csrf())
                        .param("decision", "Ring 07700 900123").param("version", "0"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("looks like a phone number")));
        assertThat(stored(id)).isEqualTo("OPEN");
        assertThat(jdbc.sql("select count(*) from executive_escalation_step where escalation_id = ?").param(id)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void theApiListsAndRaisesAsApiMdSays() throws Exception {
        String body = "{\"fromGroupId\": " + qa.id() + ", \"subject\": \"" + SUBJECT + "\", \"reason\": \"No audit capacity.\"}";
        mvc.perform(Requests.json(post("/api/v1/escalations"), body).with(Requests.user("viewer"))).andExpect(status().isForbidden());
        mvc.perform(Requests.json(post("/api/v1/escalations"), "{\"fromGroupId\": " + qa.id() + ", \"subject\": \"\", \"reason\": \"x\"}")
                .with(Requests.user("chair"))).andExpect(status().isBadRequest());
        var created = mvc.perform(Requests.json(post("/api/v1/escalations"), body).with(Requests.user("chair")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.fromGroupId").value(qa.id()))
                .andExpect(jsonPath("$.status").value("OPEN")).andReturn().getResponse().getContentAsString();
        long id = json.readTree(created).get("id").asLong();
        mvc.perform(get("/api/v1/escalations").with(Requests.user("scrutineer"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + id + ")].subject").value(SUBJECT))
                .andExpect(jsonPath("$[?(@.id == " + id + ")].reason").value("No audit capacity."))
                .andExpect(jsonPath("$[?(@.id == " + id + ")].decision").value(Matchers.contains((Object) null)));
        mvc.perform(get("/governance/escalations.csv").with(Requests.signedIn(users, "viewer"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Quality Assurance and Performance Group")))
                .andExpect(content().string(Matchers.containsString("No audit capacity.")));
        mvc.perform(get("/governance/escalations.xlsx").with(Requests.signedIn(users, "viewer"))).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Content-Disposition", Matchers.containsString(".xlsx")));
    }

    @Test
    void aFigureEscalatedFromTheDashboardIsAnEscalationToTheExecutive() throws Exception {
        mvc.perform(post("/dashboard/indicators/CP_COUNT/escalations").with(Requests.signedIn(users, "chair")).with(csrf())
                .param("period", "2020-21").param("reason", "Plans rose while neglect stays at 77 per cent."))
                .andExpect(status().is3xxRedirection());
        long data = jdbc.sql("select id from escalation").query(Long.class).single();
        long id = jdbc.sql("select governance_escalation_id from escalation where id = ?").param(data).query(Long.class).single();
        assertThat(jdbc.sql("select kind || ' ' || source_ref || ' ' || from_group_id from executive_escalation where id = ?")
                .param(id).query(String.class).single()).isEqualTo("FIGURES /data/escalations/" + data + " " + qa.id());
        mvc.perform(get("/governance/executive").with(Requests.signedIn(users, "executive")))
                .andExpect(content().string(Matchers.containsString("(2020-21)")));
        mvc.perform(post("/governance/escalations/" + id + "/decision").with(Requests.signedIn(users, "executive")).with(csrf())
                .param("decision", "Commission a neglect audit.").param("version", "0")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/data/escalations/" + data).with(Requests.signedIn(users, "viewer"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Commission a neglect audit.")))
                .andExpect(content().string(Matchers.containsString("Decided: actions under way")))
                .andExpect(content().string(Matchers.containsString("/governance/escalations/" + id)));
        // Closing on the data page closes the governance escalation: both agree.
        mvc.perform(post("/data/escalations/" + data + "/close").with(Requests.signedIn(users, "chair")).with(csrf())
                .param("note", "Audit done.").param("version", "1")).andExpect(status().is3xxRedirection());
        assertThat(stored(id)).isEqualTo("CLOSED");
        mvc.perform(get("/governance/escalations/" + id).with(Requests.signedIn(users, "viewer")))
                .andExpect(content().string(Matchers.containsString("Audit done.")));
    }

    @Test
    void aYoungScrutineerDoesNotReadTheExecutivesOverview() throws Exception {
        String demoPassword = jdbc.sql("select password_hash from canopy_user where username = 'viewer'").query(String.class).single();
        jdbc.sql("""
                insert into canopy_user (partnership_id, username, display_name, password_hash, role)
                values (?, 'youngscrutineer', 'Young Scrutineer', ?, 'YOUNG_SCRUTINEER')""").params(partnership, demoPassword).update();
        long id = raiseAsChair();
        mvc.perform(get("/governance/executive").with(Requests.signedIn(users, "youngscrutineer"))).andExpect(status().isForbidden());
        mvc.perform(get("/governance/escalations/" + id).with(Requests.signedIn(users, "youngscrutineer"))).andExpect(status().isNotFound());
        mvc.perform(get("/governance/executive").with(Requests.signedIn(users, "scrutineer"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(SUBJECT)));
    }

    @Test
    void anotherPartnershipSeesNothing() throws Exception {
        long id = raiseAsChair();
        jdbc.sql("insert into partnership (name, area) values ('Elsewhere Partnership', 'Elsewhere')").update();
        long other = jdbc.sql("select id from partnership where name = 'Elsewhere Partnership'").query(Long.class).single();
        String demoPassword = jdbc.sql("select password_hash from canopy_user where username = 'viewer'").query(String.class).single();
        jdbc.sql("""
                insert into canopy_user (partnership_id, username, display_name, password_hash, role)
                values (?, 'elsewhere', 'Elsewhere administrator', ?, 'ADMINISTRATOR')""").params(other, demoPassword).update();
        mvc.perform(get("/governance/escalations/" + id).with(Requests.signedIn(users, "elsewhere"))).andExpect(status().isNotFound());
        mvc.perform(post("/governance/escalations/" + id + "/decision").with(Requests.signedIn(users, "elsewhere")).with(csrf())
                .param("decision", "x").param("version", "0")).andExpect(status().isNotFound());
        mvc.perform(get("/governance/escalations").with(Requests.signedIn(users, "elsewhere"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString(SUBJECT))));
        mvc.perform(get("/governance/executive").with(Requests.signedIn(users, "elsewhere"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString(SUBJECT))));
        mvc.perform(get("/api/v1/escalations").with(Requests.user("elsewhere"))).andExpect(status().isOk())
                .andExpect(jsonPath("$").isEmpty());
        mvc.perform(Requests.json(post("/api/v1/escalations"), "{\"fromGroupId\": " + qa.id() + ", \"subject\": \"s\", \"reason\": \"r\"}")
                .with(Requests.user("elsewhere"))).andExpect(status().isNotFound());
        assertThat(stored(id)).isEqualTo("OPEN");
    }

    @Test
    void theExecutivesKeyPointsAreSentToPartnersAndKeptOnTheNewsPage() throws Exception {
        mvc.perform(post("/news").with(Requests.signedIn(users, "chair")).with(csrf()).with(Requests.date("meetingDate", "2021-04-27"))
                .param("title", "April meeting").param("points", "x")).andExpect(status().isForbidden());
        mvc.perform(post("/news").with(Requests.signedIn(users, "executive")).with(csrf()).with(Requests.date("meetingDate", "2021-04-27"))
                        .param("title", "April meeting").param("points", "Call jo@example.org"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("looks like an email address")));
        assertThat(jdbc.sql("select count(*) from executive_key_points").query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from outbox_message").query(Integer.class).single()).isZero();
        mvc.perform(post("/news").with(Requests.signedIn(users, "executive")).with(csrf()).with(Requests.date("meetingDate", "2021-04-27"))
                        .param("title", "April meeting").param("points", "The Executive commissioned a neglect audit."))
                .andExpect(status().is3xxRedirection());
        int people = jdbc.sql("select count(*) from canopy_user where partnership_id = ? and enabled").param(partnership)
                .query(Integer.class).single();
        assertThat(jdbc.sql("select count(*) from outbox_message where subject = 'Key discussion points: April meeting'")
                .query(Integer.class).single()).isEqualTo(people);
        mvc.perform(get("/news").with(Requests.signedIn(users, "viewer"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("The Executive commissioned a neglect audit.")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Publish and send"))));
    }
}
