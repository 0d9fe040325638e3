package org.canopy.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.canopy.support.CanopyDatabaseTest;
import org.canopy.support.Requests;
import org.canopy.support.Workbooks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The rapid review panel's escalations are the panel's records wherever they are shown: its members, the executive, the
 * scrutineer and the administrator read the subject and reason on the Executive's group page, its overview, its
 * meeting's agenda (before and after it is held), the pack and the API, and on the escalations' list and downloads;
 * every other role (contributors, chairs, the viewer, a young scrutineer) reads none of it; the Executive's email says
 * only that the panel escalated and where to read it.
 */
@CanopyDatabaseTest
class PanelEscalationReadersTest {

    static final String SUBJECT = "Pseudonym Kestrel: strategy discussion not held";
    static final String REASON = "Agencies were not invited to the strategy discussion within the day.";
    static final String OUTCOME = "The Executive asks for a single-agency review from social care.";

    /** Every role of the demo, a member of the panel and a young scrutineer. */
    static final List<String> EVERYONE = List.of("coordinator", "executive", "police", "health", "council", "chair", "scrutineer", "viewer",
            "panelmember", "youngreader");
    static final List<String> READERS = List.of("coordinator", "executive", "scrutineer", "panelmember");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    Groups groups;

    long partnership;
    long panel;
    long executive;
    long meeting;
    long escalation;

    @BeforeEach
    void aPanelMemberEscalatesAndTheExecutiveMeetsToday() throws Exception {
        partnership = jdbc.sql("select partnership_id from canopy_user where username = 'viewer'").query(Long.class).single();
        panel = groups.withFunction(partnership, GroupFunction.RAPID_REVIEW_PANEL).orElseThrow().id();
        executive = groups.withFunction(partnership, GroupFunction.EXECUTIVE).orElseThrow().id();
        long priority = groups.all(partnership).stream().filter(g -> g.type() == GroupType.PRIORITY_GROUP).findFirst().orElseThrow().id();
        for (String[] account : List.of(new String[] {"panelmember", "Panel member", "AGENCY_CONTRIBUTOR"},
                new String[] {"youngreader", "Robin", "YOUNG_SCRUTINEER"})) {
            jdbc.sql("""
                    insert into canopy_user (partnership_id, username, display_name, password_hash, role, agency_id)
                    select partnership_id, ?, ?, password_hash, ?, (select agency_id from canopy_user where username = 'health')
                    from canopy_user where username = 'viewer'""").params(account[0], account[1], account[2]).update();
        }
        groups.addMember(partnership, "test", panel, userId("panelmember"));
        groups.addMember(partnership, "test", priority, userId("youngreader"), MemberRole.YOUNG_SCRUTINEER);

        mvc.perform(post("/governance/escalations").with(Requests.signedIn(users, "panelmember")).with(csrf())
                .param("group", String.valueOf(panel)).param("subject", SUBJECT).param("reason", REASON))
                .andExpect(status().is3xxRedirection());
        escalation = jdbc.sql("select id from executive_escalation where subject = ?").param(SUBJECT).query(Long.class).single();
        mvc.perform(post("/groups/" + executive + "/meetings").with(Requests.signedIn(users, "coordinator")).with(csrf())
                .with(Requests.date("date", LocalDate.now(ZoneOffset.UTC).toString())).param("place", "Online"))
                .andExpect(status().is3xxRedirection());
        meeting = jdbc.sql("select max(id) from meeting where group_id = ?").param(executive).query(Long.class).single();
    }

    @AfterEach
    void restoreDemo() throws InterruptedException {
        for (int tries = 0; tries < 50 && jdbc.sql("select count(*) from event_publication where completion_date is null")
                .query(Integer.class).single() > 0; tries++) {
            Thread.sleep(100);
        }
        for (String table : List.of("meeting_attendance", "meeting_agenda_item", "meeting", "outbox_message")) {
            jdbc.sql("delete from " + table).update();
        }
        jdbc.sql("delete from executive_escalation_step where escalation_id = ?").param(escalation).update();
        jdbc.sql("delete from executive_escalation where id = ?").param(escalation).update();
        jdbc.sql("delete from group_member where user_id in (select id from canopy_user where username in ('panelmember', 'youngreader'))").update();
        jdbc.sql("delete from canopy_user where username in ('panelmember', 'youngreader')").update();
    }

    @Test
    void thePanelsEscalationIsReadOnlyByItsReadersOnEveryPageExportAgendaPackAndApiAnswer() throws Exception {
        everyoneReads(SUBJECT, REASON);

        // Held, the Executive's agenda keeps the item as it stood, and keeps it the panel's.
        int version = jdbc.sql("select version from meeting where id = ?").param(meeting).query(Integer.class).single();
        mvc.perform(post("/meetings/" + meeting + "/attendance").with(Requests.signedIn(users, "coordinator")).with(csrf())
                .param("version", String.valueOf(version)).param("attendance-" + userId("executive"), "PRESENT"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select records_of_group_id from meeting_agenda_item where meeting_id = ? and kind = 'ESCALATION'")
                .param(meeting).query(Long.class).list()).containsExactly(panel);
        for (String who : EVERYONE) {
            boolean reads = READERS.contains(who);
            for (String path : List.of("/meetings/" + meeting, "/meetings/" + meeting + "/pack")) {
                assertThat(body(who, path).contains(SUBJECT)).as(who + " on the held " + path).isEqualTo(reads);
            }
            assertThat(api(who, "/api/v1/meetings/" + meeting).contains(SUBJECT)).as(who + " on the held meeting's API").isEqualTo(reads);
        }

        // Decided, it comes back to the panel's page as an outcome, for the panel's readers only.
        mvc.perform(post("/governance/escalations/" + escalation + "/decision").with(Requests.signedIn(users, "executive")).with(csrf())
                .param("decision", OUTCOME).param("version", "0")).andExpect(status().is3xxRedirection());
        for (String who : EVERYONE) {
            String page = body(who, "/groups/" + panel);
            assertThat(page.contains(OUTCOME)).as(who + " reads the outcome on the panel's page").isEqualTo(READERS.contains(who));
            assertThat(api(who, "/api/v1/escalations").contains(OUTCOME)).as(who + " reads the outcome over the API")
                    .isEqualTo(READERS.contains(who));
        }
    }

    @Test
    void theExecutivesEmailSaysOnlyThatThePanelEscalatedAndWhereToReadIt() throws Exception {
        var messages = new ArrayList<String>();
        for (int tries = 0; tries < 50 && messages.isEmpty(); tries++) {
            messages.addAll(jdbc.sql("""
                    select m.subject || '\n' || m.body from outbox_message m join canopy_user u on u.id = m.recipient_id
                    where u.username = 'executive'""").query(String.class).list());
            Thread.sleep(100);
        }
        assertThat(messages).singleElement().satisfies(message -> assertThat(message)
                .startsWith("Rapid Review Panel escalated an item to the Executive")
                .contains("/governance/escalations/" + escalation)
                .doesNotContain("Kestrel").doesNotContain(SUBJECT).doesNotContain(REASON));
    }

    /** Every path that shows the escalation, for every role: the words for the panel's readers, none of them for anyone else. */
    private void everyoneReads(String... words) throws Exception {
        for (String who : EVERYONE) {
            boolean reads = READERS.contains(who);
            var shown = new ArrayList<String>();
            for (String path : List.of("/groups/" + executive, "/groups/" + panel, "/governance/executive", "/governance/escalations",
                    "/governance/escalations/" + escalation, "/governance/escalations.csv", "/meetings/" + meeting,
                    "/meetings/" + meeting + "/pack")) {
                shown.add(path + "\n" + body(who, path));
            }
            shown.add("xlsx\n" + Workbooks.text(mvc.perform(get("/governance/escalations.xlsx").with(Requests.signedIn(users, who)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray()));
            for (String path : List.of("/api/v1/meetings/" + meeting, "/api/v1/escalations")) {
                shown.add(path + "\n" + api(who, path));
            }
            for (String text : shown) {
                String path = text.substring(0, text.indexOf('\n'));
                for (String word : words) {
                    assertThat(text.contains(word)).as(who + " reads '" + word + "' on " + path).isEqualTo(reads);
                }
            }
        }
    }

    /** What the person is shown at the page, whatever its status (a refusal shows nothing of the record either). */
    private String body(String who, String path) throws Exception {
        var response = mvc.perform(get(path).with(Requests.signedIn(users, who))).andReturn().getResponse();
        if (READERS.contains(who)) {
            assertThat(response.getStatus()).as(who + " at " + path).isEqualTo(200);
        }
        return new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    private String api(String who, String path) throws Exception {
        var response = mvc.perform(get(path).with(Requests.user(who))).andReturn().getResponse();
        return new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    private long userId(String username) {
        return jdbc.sql("select id from canopy_user where username = ?").param(username).query(Long.class).single();
    }
}
