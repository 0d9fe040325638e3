package org.canopy.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
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
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Sign-in, throttling and locking, administrator pages for people, and API tokens. */
@CanopyDatabaseTest
class SignInAndTokensTest {

    /** From this many failures with a name from one address, the next try waits (signin.SignInThrottle). */
    static final int SIGN_IN_SLOW_DOWN_FROM = 3;

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

    /** The same page, status and throttle for a name that does not exist as for one that does. */
    @Test
    void anUnknownUsernameIsAnsweredExactlyAsAKnownOne() throws Exception {
        createUser("known.person");
        String known = failedSignInPage("known.person", "203.0.113.10");
        String unknown = failedSignInPage("no.such.person", "203.0.113.11");
        assertThat(known).contains("Enter a correct username and password").isEqualTo(unknown);
        // A disabled account with a wrong password says no more than an unknown name.
        jdbc.sql("update canopy_user set enabled = false where username = 'known.person'").update();
        assertThat(failedSignInPage("known.person", "203.0.113.12")).isEqualTo(unknown);
        jdbc.sql("update canopy_user set enabled = true where username = 'known.person'").update();
        // Slowed down alike: the third failure makes the next try wait, whether or not the name exists.
        for (int i = 0; i < 2; i++) {
            failedSignInPage("known.person", "203.0.113.10");
            failedSignInPage("no.such.person", "203.0.113.11");
        }
        String knownWaits = failedSignInPage("known.person", "203.0.113.10");
        String unknownWaits = failedSignInPage("no.such.person", "203.0.113.11");
        assertThat(knownWaits).containsPattern("Too many failed sign-ins. Wait [1-5] seconds and try again");
        // The seconds left may differ by one between the two requests; the rest is the same page.
        assertThat(knownWaits.replaceAll("Wait \\d seconds", "Wait N seconds"))
                .isEqualTo(unknownWaits.replaceAll("Wait \\d seconds", "Wait N seconds"));
    }

    /**
     * Failures with a name from one address slow down, then refuse, that name from that address only: its owner signs
     * in from another address throughout, so an attacker cannot lock them out.
     */
    @Test
    void failuresFromOneAddressDoNotLockTheOwnerOutElsewhere() throws Exception {
        createUser("locksmith");
        String attacker = "203.0.113.20";
        String owner = "198.51.100.20";
        for (int i = 1; i <= 2; i++) {
            signIn("locksmith", "wrong", attacker).andExpect(redirectedUrl("/sign-in?error"));
        }
        signIn("locksmith", "wrong", attacker).andExpect(redirectedUrl("/sign-in?error"));
        // Third failure: even the right password from that address must wait, and the page says why.
        assertThat(signInPage("locksmith", "a long enough password", attacker))
                .containsPattern(Pattern.compile("Wait [1-5] seconds and try again"));
        signIn("locksmith", "a long enough password", owner).andExpect(redirectedUrl("/"));
        // The owner's success elsewhere does not forgive the attacker's address; three more failures refuse it.
        for (int i = 0; i < 3; i++) {
            passTime(attacker, Duration.ofMinutes(1));
            signIn("locksmith", "wrong", attacker).andExpect(redirectedUrl("/sign-in?error"));
        }
        assertThat(signInPage("locksmith", "a long enough password", attacker))
                .contains("Too many failed sign-ins with this username. Try again in 15 minutes.");
        signIn("locksmith", "a long enough password", owner).andExpect(redirectedUrl("/"));
        // Once the refusal has passed, the right password works from there too and its count starts again.
        passTime(attacker, Duration.ofMinutes(15));
        signIn("locksmith", "a long enough password", attacker).andExpect(redirectedUrl("/"));
        assertThat(failuresFrom(attacker)).isZero();
    }

    /** Tries sent at once see each other while their passwords are checked: no more pass than one at a time would. */
    @Test
    void triesSentAtOnceAreThrottledTogether() throws Exception {
        createUser("rushed");
        String address = "203.0.113.50";
        var pool = java.util.concurrent.Executors.newFixedThreadPool(12);
        try {
            var answers = new java.util.ArrayList<java.util.concurrent.Future<String>>();
            var start = new java.util.concurrent.CountDownLatch(1);
            for (int i = 0; i < 12; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return signIn("rushed", "wrong", address).andReturn().getResponse().getRedirectedUrl();
                }));
            }
            start.countDown();
            for (var answer : answers) {
                assertThat(answer.get()).isEqualTo("/sign-in?error");
            }
        } finally {
            pool.shutdown();
        }
        // Each refused try is not counted; only those whose password was checked are, and from the third on they wait.
        assertThat(failuresFrom(address)).isBetween(1, SIGN_IN_SLOW_DOWN_FROM);
    }

    /** HTTP Basic on the API is throttled alike, and says so as problem details. */
    @Test
    void theApiIsThrottledLikeTheSignInPage() throws Exception {
        String address = "203.0.113.40";
        for (int i = 0; i < 3; i++) {
            mvc.perform(get("/api/v1/plans").with(httpBasic("viewer", "wrong")).with(from(address)))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/v1/plans").with(httpBasic("viewer", "demo")).with(from(address)))
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.title").value("Too many failed sign-ins"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.matchesPattern(
                        "Too many failed sign-ins. Wait [1-5] seconds and try again.")));
        mvc.perform(get("/api/v1/plans").with(httpBasic("viewer", "demo")).with(from("198.51.100.40")))
                .andExpect(status().isOk());
    }

    /** An address trying many names (password spraying) is slowed, then refused, without touching other addresses. */
    @Test
    void anAddressTryingManyNamesIsRefused() throws Exception {
        String sprayer = "203.0.113.30";
        for (int i = 1; i <= 30; i++) {
            // Failures long enough apart for each slow-down to have passed, all within the hour counted.
            passTime(sprayer, Duration.ofMinutes(10), true);
            signIn("guess" + i, "Password123!", sprayer).andExpect(redirectedUrl("/sign-in?error"));
            if (i == 10) {
                assertThat(signInPage("another.guess", "Password123!", sprayer))
                        .containsPattern("Too many failed sign-ins. Wait [1-5] seconds and try again");
            }
        }
        assertThat(failuresFrom(sprayer)).isEqualTo(30);
        assertThat(signInPage("viewer", "demo", sprayer))
                .contains("Too many failed sign-ins from your network. Try again in 15 minutes.");
        signIn("viewer", "demo", "198.51.100.30").andExpect(redirectedUrl("/"));
        assertThat(failuresFrom(sprayer)).as("refused tries are not counted").isEqualTo(30);
    }

    @Test
    void theAdministratorAddsAndDisablesPeople() throws Exception {
        var page = mvc.perform(post("/admin/users").with(csrf()).with(Requests.signedIn(users, "coordinator"))
                .param("username", "Bad Name!").param("displayName", "").param("password", "short").param("role", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("There is a problem").contains("Enter a password of at least 12 characters")
                .contains("Select the person&#39;s role");
        for (String common : new String[] {"Password123!", "password1234"}) {
            page = mvc.perform(post("/admin/users").with(csrf()).with(Requests.signedIn(users, "coordinator"))
                    .param("username", "schools.lead").param("displayName", "Schools lead").param("password", common)
                    .param("role", "VIEWER")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(page).as(common).contains("There is a problem").contains("href=\"#password\">That password is on "
                    + "lists of common or leaked passwords, or is made from one. Choose another: three or four random words "
                    + "make a strong password</a>");
        }
        assertThat(jdbc.sql("select count(*) from canopy_user where username = 'schools.lead'").query(Integer.class).single())
                .isZero();
        mvc.perform(post("/admin/users").with(csrf()).with(Requests.signedIn(users, "coordinator"))
                .param("username", "schools.lead").param("displayName", "Schools lead").param("password", "correct horse battery")
                .param("role", "AGENCY_CONTRIBUTOR").param("agencyId", agencyId("Schools")))
                .andExpect(status().is3xxRedirection());
        mvc.perform(formLogin("/sign-in").user("schools.lead").password("correct horse battery")).andExpect(redirectedUrl("/"));
        long id = jdbc.sql("select id from canopy_user where username = 'schools.lead'").query(Long.class).single();
        mvc.perform(post("/admin/users/" + id + "/enabled").param("enabled", "false").with(csrf())
                .with(Requests.signedIn(users, "coordinator"))).andExpect(status().is3xxRedirection());
        // Told only to someone who has the password (a wrong one reads as for any name).
        assertThat(signInPage("schools.lead", "correct horse battery", "198.51.100.40"))
                .contains("This account has been disabled. Ask your partnership administrator.");
        assertThat(failedSignInPage("schools.lead", "198.51.100.40")).contains("Enter a correct username and password")
                .doesNotContain("disabled");
        assertThat(jdbc.sql("select count(*) from audit_event where record_type = 'user' and record_id = ?")
                .param(String.valueOf(id)).query(Integer.class).single()).isEqualTo(2);
        mvc.perform(post("/admin/users").with(csrf()).with(Requests.signedIn(users, "executive"))
                .param("username", "sneaky").param("displayName", "Sneaky").param("password", "correct horse battery")
                .param("role", "ADMINISTRATOR")).andExpect(status().isForbidden());
    }

    /** A person who forgot their password gets a new one from the administrator, under the same policy. */
    @Test
    void theAdministratorSetsANewPasswordForAPerson() throws Exception {
        createUser("forgetful");
        long id = jdbc.sql("select id from canopy_user where username = 'forgetful'").query(Long.class).single();
        var list = mvc.perform(get("/admin/users").with(Requests.signedIn(users, "coordinator"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(list).contains("href=\"/admin/users/" + id + "/password\">Set password<span class=\"govuk-visually-hidden\"> for forgetful</span>");
        var refused = mvc.perform(post("/admin/users/" + id + "/password").with(csrf())
                .with(Requests.signedIn(users, "coordinator")).param("password", "Password123!"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("<title>Error: Set a new password – Canopy</title>")
                .contains("href=\"#password\">That password is on lists of common or leaked passwords")
                .doesNotContain("Password123!");
        mvc.perform(post("/admin/users/" + id + "/password").with(csrf()).with(Requests.signedIn(users, "executive"))
                .param("password", "plum harbour silent engine")).andExpect(status().isForbidden());
        mvc.perform(post("/admin/users/" + id + "/password").with(csrf()).with(Requests.signedIn(users, "coordinator"))
                .param("password", "plum harbour silent engine")).andExpect(redirectedUrl("/admin/users"));

        signIn("forgetful", "a long enough password", "198.51.100.50").andExpect(redirectedUrl("/sign-in?error"));
        signIn("forgetful", "plum harbour silent engine", "198.51.100.50").andExpect(redirectedUrl("/"));
        var audit = jdbc.sql("select summary, coalesce(after_state, '') from audit_event where record_type = 'user' "
                + "and record_id = ? and action = 'password-set'").param(String.valueOf(id))
                .query((rs, n) -> rs.getString(1) + "|" + rs.getString(2)).list();
        assertThat(audit).containsExactly("Set a new password for forgetful|");
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

    @AfterEach
    void forgetTheseFailures() {
        jdbc.sql("delete from sign_in_failure where client_address like '203.0.113.%' or client_address like '198.51.100.%'")
                .update();
    }

    ResultActions signIn(String username, String password, String address) throws Exception {
        return mvc.perform(post("/sign-in").with(csrf()).with(from(address)).param("username", username)
                .param("password", password));
    }

    /** The sign-in page a person sees after a refused sign-in, its form's token left out. */
    String signInPage(String username, String password, String address) throws Exception {
        var session = new MockHttpSession();
        mvc.perform(post("/sign-in").with(csrf()).with(from(address)).session(session).param("username", username)
                .param("password", password)).andExpect(status().isFound()).andExpect(redirectedUrl("/sign-in?error"));
        String page = mvc.perform(get("/sign-in?error").with(from(address)).session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return page.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\" value=\"\"");
    }

    String failedSignInPage(String username, String address) throws Exception {
        return signInPage(username, "not the password", address);
    }

    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** As if {@code by} had passed since the address's failures (or, with {@code atOnce}, since now). */
    void passTime(String address, Duration by) {
        passTime(address, by, false);
    }

    void passTime(String address, Duration by, boolean fromNow) {
        var rows = jdbc.sql("select id, failed_at from sign_in_failure where client_address = ?").param(address)
                .query((rs, n) -> java.util.Map.entry(rs.getLong(1), rs.getObject(2, LocalDateTime.class))).list();
        for (var row : rows) {
            var at = fromNow ? LocalDateTime.now(ZoneOffset.UTC).minus(by) : row.getValue().minus(by);
            jdbc.sql("update sign_in_failure set failed_at = ? where id = ?").params(at, row.getKey()).update();
        }
    }

    int failuresFrom(String address) {
        return jdbc.sql("select count(*) from sign_in_failure where client_address = ?").param(address)
                .query(Integer.class).single();
    }

    String agencyId(String name) {
        return String.valueOf(jdbc.sql("select id from agency where name = ?").param(name).query(Long.class).single());
    }
}
