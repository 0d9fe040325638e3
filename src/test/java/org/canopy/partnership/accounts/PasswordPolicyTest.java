package org.canopy.partnership.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/** The password rule wherever a password is set: length, the hash's limit, and common or leaked passwords refused. */
class PasswordPolicyTest {

    final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void commonAndLeakedPasswordsAreRefusedSayingWhy() {
        assertThat(policy.problem("password1")).hasValue(PasswordPolicy.TOO_SHORT);
        for (String common : new String[] {"Password123!", "password123456", "P@ssw0rd12345", "iloveyou12345",
                "liverpool2024!"}) {
            assertThat(policy.problem(common)).as(common)
                    .hasValue("That password is on lists of common or leaked passwords, or is made from one. "
                            + "Choose another: three or four random words make a strong password");
        }
        // Built from dictionary words and a year, not from a leaked password: refused with its own reason.
        assertThat(policy.problem("Safeguarding2026")).hasValue(PasswordPolicy.GUESSABLE);
    }

    @Test
    void lengthIsCheckedBothWays() {
        assertThat(policy.problem("")).hasValue("Enter a password of at least 12 characters");
        assertThat(policy.problem(null)).hasValue("Enter a password of at least 12 characters");
        // 36 two-byte letters fill the 72 bytes BCrypt reads; one more would be cut off, so it is refused.
        assertThat(policy.problem("é".repeat(37)))
                .hasValue("Enter a shorter password: at most 72 characters, fewer if it has accented letters or emoji");
    }

    @Test
    void strongPasswordsAreTaken() {
        assertThat(policy.problem("fresh kettle in the garden")).isEmpty();
        assertThat(policy.problem("correct horse battery")).isEmpty();
        assertThat(policy.problem("zx8#Lq2!vR9m")).isEmpty();
    }

    /** The create-admin command refuses a common password before it creates anything. */
    @Test
    void theCreateAdminCommandRefusesACommonPassword() {
        var users = mock(UserAccounts.class);
        var command = new AdministratorCommand(mock(Partnerships.class), users, mock(PasswordEncoder.class),
                mock(TransactionTemplate.class), policy);
        assertThatThrownBy(() -> command.createAdministrator("Borough Safeguarding Children Partnership", "Borough",
                "first.admin", "First Admin", "Password123!"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the password was refused. That password is on lists of common or leaked passwords, or is "
                        + "made from one. Choose another: three or four random words make a strong password");
        verify(users, never()).create(anyLong(), anyString(), anyString(), any(), anyString(), any(), any());
    }
}
