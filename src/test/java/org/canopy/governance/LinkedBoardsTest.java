package org.canopy.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.canopy.support.CanopyDatabaseTest;
import org.canopy.support.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The report's five linked boards with their remits and the priority held jointly with the Safeguarding Adults Board;
 * items referred to and from a board recorded by the administrator or a group's chair only, identifiers refused with
 * nothing saved, exported as CSV and Excel, and another partnership seeing none of it.
 */
@CanopyDatabaseTest
class LinkedBoardsTest {

    static final String JOINT = "All Age Exploitation (joint with the Safeguarding Adults Board)";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    java.util.List<GroupBusiness> business;

    @Autowired
    Groups groups;

    @AfterEach
    void restoreDemo() {
        jdbc.sql("delete from board_referral").update();
        jdbc.sql("delete from canopy_user where username = 'otherviewer'").update();
        jdbc.sql("delete from partnership where name = 'Other Partnership'").update();
    }

    @Test
    void theFiveLinkedBoardsAreListedWithTheirRemitsAndTheJointPriority() throws Exception {
        String page = page("viewer", "/governance/boards");
        assertThat(page).contains("Safeguarding Adults Board").contains("Born Well Growing Well")
                .contains("Children and Families Partnership Board").contains("Health and Wellbeing Board")
                .contains("Community Safety Partnership Board")
                .contains("protecting an adult&#39;s right to live in safety").contains("annual strategic assessment of crime")
                .contains(JOINT);
        long adults = board("Safeguarding Adults Board");
        assertThat(page("viewer", "/governance/boards/" + adults)).contains(JOINT).contains("No items recorded.")
                .doesNotContain("Record the referral");
        assertThat(page("viewer", "/governance/boards/" + board("Children and Families Partnership Board")))
                .contains("Children and Families Executive").contains("Children&#39;s and Families Partnership Board");
        for (String user : new String[] {"coordinator", "executive", "police", "health", "council", "chair", "scrutineer"}) {
            assertThat(page(user, "/governance/boards")).contains("Community Safety Partnership Board");
        }
    }

    @Test
    void onlyTheAdministratorOrAChairRecordsReferralsAndIdentifiersAreRefused() throws Exception {
        long adults = board("Safeguarding Adults Board");
        for (String user : new String[] {"police", "health", "council", "scrutineer", "viewer"}) {
            refer(user, adults, "Exploitation pathway for 18 year olds").andExpect(status().isForbidden());
        }
        String refused = new String(refer("coordinator", adults, "Call 07700 900123 about it").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(refused).contains("There is a problem").contains("looks like");
        assertThat(referrals()).isZero();

        refer("chair", adults, "Exploitation pathway for 18 year olds").andExpect(status().is3xxRedirection());
        refer("coordinator", adults, "Transitions to adult services").andExpect(status().is3xxRedirection());
        assertThat(referrals()).isEqualTo(2);
        long partnership = jdbc.sql("select partnership_id from canopy_user where username = 'viewer'").query(Long.class).single();
        var joint = groups.byName(partnership, JOINT).orElseThrow();
        var entries = business.stream().flatMap(b -> b.businessOf(partnership, joint, java.time.LocalDate.of(2026, 12, 2)).stream())
                .filter(e -> e.section().equals("Linked boards")).toList();
        assertThat(entries).extracting(BusinessEntry::title).contains("Priority held jointly with the Safeguarding Adults Board",
                "Referred to the Safeguarding Adults Board: Transitions to adult services");
        assertThat(entries).filteredOn(BusinessEntry::forAgenda).hasSize(2);
        long id = jdbc.sql("select id from board_referral where subject like 'Transitions%'").query(Long.class).single();
        int version = jdbc.sql("select version from board_referral where id = ?").param(id).query(Integer.class).single();
        mvc.perform(post("/governance/boards/" + adults + "/referrals/" + id + "/outcome").with(Requests.signedIn(users, "viewer"))
                .with(csrf()).param("outcome", "Agreed").param("version", String.valueOf(version))).andExpect(status().isForbidden());
        mvc.perform(post("/governance/boards/" + adults + "/referrals/" + id + "/outcome").with(Requests.signedIn(users, "executive"))
                .with(csrf()).param("outcome", "A joint protocol was agreed").param("version", String.valueOf(version)))
                .andExpect(status().is3xxRedirection());
        assertThat(page("viewer", "/governance/boards/" + adults)).contains("Referred to the board")
                .contains("Transitions to adult services").contains("A joint protocol was agreed").contains("30 November 2026");
        String csv = new String(mvc.perform(get("/governance/boards/referrals.csv").with(Requests.signedIn(users, "viewer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(csv).contains("Board,Direction,Date,Subject,Outcome,Recorded by")
                .contains("Safeguarding Adults Board,Referred to the board,2026-11-30,Transitions to adult services,A joint protocol was agreed,coordinator");
        mvc.perform(get("/governance/boards/referrals.xlsx").with(Requests.signedIn(users, "viewer"))).andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from audit_event where record_type = 'board-referral'").query(Integer.class).single())
                .isEqualTo(3);
    }

    @Test
    void anotherPartnershipSeesNoneOfIt() throws Exception {
        long adults = board("Safeguarding Adults Board");
        refer("coordinator", adults, "Transitions to adult services").andExpect(status().is3xxRedirection());
        jdbc.sql("insert into partnership (name, area) values ('Other Partnership', 'Elsewhere')").update();
        jdbc.sql("""
                insert into canopy_user (partnership_id, username, display_name, password_hash, role)
                select p.id, 'otherviewer', 'Other viewer', u.password_hash, 'VIEWER' from partnership p, canopy_user u
                where p.name = 'Other Partnership' and u.username = 'viewer'""").update();
        assertThat(page("otherviewer", "/governance/boards")).contains("No linked boards are recorded")
                .doesNotContain("Safeguarding Adults Board");
        mvc.perform(get("/governance/boards/" + adults).with(Requests.signedIn(users, "otherviewer"))).andExpect(status().isNotFound());
        String csv = new String(mvc.perform(get("/governance/boards/referrals.csv").with(Requests.signedIn(users, "otherviewer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(csv).doesNotContain("Transitions");
    }

    ResultActions refer(String user, long board, String subject) throws Exception {
        return mvc.perform(post("/governance/boards/" + board + "/referrals").with(Requests.signedIn(users, user)).with(csrf())
                .param("direction", "TO_BOARD").param("subject", subject).with(Requests.date("referredOn", "2026-11-30")));
    }

    int referrals() {
        return jdbc.sql("select count(*) from board_referral").query(Integer.class).single();
    }

    long board(String name) {
        return jdbc.sql("select id from linked_board where name = ?").param(name).query(Long.class).single();
    }

    String page(String user, String url) throws Exception {
        return new String(mvc.perform(get(url).with(Requests.signedIn(users, user))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }
}
