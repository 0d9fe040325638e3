package org.canopy.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import org.canopy.support.CanopyDatabaseTest;
import org.canopy.support.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A group's page: its members with their role in the group, every module's business for it under its section, and
 * who may read it (a young scrutineer their own group only, the rapid review panel its readers, no other partnership).
 */
@CanopyDatabaseTest
class GroupPageTest {

    /** Stands for another module's business: a challenge awaiting the quality assurance group. */
    @TestConfiguration
    static class ChallengeForQualityGroup {
        @Bean
        GroupBusiness testChallenges() {
            return (partnershipId, group, day) -> group.function() == GroupFunction.QUALITY_ASSURANCE
                    ? List.of(new BusinessEntry("CHALLENGE", "Test challenges", "Is the data set used at every meeting?", "A detail",
                            null, "Awaiting an answer", true, group.id()))
                    : List.of();
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    Groups groups;

    @AfterEach
    void restore() {
        jdbc.sql("delete from group_member where user_id in (select id from canopy_user where username in ('young-page', 'elsewhere-page'))").update();
        jdbc.sql("delete from canopy_user where username in ('young-page', 'elsewhere-page')").update();
        jdbc.sql("delete from partnership where name = 'Elsewhere groups partnership'").update();
        jdbc.sql("update group_member set role = 'CHAIR' where user_id = (select id from canopy_user where username = 'chair')").update();
    }

    @Test
    void theGroupPageShowsMembersWithTheirRoleAndEveryModulesBusinessUnderItsSection() throws Exception {
        long qa = group("Quality Assurance and Performance Group");
        String page = page("viewer", "/groups/" + qa);
        assertThat(page).contains("Group chair (Quality Assurance and Performance)").contains("<td class=\"govuk-table__cell\">Chair</td>")
                .contains("Test challenges").contains("Is the data set used at every meeting?").contains("Awaiting an answer")
                .contains("Meetings and agendas").doesNotContain("Nothing is awaiting this group")
                // A viewer takes no part, so is offered no escalation, nor any change of membership.
                .doesNotContain("Escalate an item to the Executive").doesNotContain("Change role");
        assertThat(page("chair", "/groups/" + qa)).contains("Escalate an item to the Executive");
        assertThat(page("coordinator", "/groups/" + qa)).contains("Change role");
        // The API lists the groups with their chair and members' roles in the group.
        assertThat(mvc.perform(get("/api/v1/groups").with(Requests.user("viewer"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("\"name\":\"Quality Assurance and Performance Group\",\"function\":\"QUALITY_ASSURANCE\","
                        + "\"chair\":\"Group chair (Quality Assurance and Performance)\"")
                .contains("\"roleInGroup\":\"CHAIR\"").doesNotContain("Rapid Review Panel");

        // The administrator changes a member's role; the page says so.
        long chair = userId("chair");
        mvc.perform(post("/groups/" + qa + "/members/" + chair + "/role").with(Requests.signedIn(users, "coordinator")).with(csrf())
                .param("role", "VICE_CHAIR")).andExpect(status().is3xxRedirection());
        assertThat(page("viewer", "/groups/" + qa)).contains("<td class=\"govuk-table__cell\">Vice-chair</td>");
        assertThat(groups.roleIn(qa, chair)).contains(MemberRole.VICE_CHAIR);
        // No one else changes roles.
        mvc.perform(post("/groups/" + qa + "/members/" + chair + "/role").with(Requests.signedIn(users, "chair")).with(csrf())
                .param("role", "CHAIR")).andExpect(status().isForbidden());
        assertThat(groups.roleIn(qa, chair)).contains(MemberRole.VICE_CHAIR);
    }

    @Test
    void aYoungScrutineerReadsOnlyTheirOwnGroupAndAnotherPartnershipNone() throws Exception {
        long partnership = jdbc.sql("select partnership_id from canopy_user where username = 'viewer'").query(Long.class).single();
        long online = group("Staying Safe Online");
        long qa = group("Quality Assurance and Performance Group");
        long panel = group("Rapid Review Panel");
        jdbc.sql("""
                insert into canopy_user (partnership_id, username, display_name, password_hash, role)
                select partnership_id, 'young-page', 'Ash', password_hash, 'YOUNG_SCRUTINEER' from canopy_user where username = 'viewer'""")
                .update();
        groups.addMember(partnership, "test", online, userId("young-page"), MemberRole.YOUNG_SCRUTINEER);
        assertThat(page("young-page", "/groups/" + online)).contains("Staying Safe Online").contains("Young scrutineer");
        assertThat(page("young-page", "/groups")).contains("Staying Safe Online").doesNotContain("Quality Assurance and Performance Group")
                .doesNotContain("Rapid Review Panel");
        for (long other : List.of(qa, panel)) {
            mvc.perform(get("/groups/" + other).with(Requests.signedIn(users, "young-page"))).andExpect(status().isNotFound());
        }
        // The rapid review panel's page is for its readers: the viewer is not one of them.
        mvc.perform(get("/groups/" + panel).with(Requests.signedIn(users, "viewer"))).andExpect(status().isNotFound());
        assertThat(page("scrutineer", "/groups/" + panel)).contains("Rapid Review Panel");

        jdbc.sql("insert into partnership (name, area) values ('Elsewhere groups partnership', 'Elsewhere')").update();
        jdbc.sql("""
                insert into canopy_user (partnership_id, username, display_name, password_hash, role)
                select (select id from partnership where name = 'Elsewhere groups partnership'), 'elsewhere-page', 'Elsewhere administrator',
                       password_hash, 'ADMINISTRATOR' from canopy_user where username = 'viewer'""").update();
        mvc.perform(get("/groups/" + qa).with(Requests.signedIn(users, "elsewhere-page"))).andExpect(status().isNotFound());
        assertThat(mvc.perform(get("/api/v1/groups").with(Requests.signedIn(users, "elsewhere-page"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).isEqualTo("[]");
        // The young scrutineer's API list holds their own group only.
        assertThat(mvc.perform(get("/api/v1/groups").with(Requests.signedIn(users, "young-page"))).andReturn().getResponse()
                .getContentAsString()).contains("Staying Safe Online").doesNotContain("Rapid Review Panel").doesNotContain("Executive Group");
        assertThat(page("elsewhere-page", "/groups")).doesNotContain("Quality Assurance and Performance Group");
    }

    private long group(String name) {
        return jdbc.sql("select g.id from partnership_group g where g.name = ?").param(name).query(Long.class).single();
    }

    private long userId(String username) {
        return jdbc.sql("select id from canopy_user where username = ?").param(username).query(Long.class).single();
    }

    private String page(String username, String url) throws Exception {
        return mvc.perform(get(url).with(Requests.signedIn(users, username))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }
}
