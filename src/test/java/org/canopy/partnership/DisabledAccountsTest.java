package org.canopy.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Pattern;
import org.canopy.support.CanopyDatabaseTest;
import org.canopy.support.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Disabling an account ends what it holds open at once: a browser session signed in before (its next page sends it to
 * sign in, and a form it sends is refused), its API tokens and its HTTP Basic credentials; enabling it again lets it sign
 * in afresh, while the ended session stays ended.
 */
@CanopyDatabaseTest
class DisabledAccountsTest {

    static final String PASSWORD = "a long enough password";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    PasswordEncoder encoder;

    @AfterEach
    void cleanUp() {
        jdbc.sql("delete from api_token where user_id in (select id from canopy_user where username = 'leaver')").update();
        jdbc.sql("delete from canopy_user where username = 'leaver'").update();
    }

    @Test
    void disablingAnAccountEndsItsOpenSessionsItsTokensAndItsBasicCredentials() throws Exception {
        long partnership = jdbc.sql("select partnership_id from canopy_user where username = 'viewer'").query(Long.class).single();
        jdbc.sql("insert into canopy_user (partnership_id, username, display_name, password_hash, role) values (?, 'leaver', 'A leaver', ?, 'VIEWER')")
                .params(partnership, encoder.encode(PASSWORD)).update();
        long id = jdbc.sql("select id from canopy_user where username = 'leaver'").query(Long.class).single();

        // Signed in with the form in a browser, and given a token, before the account is disabled.
        var browser = new MockHttpSession();
        mvc.perform(post("/sign-in").with(csrf()).session(browser).param("username", "leaver").param("password", PASSWORD))
                .andExpect(redirectedUrl("/"));
        String page = mvc.perform(get("/groups").session(browser)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Executive Group");
        String token = issueToken(id);
        mvc.perform(get("/api/v1/groups").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/groups").with(httpBasic("leaver", PASSWORD))).andExpect(status().isOk());

        mvc.perform(post("/admin/users/" + id + "/enabled").param("enabled", "false").with(csrf())
                .with(Requests.signedIn(users, "coordinator"))).andExpect(status().is3xxRedirection());

        // The open session ends at its next request: pages send it to sign in and show nothing of the partnership.
        String after = mvc.perform(get("/groups").session(browser)).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/sign-in")).andReturn().getResponse().getContentAsString();
        assertThat(after).doesNotContain("Executive Group");
        assertThat(browser.isInvalid()).as("the session is ended, not only refused once").isTrue();
        mvc.perform(get("/api/v1/groups").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/groups").with(httpBasic("leaver", PASSWORD))).andExpect(status().isUnauthorized());
        mvc.perform(post("/sign-in").with(csrf()).param("username", "leaver").param("password", PASSWORD))
                .andExpect(redirectedUrl("/sign-in?error"));

        // Enabled again, the account signs in afresh; the token was never revoked, so it works again too.
        mvc.perform(post("/admin/users/" + id + "/enabled").param("enabled", "true").with(csrf())
                .with(Requests.signedIn(users, "coordinator"))).andExpect(status().is3xxRedirection());
        var again = new MockHttpSession();
        mvc.perform(post("/sign-in").with(csrf()).session(again).param("username", "leaver").param("password", PASSWORD))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/groups").session(again)).andExpect(status().isOk());
    }

    private String issueToken(long userId) throws Exception {
        var page = mvc.perform(post("/admin/tokens").with(csrf()).with(Requests.signedIn(users, "coordinator"))
                .param("name", "Leaver's spreadsheet").param("userId", String.valueOf(userId)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        var matcher = Pattern.compile("id=\"issued-token\">(canopy_[A-Za-z0-9_-]+)<").matcher(page);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}
