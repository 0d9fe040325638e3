package org.canopy.privacy.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.canopy.privacy.IdentifierKind;
import org.junit.jupiter.api.Test;

/**
 * The guard measured on generated case notes ({@link CaseNoteSentences}), the figures printed for the README. Of the
 * sentences that name a child whose first name datafaker's lists hold, it refuses at least 95 %; of all of them,
 * including names the lists lack (Tahmid, Hodan, Kacper), at least what it refused when this test was written, so a
 * change that loses names fails; of those that must pass, it refuses at most 1 %.
 */
class ChildNameRatesTest {

    private final PatternIdentifierGuard guard = new PatternIdentifierGuard();

    @Test
    void refusesNearlyEveryChildsNameAndAlmostNoAdultAtWork() throws Exception {
        List<String> named = CaseNoteSentences.withChildsName(400);
        List<String> ordinary = CaseNoteSentences.mustPass(300);
        var names = FirstNames.shared();

        List<String> known = named.stream().filter(s -> java.util.Arrays.stream(CaseNoteSentences.CHILDREN)
                .anyMatch(n -> s.toLowerCase(java.util.Locale.ROOT).contains(n.toLowerCase(java.util.Locale.ROOT)) && names.contains(n)))
                .toList();
        List<String> missed = named.stream().filter(s -> !refusedAsChildsName(s)).toList();
        List<String> knownMissed = known.stream().filter(s -> !refusedAsChildsName(s)).toList();
        List<String> wronglyRefused = ordinary.stream().filter(s -> !guard.scan(s).isEmpty()).toList();

        double refused = share(named.size() - missed.size(), named.size());
        double knownRefused = share(known.size() - knownMissed.size(), known.size());
        double falselyRefused = share(wronglyRefused.size(), ordinary.size());
        System.out.printf("Child's name: refused %d of %d sentences that name a child (%.1f %%); of those whose name the lists hold, "
                + "%d of %d (%.1f %%); refused %d of %d sentences that must pass (%.2f %%)%n", named.size() - missed.size(),
                named.size(), refused, known.size() - knownMissed.size(), known.size(), knownRefused, wronglyRefused.size(),
                ordinary.size(), falselyRefused);
        missed.forEach(s -> System.out.println("  missed: " + s));
        wronglyRefused.forEach(s -> System.out.println("  wrongly refused: " + s));

        assertThat(named).hasSizeGreaterThanOrEqualTo(300);
        assertThat(ordinary).hasSizeGreaterThanOrEqualTo(300);
        assertThat(knownRefused).as("share refused of sentences naming a child the lists know").isGreaterThanOrEqualTo(95.0);
        assertThat(refused).as("share refused of all sentences naming a child").isGreaterThanOrEqualTo(88.0);
        assertThat(falselyRefused).as("share of ordinary sentences refused").isLessThanOrEqualTo(1.0);
    }

    private boolean refusedAsChildsName(String sentence) {
        return guard.scan(sentence).stream().anyMatch(f -> f.kind() == IdentifierKind.CHILD_NAME);
    }

    private static double share(int part, int whole) {
        return 100.0 * part / whole;
    }
}
