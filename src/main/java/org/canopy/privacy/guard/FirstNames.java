package org.canopy.privacy.guard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The first names the guard knows, read once from the name lists that datafaker ({@code net.datafaker:datafaker} on
 * Maven Central) keeps for 41 Latin-script locales: English with its Nigerian, Pakistani, Indian, Filipino, Singaporean
 * and other variants, Turkish, Polish, Dutch (whose list holds many names of Moroccan, Turkish and Somali origin),
 * Albanian, Uzbek, Indonesian and the European languages. An inner-London borough's children carry names from all of
 * them. Names are kept folded (small letters, no accents), so "Zoë", "ZOE" and "zoe" are one name.
 */
final class FirstNames {

    /**
     * The locale files read, by datafaker's resource name: those with Latin-script name lists, each once (datafaker's
     * "de-AT" and "de-CH" repeat "de", "en-PK" repeats "en-PAK"). A locale in another script adds no name a narrative holds.
     */
    static final List<String> LOCALES = List.of("en/name", "en-AU", "en-IE", "en-IN", "en-MS", "en-NEP", "en-NG", "en-NZ",
            "en-PAK", "en-PH", "en-SG", "en-ZA", "en-MD", "en-au-ocker", "ca", "cs", "cs-CZ", "da-DK", "de", "es", "es-AR",
            "es-MX", "et", "fi-FI", "fr", "hr", "hu", "id", "it", "lv", "nb-NO", "nl", "no-NO", "pl", "pt", "pt-BR", "sk", "sq",
            "sv", "tr", "uz");

    // Keys under "name" whose lists are first names: "first_name", "female_first_name", "malay_male_first_name" and the
    // like. datafaker's Vietnamese "first_name" holds family names, hence no "vi".
    static final Predicate<String> KEYS = key -> key.endsWith("first_name");

    private static final Pattern FOLDED_NAME = Pattern.compile("[a-z][a-z'-]*[a-z]");

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    /**
     * Names in the lists that are, far more often, ordinary words of partnership prose at the start of a sentence, in a
     * heading or a table ("Will the panel ...", "May 2021", "Young people ...", "Amber", "White British", "Foster carers"),
     * or that a child writes after "I am" ("I am fine"). Found by reading every word of the two seeds, the demo data and
     * a child's "I am ..." words against the lists; a child called Summer is missed rather than those refused.
     */
    static final Set<String> ORDINARY_WORDS = Set.of(
            "age", "amber", "an", "april", "are", "art", "august", "autumn", "baby", "bank", "bill", "black", "boy",
            "brown", "bunny", "can", "candy", "carry", "chance", "charity", "chase", "child", "christian", "co",
            "daily", "date", "dean", "december", "done", "duke", "earl", "easter", "february", "fine", "forest",
            "foster", "frank", "friday", "gay", "girl", "grant", "gray", "green", "grey", "guy", "harm", "has",
            "honey", "hunter", "in", "infant", "january", "july", "june", "junior", "just", "kid", "king", "lady",
            "like", "line", "long", "lot", "love", "lucky", "made", "major", "many", "march", "mark", "marks", "may",
            "merlin", "merry", "miles", "monday", "november", "october", "ok", "page", "peer", "per", "prince",
            "princess", "queen", "ran", "ray", "reed", "rich", "royal", "safely", "said", "saturday", "see",
            "september", "set", "sky", "so", "son", "spring", "star", "storm", "sugar", "summer", "sunday", "sunny",
            "take", "teddy", "thursday", "tuesday", "very", "via", "vital", "wednesday", "white", "will", "winter",
            "young");

    // Read on a thread of its own as soon as a guard is made, so that start-up goes on meanwhile; the first scan waits.
    private static final CompletableFuture<FirstNames> SHARED = CompletableFuture.supplyAsync(FirstNames::load, task -> {
        Thread reader = new Thread(task, "first-names");
        reader.setDaemon(true);
        reader.start();
    });

    private final Set<String> names;
    private final long loadMillis;

    private FirstNames(Set<String> names, long loadMillis) {
        this.names = names;
        this.loadMillis = loadMillis;
    }

    /** The names, read from the classpath once per process (waiting for the reading if it is under way): every guard shares them. */
    static FirstNames shared() {
        return SHARED.join();
    }

    /** Starts reading the names, if it has not started, without waiting for them. */
    static void startReading() {
        SHARED.isDone();
    }

    /** Whether the word from {@code start} to {@code end} of {@code text} is a first name, in any case or accents. */
    boolean contains(CharSequence text, int start, int end) {
        if (end - start < 2 || end - start > 20) {
            return false;
        }
        return names.contains(fold(text.subSequence(start, end).toString()));
    }

    /** Whether {@code word} is a first name, in any case or accents. */
    boolean contains(String word) {
        return word != null && contains(word, 0, word.length());
    }

    /** How many names are known. */
    int size() {
        return names.size();
    }

    /** How long reading the lists took at start-up, in milliseconds. */
    long loadMillis() {
        return loadMillis;
    }

    /** A word as the set keeps it: small letters, accents taken off, a typographic apostrophe made plain. */
    static String fold(String word) {
        String lower = word.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        for (int i = 0; i < lower.length(); i++) {
            if (lower.charAt(i) > 0x7F) {
                // Turkish dotless and dotted i fold to i like the rest; other marks come off with NFD.
                String plain = lower.replace('\u0131', 'i').replace('\u0142', 'l').replace('\u00F8', 'o').replace('\u00E6', 'e')
                        .replace('\u00DF', 's').replace('\u0111', 'd');
                return MARKS.matcher(Normalizer.normalize(plain, Normalizer.Form.NFD)).replaceAll("");
            }
        }
        return lower;
    }

    private static FirstNames load() {
        long started = System.nanoTime();
        var names = new HashSet<String>(32_768);
        for (String locale : LOCALES) {
            names.addAll(read(locale));
        }
        names.removeAll(ORDINARY_WORDS);
        return new FirstNames(Set.copyOf(names), (System.nanoTime() - started) / 1_000_000);
    }

    /** The folded first names in one locale file. */
    static Set<String> read(String locale) {
        String resource = "/" + locale + ".yml";
        try (InputStream in = FirstNames.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("datafaker's name list " + resource + " is not on the classpath");
            }
            var names = new HashSet<String>();
            for (String entry : NameLists.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), KEYS)) {
                add(entry, names);
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("Reading datafaker's name list " + resource, e);
        }
    }

    // A name of two words ("Mary Jane", "Wakeel Khan") gives its first; templates ("#{first_name}") are not names.
    static void add(String entry, Set<String> names) {
        String text = entry.strip();
        if (text.isEmpty() || text.contains("#{")) {
            return;
        }
        int space = 0;
        while (space < text.length() && !Character.isWhitespace(text.charAt(space))) {
            space++;
        }
        String first = fold(text.substring(0, space));
        if (FOLDED_NAME.matcher(first).matches()) {
            names.add(first);
        }
    }

}
