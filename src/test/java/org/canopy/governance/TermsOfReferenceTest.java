package org.canopy.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.canopy.support.CanopyDatabaseTest;
import org.canopy.support.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Terms of reference: the report's words on the demo, versions, who changes them, refusals, the printable view, the quorum read. */
@CanopyDatabaseTest
class TermsOfReferenceTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    org.canopy.governance.groups.GroupTerms quorum;

    @AfterEach
    void restore() {
        jdbc.sql("delete from terms_of_reference where version_number > 1").update();
    }

    @Test
    void theDemoTermsSayWhatTheReportSaysAndTheRestIsNotStated() throws Exception {
        long qa = group("Quality Assurance and Performance Group");
        assertThat(page("viewer", "/groups/" + qa + "/terms")).contains("reviewing multi-agency data, audits and action plans")
                .contains("Interim chaired by the Independent Scrutineer over 2020-21").contains("Not stated")
                .doesNotContain("Record a new version");
        assertThat(page("viewer", "/groups/" + group("Executive Group") + "/terms"))
                .contains("The three safeguarding partners rotate chairing the Executive")
                .contains("Tower Hamlets Clinical Commissioning Group").contains("Metropolitan Police");
        assertThat(page("viewer", "/groups/" + qa)).contains("reviewing multi-agency data").contains("Terms of reference");
        assertThat(page("viewer", "/groups/" + qa + "/terms/print")).contains("Quality Assurance and Performance Group: terms of reference")
                .contains("reviewing multi-agency data");
    }

    @Test
    void theChairSavesANewVersionOfTheirOwnGroupsTermsAndTheFirstStaysReadable() throws Exception {
        long qa = group("Quality Assurance and Performance Group");
        long police = jdbc.sql("select id from agency where name = 'Metropolitan Police'").query(Long.class).single();
        mvc.perform(post("/groups/" + qa + "/terms").with(Requests.signedIn(users, "chair")).with(csrf())
                .param("purpose", "Reviews the data dashboard each quarter").param("quorumMembers", "4")
                .param("quorumAgencies", String.valueOf(police)).param("version", "1")).andExpect(status().is3xxRedirection());
        assertThat(page("viewer", "/groups/" + qa + "/terms")).contains("Reviews the data dashboard each quarter")
                .contains("4 members present").contains("Version 2 (in force)");
        assertThat(page("viewer", "/groups/" + qa + "/terms?version=1")).contains("reviewing multi-agency data");
        assertThat(quorum.quorumOf(partnership(), qa)).hasValueSatisfying(q -> {
            assertThat(q.members()).isEqualTo(4);
            assertThat(q.agencyIds()).containsExactly(police);
        });
        // A page read before that change cannot overwrite it.
        assertThat(save("chair", qa, "Something else", "", 1).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("Someone else changed these terms of reference");
        // Identifiers and a nonsense quorum are refused, nothing saved.
        String refused = save("coordinator", qa, "Call 020 7946 0000 about this", "none", 2).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("There is a problem").contains("looks like").contains("The quorum must be a whole number");
        assertThat(versions(qa)).isEqualTo(2);

        // The chair of one group does not change another's; readers and the scrutineer change none.
        save("chair", group("Executive Group"), "Taken over", "", 1).andExpect(status().isForbidden());
        for (String user : new String[] {"viewer", "scrutineer", "police"}) {
            save(user, qa, "Taken over", "", 2).andExpect(status().isForbidden());
        }
        assertThat(versions(qa)).isEqualTo(2);
    }

    private ResultActions save(String user, long group, String purpose, String quorumMembers, int version) throws Exception {
        return mvc.perform(post("/groups/" + group + "/terms").with(Requests.signedIn(users, user)).with(csrf())
                .param("purpose", purpose).param("quorumMembers", quorumMembers).param("version", String.valueOf(version)));
    }

    private int versions(long group) {
        return jdbc.sql("select count(*) from terms_of_reference where group_id = ?").param(group).query(Integer.class).single();
    }

    private long partnership() {
        return jdbc.sql("select partnership_id from canopy_user where username = 'viewer'").query(Long.class).single();
    }

    private long group(String name) {
        return jdbc.sql("select id from partnership_group where name = ?").param(name).query(Long.class).single();
    }

    private String page(String username, String url) throws Exception {
        return mvc.perform(get(url).with(Requests.signedIn(users, username))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }
}
