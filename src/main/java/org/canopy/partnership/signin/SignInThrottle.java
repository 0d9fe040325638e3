package org.canopy.partnership.signin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Slows down and then refuses repeated failed sign-ins, by client address and by username and address, so that an
 * attacker slows only themselves: failures from one address never lock the account for its owner signing in from
 * another. For a username from one address (counted since its last success there): from the third failure each next
 * try waits 5 seconds more; from the sixth, tries are refused for 15 minutes after the latest. For an address, whatever
 * names it tries (counted over the last hour): from the tenth failure each next try waits 5 seconds more; from the
 * thirtieth, tries are refused for 15 minutes after the latest. A refusal refuses even the right password, so guessing
 * cannot continue during it, and a name that does not exist is throttled exactly like one that does.
 */
@Component
class SignInThrottle {

    static final int NAME_SLOW_DOWN_FROM = 3;
    static final int NAME_REFUSE_FROM = 6;
    static final int ADDRESS_SLOW_DOWN_FROM = 10;
    static final int ADDRESS_REFUSE_FROM = 30;
    static final Duration SLOW_DOWN_STEP = Duration.ofSeconds(5);
    static final Duration REFUSAL = Duration.ofMinutes(15);
    static final Duration ADDRESS_WINDOW = Duration.ofHours(1);
    /** A name's failures count for a day at most: older rows are deleted. */
    static final Duration KEPT = Duration.ofDays(1);

    /** One try under way: its provisional failure row, removed when the password is right. */
    record Attempt(String address, String usernameDigest, long row) {
    }

    private final SignInFailures failures;
    private final Clock clock;

    SignInThrottle(SignInFailures failures, Clock clock) {
        this.failures = failures;
        this.clock = clock;
    }

    /**
     * Starts a try: it counts as failed from now, so that tries sent at once see each other (the password check takes
     * a moment), then it is refused with the reason if the address or the name there must wait.
     */
    Attempt begin(String username, String clientAddress) throws SignInRefused {
        String address = clientAddress == null || clientAddress.isBlank() ? "unknown"
                : clientAddress.length() > 64 ? clientAddress.substring(0, 64) : clientAddress;
        Instant now = clock.instant();
        var attempt = new Attempt(address, digest(username), failures.record(address, digest(username), now));
        Optional<String> refusal = refusal(attempt, now);
        if (refusal.isPresent()) {
            // A refused try was not checked: it is not a failure, and does not lengthen the wait.
            failures.remove(attempt.row());
            throw new SignInRefused(refusal.get());
        }
        return attempt;
    }

    /** The password was wrong: the try stays counted, and a day's old failures are forgotten. */
    void failed(Attempt attempt) {
        failures.forgetBefore(clock.instant().minus(KEPT));
    }

    /** The password was right: this name's failures from this address are forgotten. */
    void succeeded(Attempt attempt) {
        failures.remove(attempt.row());
        failures.clearName(attempt.address(), attempt.usernameDigest());
    }

    /** The password was right but the account may not sign in (disabled): not a guess, so not counted. */
    void abandoned(Attempt attempt) {
        failures.remove(attempt.row());
    }

    private Optional<String> refusal(Attempt attempt, Instant now) {
        var name = failures.forNameFromAddress(attempt.address(), attempt.usernameDigest(), now.minus(KEPT), attempt.row());
        var address = failures.fromAddress(attempt.address(), now.minus(ADDRESS_WINDOW), attempt.row());
        Instant nameUntil = until(name, NAME_SLOW_DOWN_FROM, NAME_REFUSE_FROM);
        Instant addressUntil = until(address, ADDRESS_SLOW_DOWN_FROM, ADDRESS_REFUSE_FROM);
        boolean byName = !addressUntil.isAfter(nameUntil);
        Instant until = byName ? nameUntil : addressUntil;
        if (!until.isAfter(now)) {
            return Optional.empty();
        }
        long seconds = Math.max(1, Duration.between(now, until).toSeconds());
        if (seconds <= 60) {
            return Optional.of("Too many failed sign-ins. Wait " + seconds + " seconds and try again.");
        }
        long minutes = (seconds + 59) / 60;
        return Optional.of(byName
                ? "Too many failed sign-ins with this username. Try again in " + minutes + " minutes."
                : "Too many failed sign-ins from your network. Try again in " + minutes + " minutes.");
    }

    /** When the next try may be made after these failures (the epoch when at once). */
    private static Instant until(SignInFailures.Count count, int slowDownFrom, int refuseFrom) {
        if (count.failures() >= refuseFrom) {
            return count.latest().plus(REFUSAL);
        }
        if (count.failures() >= slowDownFrom) {
            return count.latest().plus(SLOW_DOWN_STEP.multipliedBy(count.failures() - slowDownFrom + 1L));
        }
        return Instant.EPOCH;
    }

    /** What is kept of the name typed: its digest, since people sometimes type a password there. */
    static String digest(String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
