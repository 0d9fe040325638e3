package org.canopy.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Pattern;
import org.canopy.support.CanopyDatabaseTest;
import org.canopy.support.Requests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/** Sign-in, throttling and locking, administrator pages for people, and API tokens. */
@CanopyDatabaseTest
class SignInAndTokensTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    PasswordEncoder encoder;

    /** The sign-in page's own styles and scripts are served, without sign-in, from /assets only. */
    @Test
    void staticFilesAreServedUnderAssetsWithoutSignIn() throws Exception {
        mvc.perform(get("/sign-in")).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("href=\"/assets/css/canopy.css\"")));
        mvc.perform(get("/assets/css/canopy.css")).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString(".canopy-tiles")));
        mvc.perform(get("/assets/js/canopy.js")).andExpect(status().isOk());
        mvc.perform(get("/css/canopy.css").with(Requests.signedIn(users, "viewer"))).andExpect(status().isNotFound());
    }

    @Test
    void signsInWithTheFormAndPasswordsAreHashed() throws Exception {
        mvc.perform(formLogin("/sign-in").user("viewer").password("demo")).andExpect(redirectedUrl("/"));
        String hash = jdbc.sql("select password_hash from canopy_user where username = 'viewer'").query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}").doesNotContain("demo");
        assertThat(encoder.matches("demo", hash)).isTrue();
    }

    /** "You have signed out" is said after signing out, never on a first visit or beside a wrong password. */
    @Test
    void theSignInPageSaysSignedOutOnlyAfterSigningOut() throws Exception {
        String first = mvc.perform(get("/sign-in")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(first).contains("Sign in to Canopy").doesNotContain("You have signed out").doesNotContain("Success");

        var session = new MockHttpSession();
        mvc.perform(post("/sign-in").with(csrf()).session(session).param("username", "viewer").param("password", "wrong"))
                .andExpect(redirectedUrl("/sign-in?error"));
        String wrong = mvc.perform(get("/sign-in?error").session(session)).andReturn().getResponse().getContentAsString();
        assertThat(wrong).contains("Enter a correct username and password").doesNotContain("You have signed out");

        mvc.perform(post("/sign-out").with(csrf()).with(Requests.signedIn(users, "viewer")))
                .andExpect(redirectedUrl("/sign-in?signed-out"));
        // A container reads "?signed-out" as the parameter with an empty value.
        String afterSignOut = mvc.perform(get("/sign-in").param("signed-out", "")).andReturn().getResponse().getContentAsString();
        assertThat(afterSignOut).contains("You have signed out").doesNotContain("There is a problem");
    }

    @Test
    void repeatedFailuresSlowDownThenLockTheAccount() throws Exception {
        createUser("locksmith");
        for (int i = 1; i <= 2; i++) {
            mvc.perform(formLogin("/sign-in").user("locksmith").password("wrong")).andExpect(redirectedUrl("/sign-in?error"));
        }
        assertThat(lockedUntil("locksmith")).isNull();
        var session = new MockHttpSession();
        mvc.perform(formLogin("/sign-in").user("locksmith").password("wrong")).andExpect(redirectedUrl("/sign-in?error"));
        assertThat(lockedUntil("locksmith")).as("third failure: must wait before the next try").isNotNull();
        // Even the right password is refused while waiting, and the page says why.
        mvc.perform(post("/sign-in").with(csrf()).session(session).param("username", "locksmith")
                .param("password", "a long enough password")).andExpect(redirectedUrl("/sign-in?error"));
        var page = mvc.perform(get("/sign-in?error").session(session)).andReturn().getResponse().getContentAsString();
        assertThat(page).containsPattern(Pattern.compile("Wait \\d+ seconds and try again"));
        // Past the slow-down, three more failures lock the account for a while.
        for (int i = 0; i < 3; i++) {
            jdbc.sql("update canopy_user set locked_until = null where username = 'locksmith'").update();
            mvc.perform(formLogin("/sign-in").user("locksmith").password("wrong")).andExpect(redirectedUrl("/sign-in?error"));
        }
        var lockedFor = java.time.Duration.between(java.time.LocalDateTime.now(java.time.ZoneOffset.UTC), lockedUntil("locksmith"));
        assertThat(lockedFor).isGreaterThan(java.time.Duration.ofMinutes(14));
        mvc.perform(post("/sign-in").with(csrf()).session(session).param("username", "locksmith")
                .param("password", "a long enough password")).andExpect(redirectedUrl("/sign-in?error"));
        page = mvc.perform(get("/sign-in?error").session(session)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("This account is locked after too many failed sign-ins");
        // Once the lock has passed, the right password works and the count starts again.
        jdbc.sql("update canopy_user set locked_until = null where username = 'locksmith'").update();
        mvc.perform(formLogin("/sign-in").user("locksmith").password("a long enough password")).andExpect(redirectedUrl("/"));
        assertThat(jdbc.sql("select failed_attempts from canopy_user where username = 'locksmith'").query(Integer.class)
                .single()).isZero();
    }

    @Test
    void theAdministratorAddsAndDisablesPeople() throws Exception {
        var page = mvc.perform(post("/admin/users").with(csrf()).with(Requests.signedIn(users, "coordinator"))
                .param("username", "Bad Name!").param("displayName", "").param("password", "short").param("role", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("There is a problem").contains("Enter a password of at least 12 characters")
                .contains("Select the person&#39;s role");
        mvc.perform(post("/admin/users").with(csrf()).with(Requests.signedIn(users, "coordinator"))
                .param("username", "schools.lead").param("displayName", "Schools lead").param("password", "correct horse battery")
                .param("role", "AGENCY_CONTRIBUTOR").param("agencyId", agencyId("Schools")))
                .andExpect(status().is3xxRedirection());
        mvc.perform(formLogin("/sign-in").user("schools.lead").password("correct horse battery")).andExpect(redirectedUrl("/"));
        long id = jdbc.sql("select id from canopy_user where username = 'schools.lead'").query(Long.class).single();
        mvc.perform(post("/admin/users/" + id + "/enabled").param("enabled", "false").with(csrf())
                .with(Requests.signedIn(users, "coordinator"))).andExpect(status().is3xxRedirection());
        mvc.perform(formLogin("/sign-in").user("schools.lead").password("correct horse battery"))
                .andExpect(redirectedUrl("/sign-in?error"));
        assertThat(jdbc.sql("select count(*) from audit_event where record_type = 'user' and record_id = ?")
                .param(String.valueOf(id)).query(Integer.class).single()).isEqualTo(2);
        mvc.perform(post("/admin/users").with(csrf()).with(Requests.signedIn(users, "executive"))
                .param("username", "sneaky").param("displayName", "Sneaky").param("password", "correct horse battery")
                .param("role", "ADMINISTRATOR")).andExpect(status().isForbidden());
    }

    @Test
    void apiTokensAreShownOnceStoredHashedAndCanBeRevoked() throws Exception {
        long viewerId = jdbc.sql("select id from canopy_user where username = 'viewer'").query(Long.class).single();
        var page = mvc.perform(post("/admin/tokens").with(csrf()).with(Requests.signedIn(users, "coordinator"))
                .param("name", "Power BI").param("userId", String.valueOf(viewerId)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        var matcher = Pattern.compile("id=\"issued-token\">(canopy_[A-Za-z0-9_-]+)<").matcher(page);
        assertThat(matcher.find()).isTrue();
        String token = matcher.group(1);
        assertThat(jdbc.sql("select count(*) from api_token where token_hash = ?").param(token).query(Integer.class).single())
                .as("the token itself is not stored").isZero();
        mvc.perform(get("/api/v1/plans").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/plans").header("Authorization", "Bearer canopy_nonsense")).andExpect(status().isUnauthorized());
        var list = mvc.perform(get("/admin/tokens").with(Requests.signedIn(users, "coordinator"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(list).contains("Power BI").doesNotContain(token);
        long tokenId = jdbc.sql("select id from api_token where name = 'Power BI'").query(Long.class).single();
        mvc.perform(post("/admin/tokens/" + tokenId + "/revoke").with(csrf()).with(Requests.signedIn(users, "coordinator")))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/plans").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
    }

    void createUser(String username) {
        long partnership = jdbc.sql("select partnership_id from canopy_user where username = 'viewer'").query(Long.class).single();
        jdbc.sql("insert into canopy_user (partnership_id, username, display_name, password_hash, role) values (?, ?, ?, ?, 'VIEWER')")
                .params(partnership, username, username, encoder.encode("a long enough password")).update();
    }

    java.time.LocalDateTime lockedUntil(String username) {
        return jdbc.sql("select locked_until from canopy_user where username = ?").param(username)
                .query((rs, n) -> java.util.Optional.ofNullable(rs.getObject(1, java.time.LocalDateTime.class))).single()
                .orElse(null);
    }

    String agencyId(String name) {
        return String.valueOf(jdbc.sql("select id from agency where name = ?").param(name).query(Long.class).single());
    }
}
