package org.canopy.scrutiny;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.canopy.governance.Groups;
import org.canopy.governance.MemberRole;
import org.canopy.support.CanopyDatabaseTest;
import org.canopy.support.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Young scrutineers: none in the demo (the grant's words instead), kept by the scrutineer with a chosen name only. */
@CanopyDatabaseTest
class YoungScrutineersTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    Groups groups;

    @AfterEach
    void cleanUp() {
        jdbc.sql("delete from young_scrutineer").update();
        jdbc.sql("delete from group_member where user_id in (select id from canopy_user where username = 'youngtwo')").update();
        jdbc.sql("delete from canopy_user where username = 'youngtwo'").update();
    }

    @Test
    void theScrutineerAddsAYoungScrutineerByChosenNameWhoJoinsTheirGroup() throws Exception {
        long partnership = jdbc.sql("select partnership_id from canopy_user where username = 'viewer'").query(Long.class).single();
        long online = groups.byName(partnership, "Staying Safe Online").orElseThrow().id();
        String page = mvc.perform(get("/scrutiny/young-scrutineers").with(Requests.signedIn(users, "viewer"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("None recorded yet").contains("In March 2020 a grant was secured").doesNotContain("Add a young scrutineer");

        jdbc.sql("""
                insert into canopy_user (partnership_id, username, display_name, password_hash, role)
                select partnership_id, 'youngtwo', 'Ali', password_hash, 'YOUNG_SCRUTINEER' from canopy_user where username = 'viewer'""")
                .update();
        mvc.perform(post("/scrutiny/young-scrutineers").with(Requests.signedIn(users, "viewer")).with(csrf()).param("name", "Ali")
                .param("group", String.valueOf(online)).param("aged14to18", "true")).andExpect(status().isForbidden());
        String refused = mvc.perform(post("/scrutiny/young-scrutineers").with(Requests.signedIn(users, "scrutineer")).with(csrf())
                .param("name", "Ali Khan 07700 900123").param("group", String.valueOf(online)).param("aged14to18", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("There is a problem").contains("Enter only a first or chosen name");
        assertThat(jdbc.sql("select count(*) from young_scrutineer").query(Integer.class).single()).isZero();

        mvc.perform(post("/scrutiny/young-scrutineers").with(Requests.signedIn(users, "scrutineer")).with(csrf()).param("name", "Ali")
                .param("group", String.valueOf(online)).param("aged14to18", "true").param("account", "youngtwo"))
                .andExpect(status().is3xxRedirection());
        long young = jdbc.sql("select id from canopy_user where username = 'youngtwo'").query(Long.class).single();
        assertThat(groups.roleIn(online, young)).contains(MemberRole.YOUNG_SCRUTINEER);
        assertThat(mvc.perform(get("/scrutiny/young-scrutineers").with(Requests.signedIn(users, "scrutineer"))).andReturn().getResponse()
                .getContentAsString()).contains(">Ali<").contains("Staying Safe Online");
        // A child's name is the scrutineer's, the administrator's and the group's chair's to read (YoungScrutineerReadersTest).
        assertThat(mvc.perform(get("/scrutiny/young-scrutineers").with(Requests.signedIn(users, "viewer"))).andReturn().getResponse()
                .getContentAsString()).doesNotContain(">Ali<").contains("1 young scrutineer is named only to");
    }
}
