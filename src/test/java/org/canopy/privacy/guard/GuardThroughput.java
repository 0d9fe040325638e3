package org.canopy.privacy.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.canopy.bench.ImportBenchmark;

/**
 * Times the guard on a large set of narratives (not a test: timings are not asserted): the import benchmark's own
 * narratives, the generated case notes and the partnership prose, scanned whole and by the child's-name check alone.
 * Run with {@code java -cp target/test-classes:target/classes:<test classpath> org.canopy.privacy.guard.GuardThroughput [n]}.
 */
public final class GuardThroughput {

    private GuardThroughput() {
    }

    /** Scans {@code n} narratives (default 1,000,000) of each set three times and prints narratives per second. */
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        long load = System.nanoTime();
        var guard = new PatternIdentifierGuard();
        FirstNames names = FirstNames.shared();
        System.out.printf(Locale.ROOT, "first names: %d, read in %d ms (%d ms until the first guard could scan)%n", names.size(),
                names.loadMillis(), (System.nanoTime() - load) / 1_000_000);
        var childNames = new ChildNames(() -> names);

        List<String> imports = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int h = (i * 7919 + 17) & 0x7fffffff;
            imports.add(String.format(Locale.ROOT, ImportBenchmark.NARRATIVES[h % ImportBenchmark.NARRATIVES.length], h % 28 + 1,
                    h % 90 + 3, h % 400 + 100));
        }
        List<String> prose = new ArrayList<>(CaseNoteSentences.mustPass(300));
        prose.addAll(CaseNoteSentences.withChildsName(400));
        List<String> mixed = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            mixed.add(prose.get(i % prose.size()));
        }
        for (int run = 1; run <= 3; run++) {
            time("import narratives, whole guard", imports, t -> guard.scan(t).size());
            time("import narratives, child's name only", imports, t -> {
                var found = new ArrayList<org.canopy.privacy.FoundIdentifier>();
                childNames.find(t, false, found);
                return found.size();
            });
            time("case notes and prose, whole guard", mixed, t -> guard.scan(t).size());
            time("case notes and prose, child's name only", mixed, t -> {
                var found = new ArrayList<org.canopy.privacy.FoundIdentifier>();
                childNames.find(t, false, found);
                return found.size();
            });
        }
    }

    private static void time(String what, List<String> texts, java.util.function.ToIntFunction<String> scan) {
        long started = System.nanoTime();
        long found = 0;
        for (String text : texts) {
            found += scan.applyAsInt(text);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "%-42s %,10.0f narratives/s (%d findings in %,d)%n", what, texts.size() / seconds, found,
                texts.size());
    }
}
