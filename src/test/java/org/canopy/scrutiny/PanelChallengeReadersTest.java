package org.canopy.scrutiny;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.canopy.governance.GroupFunction;
import org.canopy.governance.GroupType;
import org.canopy.governance.Groups;
import org.canopy.governance.MemberRole;
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
 * A challenge to the rapid review panel is the panel's records wherever it is shown: its members, the executive, the
 * scrutineer and the administrator read it, its evidence and its answer on its page, the list, the CSV and Excel, the
 * API, the groups' pages, the Executive's overview and, once overdue, the Executive's agenda, pack and meeting API;
 * contributors, chairs, the viewer and a young scrutineer read none of it. A challenge to an agency stays everyone's
 * but a young scrutineer's.
 */
@CanopyDatabaseTest
class PanelChallengeReadersTest {

    static final String TEXT = "Why did the rapid review of Kestrel miss the 15 working days?";
    static final String EVIDENCE = "Two of the last three rapid reviews finished after their deadline.";
    static final String RESPONSE = "The panel now meets within five days of every notification.";
    static final String TO_AGENCY = "How does the police share strategy discussion minutes?";

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
    long challenge;
    long meeting;

    @BeforeEach
    void theScrutineerChallengesThePanelAndThePolice() throws Exception {
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
        String due = LocalDate.now(ZoneOffset.UTC).plusDays(14).toString();
        mvc.perform(post("/scrutiny/challenges").with(Requests.signedIn(users, "scrutineer")).with(csrf()).param("to", "group:" + panel)
                .param("text", TEXT).param("evidence", EVIDENCE).with(Requests.date("responseDue", due))).andExpect(status().is3xxRedirection());
        challenge = jdbc.sql("select id from scrutiny_challenge where text = ?").param(TEXT).query(Long.class).single();
        long police = jdbc.sql("select agency_id from canopy_user where username = 'police'").query(Long.class).single();
        mvc.perform(post("/scrutiny/challenges").with(Requests.signedIn(users, "scrutineer")).with(csrf()).param("to", "agency:" + police)
                .param("text", TO_AGENCY).with(Requests.date("responseDue", due))).andExpect(status().is3xxRedirection());
    }

    @AfterEach
    void restoreDemo() {
        for (String table : List.of("meeting_agenda_item", "meeting")) {
            jdbc.sql("delete from " + table).update();
        }
        jdbc.sql("delete from scrutiny_challenge where raised_by <> 'demo'").update();
        jdbc.sql("delete from group_member where user_id in (select id from canopy_user where username in ('panelmember', 'youngreader'))").update();
        jdbc.sql("delete from canopy_user where username in ('panelmember', 'youngreader')").update();
    }

    @Test
    void aChallengeToThePanelIsReadOnlyByThePanelsReadersWhereverItIsShown() throws Exception {
        // Answered by the panel's member, it holds an answer that is the panel's too.
        int version = jdbc.sql("select version from scrutiny_challenge where id = ?").param(challenge).query(Integer.class).single();
        mvc.perform(post("/scrutiny/challenges/" + challenge + "/response").with(Requests.signedIn(users, "panelmember")).with(csrf())
                .param("response", RESPONSE).param("version", String.valueOf(version))).andExpect(status().is3xxRedirection());
        // Overdue (as if its date had passed unanswered), it is on the Executive's agenda for a meeting today.
        jdbc.sql("update scrutiny_challenge set response = null, response_due = ? where id = ?")
                .params(LocalDate.now(ZoneOffset.UTC).minusDays(1), challenge).update();
        mvc.perform(post("/groups/" + executive + "/meetings").with(Requests.signedIn(users, "coordinator")).with(csrf())
                .with(Requests.date("date", LocalDate.now(ZoneOffset.UTC).toString())).param("place", "Online"))
                .andExpect(status().is3xxRedirection());
        meeting = jdbc.sql("select max(id) from meeting where group_id = ?").param(executive).query(Long.class).single();
        assertThat(api("coordinator", "/api/v1/meetings/" + meeting)).contains("CHALLENGE").contains(TEXT);

        for (String who : EVERYONE) {
            boolean reads = READERS.contains(who);
            for (String path : List.of("/scrutiny/challenges", "/scrutiny/challenges/" + challenge, "/scrutiny/challenges.csv",
                    "/groups/" + executive, "/groups/" + panel, "/governance/executive", "/meetings/" + meeting,
                    "/meetings/" + meeting + "/pack")) {
                assertThat(page(who, path).contains(TEXT)).as(who + " reads the challenge on " + path).isEqualTo(reads);
            }
            assertThat(page(who, "/scrutiny/challenges/" + challenge).contains(EVIDENCE)).as(who + " reads the evidence").isEqualTo(reads);
            String xlsx = Workbooks.text(mvc.perform(get("/scrutiny/challenges.xlsx").with(Requests.signedIn(users, who)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
            assertThat(xlsx.contains(TEXT)).as(who + " in the workbook").isEqualTo(reads);
            assertThat(xlsx.contains(EVIDENCE)).as(who + " in the workbook").isEqualTo(reads);
            for (String path : List.of("/api/v1/challenges", "/api/v1/meetings/" + meeting)) {
                assertThat(api(who, path).contains(TEXT)).as(who + " over " + path).isEqualTo(reads);
            }
            // The challenge to an agency is everyone's but a young scrutineer's.
            boolean readsAgency = !who.equals("youngreader");
            assertThat(page(who, "/scrutiny/challenges").contains(TO_AGENCY)).as(who + " reads the challenge to the police")
                    .isEqualTo(readsAgency);
            assertThat(api(who, "/api/v1/challenges").contains(TO_AGENCY)).as(who + " reads the challenge to the police over the API")
                    .isEqualTo(readsAgency);
        }
        mvc.perform(get("/scrutiny/challenges/" + challenge).with(Requests.signedIn(users, "viewer"))).andExpect(status().isNotFound());
        mvc.perform(get("/scrutiny/challenges/" + challenge).with(Requests.signedIn(users, "panelmember"))).andExpect(status().isOk());
    }

    private String page(String who, String path) throws Exception {
        var response = mvc.perform(get(path).with(Requests.signedIn(users, who))).andReturn().getResponse();
        if (READERS.contains(who)) {
            assertThat(response.getStatus()).as(who + " at " + path).isEqualTo(200);
        }
        return new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    private String api(String who, String path) throws Exception {
        return new String(mvc.perform(get(path).with(Requests.user(who))).andReturn().getResponse().getContentAsByteArray(),
                StandardCharsets.UTF_8);
    }

    private long userId(String username) {
        return jdbc.sql("select id from canopy_user where username = ?").param(username).query(Long.class).single();
    }
}
