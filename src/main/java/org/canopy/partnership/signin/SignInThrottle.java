package org.canopy.partnership.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.canopy.partnership.accounts.UserAccounts;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Slows down and then locks an account after repeated failed sign-ins. From the third failure in a
 * row the account must wait a little longer before each next try; from the sixth it is locked for
 * fifteen minutes. A lock refuses even the right password, so guessing cannot continue during it.
 */
@Component
class SignInThrottle {

    static final int SLOW_DOWN_FROM = 3;
    static final int LOCK_FROM = 6;
    static final Duration SLOW_DOWN_STEP = Duration.ofSeconds(5);
    static final Duration LOCK = Duration.ofMinutes(15);

    private final UserAccounts users;
    private final Clock clock;

    SignInThrottle(UserAccounts users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        String username = event.getAuthentication().getName();
        int failures = users.recordFailure(username);
        Instant now = clock.instant();
        if (failures >= LOCK_FROM) {
            users.lockUntil(username, now.plus(LOCK));
        } else if (failures >= SLOW_DOWN_FROM) {
            users.lockUntil(username, now.plus(SLOW_DOWN_STEP.multipliedBy(failures - SLOW_DOWN_FROM + 1)));
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        users.recordSuccess(event.getAuthentication().getName());
    }

    /** The message for a refused sign-in on an account that is waiting or locked. */
    String lockedMessage(String username) {
        return users.lockedUntil(username).filter(until -> until.isAfter(clock.instant()))
                .map(until -> {
                    long seconds = Math.max(1, Duration.between(clock.instant(), until).toSeconds());
                    return seconds > 60
                            ? "This account is locked after too many failed sign-ins. Try again in "
                                    + ((seconds + 59) / 60) + " minutes, or ask your partnership administrator."
                            : "Too many failed sign-ins. Wait " + seconds + " seconds and try again.";
                })
                .orElse("Enter a correct username and password.");
    }
}
