package org.canopy.privacy.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The shortcuts of the guard's scan skip patterns only where they could not find anything. */
class PatternIdentifierGuardShortcutTest {

    static final String[] TOKENS = {"943 476 5919", "9434765919", "401-023-2137", "B801200005001", "g80120000101a", "E1 6AN",
        "sw1a1aa", "GIR 0AA", "gir0aa", "born", "Born", "DOB", "d.o.b", "D.OB", "do.b", "b.", "birthday", "date of birth",
        "12/03/2015", "2015-03-12", "12 March 2015", "March 12th, 2015", "(DOB)", "020 7946 0018", "+44 20 7946 0018",
        "0044 (0)20 7946 0018", "07700 900123", "(01632) 960 001", "a.b@example.org", "x@y.co.uk", "@", "1", "42", "2020-21",
        "E1", "N", "b", "g", "o", "d", ".", "-", " ", " ", " ", ",", "\n", "\u00A0", "1,204", "the", "review", "2019"};

    @Test
    void shortcutsNeverChangeWhatIsFound() {
        var guard = new PatternIdentifierGuard();
        var random = new Random(20261123);
        int withFindings = 0;
        for (int n = 0; n < 20_000; n++) {
            var text = new StringBuilder();
            int tokens = 1 + random.nextInt(12);
            for (int t = 0; t < tokens; t++) {
                // Mostly ordinary words between the tokens, sometimes glued to them.
                text.append(TOKENS[random.nextInt(TOKENS.length)]).append(random.nextInt(3) == 0 ? "" : " ");
            }
            var full = guard.scan(text.toString(), false);
            assertThat(guard.scan(text.toString(), true)).as(text.toString()).isEqualTo(full);
            withFindings += full.isEmpty() ? 0 : 1;
        }
        assertThat(withFindings).isGreaterThan(5_000);
    }
}
