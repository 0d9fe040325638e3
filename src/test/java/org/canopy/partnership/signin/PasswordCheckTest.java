package org.canopy.partnership.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.Role;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The password check does the same work for an unknown name as for a known one, and tells "disabled" only after it. */
class PasswordCheckTest {

    /** BCrypt at its default cost, counting the hashes it checks. */
    static final class CountingEncoder implements PasswordEncoder {
        final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
        final AtomicInteger checked = new AtomicInteger();

        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String hash) {
            checked.incrementAndGet();
            return bcrypt.matches(raw, hash);
        }
    }

    final CountingEncoder encoder = new CountingEncoder();
    final String hash = encoder.encode("fresh kettle in the garden");

    final DaoAuthenticationProvider provider = SecurityConfiguration.passwordCheck(name -> switch (name) {
        case "known" -> person(name, true);
        case "disabled" -> person(name, false);
        default -> throw new UsernameNotFoundException("No such user");
    }, encoder);

    CanopyUser person(String name, boolean enabled) {
        return new CanopyUser(1, 1, name, name, Role.VIEWER, null, null, enabled, false, hash);
    }

    void signIn(String name, String password) {
        provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(name, password));
    }

    @Test
    void anUnknownNameIsAnsweredAsAWrongPasswordAfterAHashIsChecked() {
        encoder.checked.set(0);
        assertThatThrownBy(() -> signIn("known", "wrong password")).isExactlyInstanceOf(BadCredentialsException.class);
        assertThat(encoder.checked).hasValue(1);
        assertThatThrownBy(() -> signIn("nobody", "wrong password")).isExactlyInstanceOf(BadCredentialsException.class)
                .hasMessage("Bad credentials");
        assertThat(encoder.checked).as("a hash is checked for an unknown name too").hasValue(2);
    }

    /** A password longer than BCrypt reads is a wrong password, for a known name as for an unknown one, not an error. */
    @Test
    void anOverlongPasswordIsAWrongPassword() {
        String overlong = "fresh kettle in the garden".repeat(4);
        assertThatThrownBy(() -> signIn("known", overlong)).isExactlyInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> signIn("nobody", overlong)).isExactlyInstanceOf(BadCredentialsException.class);
    }

    @Test
    void aDisabledAccountIsToldSoOnlyWithItsPassword() {
        assertThatThrownBy(() -> signIn("disabled", "wrong password")).isExactlyInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> signIn("disabled", "fresh kettle in the garden")).isInstanceOf(DisabledException.class);
        assertThat(provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("known",
                "fresh kettle in the garden")).isAuthenticated()).isTrue();
    }
}
