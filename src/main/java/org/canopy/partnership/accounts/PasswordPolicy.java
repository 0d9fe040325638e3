package org.canopy.partnership.accounts;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.matching.match.DictionaryMatch;
import me.gosimple.nbvcxz.scoring.Result;
import org.springframework.stereotype.Component;

/**
 * What a password must be wherever one is set (the administrator's pages, the create-admin command, a person changing
 * their own): at least 12 characters, no more than the hash reads, and not easy to guess. Guessability is nbvcxz's
 * estimate against the lists it ships (100,000 leaked passwords ranked by use, English words, names, surnames),
 * with leet spellings, keyboard runs, years and sequences, so "password1" and "Password123!" are refused alike.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    /** BCrypt reads only the first 72 bytes, and Spring Security refuses a longer password rather than cut it. */
    static final int MAX_BYTES = 72;
    /** nbvcxz's own default: about 34 billion guesses, out of reach of an online attack on a throttled sign-in. */
    static final double MIN_ENTROPY_BITS = 35.0;

    static final String TOO_SHORT = "Enter a password of at least " + MIN_LENGTH + " characters";
    static final String TOO_LONG = "Enter a shorter password: at most " + MAX_BYTES
            + " characters, fewer if it has accented letters or emoji";
    static final String COMMON = "That password is on lists of common or leaked passwords, or is made from one. "
            + "Choose another: three or four random words make a strong password";
    static final String GUESSABLE = "That password is too easy to guess: it is made of common words, names, dates or "
            + "keyboard patterns. Choose another: three or four random words make a strong password";

    private volatile Nbvcxz estimator;

    /** Why {@code password} will not do, in words for the person choosing it; empty when it will. */
    public Optional<String> problem(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of(TOO_SHORT);
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of(TOO_LONG);
        }
        Result estimate = estimator().estimate(password);
        if (estimate.getEntropy() >= MIN_ENTROPY_BITS) {
            return Optional.empty();
        }
        boolean leaked = estimate.getMatches().stream()
                .anyMatch(m -> m instanceof DictionaryMatch d && "passwords".equals(d.getDictionaryName()));
        return Optional.of(leaked ? COMMON : GUESSABLE);
    }

    /** Loading the word lists takes a second or two: done once, when a password is first set, not at every start. */
    private Nbvcxz estimator() {
        Nbvcxz loaded = estimator;
        if (loaded == null) {
            synchronized (this) {
                if (estimator == null) {
                    estimator = new Nbvcxz();
                }
                loaded = estimator;
            }
        }
        return loaded;
    }
}
