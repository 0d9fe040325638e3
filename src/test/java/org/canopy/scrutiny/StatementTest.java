package org.canopy.scrutiny;

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

/** The scrutineer writes a year's statement and its points with the evidence behind them; no one else does; nothing identifying is kept. */
@CanopyDatabaseTest
class StatementTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @AfterEach
    void restore() {
        jdbc.sql("delete from scrutiny_statement_point where statement_id in (select id from scrutiny_statement where statement_year = '2021-22')").update();
        jdbc.sql("delete from scrutiny_statement where statement_year = '2021-22'").update();
    }

    @Test
    void theScrutineerWritesAStatementAndItsPointsAndNoOneElseDoes() throws Exception {
        for (String user : new String[] {"viewer", "chair", "executive", "police"}) {
            mvc.perform(post("/scrutiny/statement").with(Requests.signedIn(users, user)).with(csrf()).param("year", "2021-22")
                    .param("opening", "A year of progress")).andExpect(status().isForbidden());
        }
        assertThat(page("viewer")).doesNotContain("Start a year's statement");
        // The demo already holds 2020-21: a second statement for it is refused; an identifier in the opening too.
        String refused = mvc.perform(post("/scrutiny/statement").with(Requests.signedIn(users, "scrutineer")).with(csrf())
                .param("year", "2020-21").param("opening", "Email keith@example.org")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("There is already a statement for 2020-21").contains("looks like");
        assertThat(count("scrutiny_statement")).isEqualTo(1);

        mvc.perform(post("/scrutiny/statement").with(Requests.signedIn(users, "scrutineer")).with(csrf()).param("year", "2021-22")
                .param("opening", "The partnership has moved forward")).andExpect(status().is3xxRedirection());
        long id = jdbc.sql("select id from scrutiny_statement where statement_year = '2021-22'").query(Long.class).single();
        mvc.perform(post("/scrutiny/statement/" + id + "/points").with(Requests.signedIn(users, "scrutineer")).with(csrf())
                .param("kind", "WORK_NEEDED").param("text", "Funding is still unequal between the partners")
                .param("evidence", "The 2021-22 funding table")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/scrutiny/statement/" + id + "/points").with(Requests.signedIn(users, "viewer")).with(csrf())
                .param("kind", "POSITIVE").param("text", "All is well")).andExpect(status().isForbidden());
        assertThat(page("viewer")).contains("Reflections, 2021-22").contains("The partnership has moved forward")
                .contains("Funding is still unequal between the partners").contains("Evidence: The 2021-22 funding table")
                .doesNotContain("All is well");
        assertThat(page("scrutineer")).contains("Start a year's statement").contains("Add a point to the 2021-22 statement");
    }

    private int count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }

    private String page(String user) throws Exception {
        return mvc.perform(get("/scrutiny/statement").with(Requests.signedIn(users, user))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }
}
