package org.canopy.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.canopy.support.CanopyDatabaseTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** A signed-in person changes their own password at /account/password. */
@CanopyDatabaseTest
class PasswordChangeTest {

    static final String ADDRESS = "192.0.2.50";
    static final String OLD = "a long enough password";
    static final String NEW = "plum harbour silent engine";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @BeforeEach
    void aPerson() {
        long partnership = jdbc.sql("select partnership_id from canopy_user where username = 'viewer'").query(Long.class)
                .single();
        jdbc.sql("insert into canopy_user (partnership_id, username, display_name, password_hash, role) values (?, ?, ?, ?, 'VIEWER')")
                .params(partnership, "changer", "Chris Changer", encoder.encode(OLD)).update();
    }

    @AfterEach
    void forget() {
        long id = jdbc.sql("select id from canopy_user where username = 'changer'").query(Long.class).single();
        jdbc.sql("delete from audit_event where record_type = 'user' and record_id = ?").param(String.valueOf(id)).update();
        jdbc.sql("delete from canopy_user where id = ?").param(id).update();
        jdbc.sql("delete from sign_in_failure where client_address = ?").param(ADDRESS).update();
    }

    @Test
    void changingOnesOwnPasswordWorksAndTheOldOneThenFails() throws Exception {
        var session = signIn(OLD);
        String form = page(get("/account/password"), session);
        assertThat(form).contains("<h1 class=\"govuk-heading-l\">Change your password</h1>")
                .contains("<label class=\"govuk-label\" for=\"currentPassword\">Current password</label>")
                .contains("<label class=\"govuk-label\" for=\"newPassword\">New password</label>")
                .contains("<label class=\"govuk-label\" for=\"confirmPassword\">Confirm new password</label>")
                .contains("name=\"_csrf\"").contains("href=\"/account/password\">Change password</a>");
        String sessionId = session.getId();
        mvc.perform(change(OLD, NEW, NEW).session(session)).andExpect(redirectedUrl("/account/password"));
        assertThat(session.getId()).as("a new session id after the change").isNotEqualTo(sessionId);
        assertThat(page(get("/account/password"), session)).contains("Success").contains("Your password has been changed");

        mvc.perform(signInRequest(OLD, new MockHttpSession())).andExpect(redirectedUrl("/sign-in?error"));
        signIn(NEW);
        var audit = jdbc.sql("""
                select summary, coalesce(before_state, '') || coalesce(after_state, '') from audit_event
                where record_type = 'user' and action = 'password-changed' and actor = 'changer'""")
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2)).list();
        assertThat(audit).singleElement().asString().isEqualTo("changer changed their own password ")
                .doesNotContain(NEW).doesNotContain(OLD);
    }

    @Test
    void aWrongCurrentPasswordIsRefusedAndNothingChanges() throws Exception {
        var session = signIn(OLD);
        String refused = page(change("not my password at all", NEW, NEW), session);
        assertThat(refused).contains("<title>Error: Change your password – Canopy</title>").contains("There is a problem")
                .contains("<a href=\"#currentPassword\">Your current password is not right. Enter it again</a>")
                .doesNotContain("#newPassword").doesNotContain(NEW);
        mvc.perform(signInRequest(NEW, new MockHttpSession())).andExpect(redirectedUrl("/sign-in?error"));
        signIn(OLD);
        // Guessing the current password from an open session is throttled like signing in.
        for (int i = 0; i < 3; i++) {
            page(change("another wrong guess", NEW, NEW), session);
        }
        assertThat(page(change(OLD, NEW, NEW), session)).containsPattern("Too many failed sign-ins. Wait [1-5] seconds");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'password-changed' and actor = 'changer'")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aCommonOrMismatchedNewPasswordIsRefusedWithClearMessages() throws Exception {
        var session = signIn(OLD);
        assertThat(page(change(OLD, "Password123!", "Password123!"), session))
                .contains("<a href=\"#newPassword\">That password is on lists of common or leaked passwords, or is made "
                        + "from one. Choose another: three or four random words make a strong password</a>")
                .contains("aria-describedby=\"newPassword-hint newPassword-error\"");
        assertThat(page(change(OLD, NEW, "plum harbour silent engines"), session))
                .contains("<a href=\"#confirmPassword\">Enter the same new password in both boxes</a>")
                .doesNotContain("#newPassword\"");
        assertThat(page(change(OLD, OLD, OLD), session))
                .contains("Enter a new password that is different from your current one");
        assertThat(page(change("", "", ""), session)).contains("Enter your current password").contains("Enter a new password")
                .contains("Enter your new password again");
        // Without the form's token the change is refused.
        mvc.perform(post("/account/password").with(from()).session(session).param("currentPassword", OLD)
                .param("newPassword", NEW).param("confirmPassword", NEW)).andExpect(status().isForbidden());
        signIn(OLD);
    }

    MockHttpServletRequestBuilder change(String current, String chosen, String confirmed) {
        return post("/account/password").with(csrf()).with(from()).param("currentPassword", current)
                .param("newPassword", chosen).param("confirmPassword", confirmed);
    }

    String page(MockHttpServletRequestBuilder request, MockHttpSession session) throws Exception {
        return mvc.perform(request.with(from()).session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    MockHttpSession signIn(String password) throws Exception {
        var session = new MockHttpSession();
        mvc.perform(signInRequest(password, session)).andExpect(redirectedUrl("/"));
        return session;
    }

    MockHttpServletRequestBuilder signInRequest(String password, MockHttpSession session) {
        return post("/sign-in").with(csrf()).with(from()).session(session).param("username", "changer")
                .param("password", password);
    }

    static RequestPostProcessor from() {
        return request -> {
            request.setRemoteAddr(ADDRESS);
            return request;
        };
    }
}
