package org.canopy.voice.tell;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.canopy.privacy.FoundIdentifier;
import org.canopy.privacy.IdentifierGuard;
import org.canopy.privacy.IdentifierKind;
import org.canopy.web.FieldProblem;
import org.springframework.stereotype.Component;

/**
 * The privacy guard in words a child reads: one message per kind of identifier found (never repeating it), read in the
 * forms children write them. The guard finds names ("I am Zara", "Name: noor", "from Zara", "Zara, 12,"); this adds
 * what only a child's message needs: "my name is ..." with any word after it, a school ("I go to ... school", "my school
 * is ...", "... is where I go"), a house number and street, and postcodes and phone numbers as children type them (in
 * small letters, with two spaces, with the digits spaced out).
 */
@Component
class ChildPrivacy {

    static final String WHY = " Please take it out. We don't need to know who you are, so we can keep you safe.";

    /** What a child gets told for a name or a school: the guard's kinds are named by {@link #message(IdentifierKind)}. */
    static final String NAME = "It looks like you wrote your name or someone else's name." + WHY;
    static final String SCHOOL = "It looks like you wrote the name of a school." + WHY;
    static final String ADDRESS = "It looks like you wrote an address." + WHY;

    private static final Pattern NAMING = Pattern.compile(
            "(?<!\\p{L})(?:my name is|my name's|my names|i'm called|im called|i am called|call me|my full name is|name\\s*:)\\s*\\p{L}");

    // "my school is Langdon Park", "my school's called bow": the words after it say which school unless all are generic.
    private static final Pattern MY_SCHOOL_IS = Pattern.compile(
            "(?<!\\p{L})my (?:school|academy|college)(?: is|'s| is called| name is)\\s+((?:[\\p{L}\\d'.-]+\\s*){1,5})");

    // "Langdon Park is where I go", "bow school is where i go to school".
    private static final Pattern WHERE_I_GO = Pattern.compile(
            "((?:[\\p{L}\\d'.-]+\\s+){1,5})is (?:where|the school) i (?:go|went|am|'m)(?!\\p{L})");

    // "12 Bow Road", "flat 3, 45 cable street": a house number, one to three words, a street word.
    private static final Pattern HOUSE_AND_STREET = Pattern.compile(
            "(?<![\\p{L}\\d])\\d{1,4}[a-z]?,?\\s+((?:[\\p{L}'-]+\\s+){1,3})(?:road|rd|street|st|lane|ln|avenue|ave|close|way|drive|"
                    + "gardens|gdns|place|square|sq|crescent|cres|terrace|grove|court|ct|walk|mews|row|hill|estate|house|tower|"
                    + "towers|building|buildings|parade|rise|wharf|quay)(?!\\p{L})");

    /** Words that cannot be part of a street's name: "2 hours in the park" is not an address. */
    private static final Set<String> NOT_A_STREET = Set.of(
            "the", "a", "an", "in", "at", "on", "to", "of", "by", "my", "our", "and", "near", "from", "for", "with",
            "hours", "minutes", "days", "weeks", "times", "years", "people", "friends", "us", "them", "me", "you",
            "his", "her", "their", "or", "is", "was", "are");

    // Digits with spaces, dots or hyphens between them, as a child types a phone number: "0 7 7 0 0 ...".
    private static final Pattern BETWEEN_DIGITS = Pattern.compile("(?<=\\d)[\\s.-]+(?=\\d)");

    // "I go to Bow School", "I'm at St Paul's Way Trust school", "my sister attends Morpeth Academy": a verb or "at", "to",
    // "in" after the speaker, then up to seven words before "school"; the words say which school unless all are generic.
    private static final String VERBS = "(?:go|goes|going|went|am|is|are|attend|attends|attending)";
    private static final Pattern SCHOOL_PHRASE = Pattern.compile(
            "(?<!\\p{L})(?:i|we|i'm|im|we're|my (?:brother|sister|friend|cousin))\\s+(?:" + VERBS + "\\s+(?:(?:to|at|in)\\s+)?|(?:to|at|in)\\s+)"
                    + "((?:[\\p{L}\\d'.-]+\\s+){1,7}?)(?:school|academy|college)(?!\\p{L})");

    /** Words that say which school it is not: "I go to the same school", "I'm at a new school". */
    private static final Set<String> GENERIC = Set.of("the", "a", "an", "my", "our", "your", "their", "his", "her", "this",
            "that", "same", "new", "old", "big", "small", "local", "primary", "secondary", "high", "special", "boarding",
            "different", "another", "other", "at", "to", "in", "year", "one", "of", "sixth", "form", "nursery", "after",
            "before", "summer", "holiday", "and", "but", "so", "still", "never", "always", "don't", "dont", "not",
            "normal", "mainstream", "state", "private", "catholic", "church", "girls", "boys", "girls'", "boys'", "all",
            "mixed", "faith", "free", "good", "bad", "nice", "horrible", "strict", "every", "day", "lessons", "back", "go", "goes",
            "going", "went", "am", "is", "are", "attend", "attends", "attending", "now", "just", "really", "also",
            "junior", "infant", "infants", "grammar", "comprehensive", "independent", "pupil", "referral", "unit", "me", "it");

    /** What a child says a school is like: "my school is rubbish" names no school. */
    private static final Set<String> FEELINGS = Set.of(
            "boring", "great", "fine", "ok", "okay", "rubbish", "far", "closed", "scary", "very", "too", "so", "fun",
            "hard", "easy", "crowded", "busy", "noisy", "unfair", "safe", "unsafe", "cool", "amazing", "awful",
            "terrible", "alright", "kind", "quiet", "loud", "sad", "mean", "annoying", "better", "worse", "worst",
            "best", "near", "close", "open", "shut", "like", "full", "empty", "dirty", "clean", "racist", "sexist",
            "homophobic", "stressful", "hell", "shit", "crap", "poo", "bad", "good", "nice", "horrible", "strict",
            "ugly", "pretty", "huge", "tiny", "massive", "ok.", "okay.", "where", "what", "why", "how", "when",
            "making", "letting", "not", "no", "being", "getting", "going", "trying", "supposed", "meant", "really",
            "quite", "kinda", "sort", "also", "always", "never", "sometimes", "often", "only", "just", "still",
            "now", "then", "there", "here", "in", "on", "at", "for");

    /** What happens to a child at school: "I am being bullied at school" names no school. */
    private static final Set<String> HAPPENINGS = Set.of("being", "bullied", "teased", "picked", "hurt", "hit", "scared", "sad",
            "unhappy", "lonely", "happy", "excluded", "sent", "home", "from", "by", "people", "kids", "children", "everyone",
            "someone", "nobody", "left", "out", "called", "names", "shouted", "touched", "pushed", "laughed", "ignored", "alone",
            "upset", "crying", "struggling", "doing", "well", "badly", "stressed", "worried", "anxious", "late", "early", "again");

    private final IdentifierGuard guard;

    ChildPrivacy(IdentifierGuard guard) {
        this.guard = guard;
    }

    /** The child-friendly problems with {@code text}, on {@code field}: at most one per kind, never the identifier. */
    List<FieldProblem> problems(String field, String text) {
        var messages = new LinkedHashSet<String>();
        if (text != null && !text.isBlank()) {
            for (FoundIdentifier found : guard.scanChildsOwnWords(text)) {
                messages.add(message(found.kind()));
            }
            String oneSpace = text.replaceAll("\\s+", " ");
            // Children type postcodes in small letters and with two spaces ("e1  4dg"); the guard reads capitals, one space.
            if (guard.scan(oneSpace.toUpperCase(Locale.UK)).stream().anyMatch(f -> f.kind() == IdentifierKind.POSTCODE)) {
                messages.add(message(IdentifierKind.POSTCODE));
            }
            String digitsJoined = BETWEEN_DIGITS.matcher(text).replaceAll("");
            for (FoundIdentifier found : guard.scan(digitsJoined)) {
                if (found.kind() == IdentifierKind.PHONE_NUMBER || found.kind() == IdentifierKind.NHS_NUMBER) {
                    messages.add(message(found.kind()));
                }
            }
            String plain = oneSpace.toLowerCase(Locale.UK).replace('\u2019', '\'');
            if (NAMING.matcher(plain).find()) {
                messages.add(NAME);
            }
            if (namesASchool(plain, oneSpace)) {
                messages.add(SCHOOL);
            }
            if (namesAStreet(plain)) {
                messages.add(ADDRESS);
            }
        }
        var problems = new ArrayList<FieldProblem>();
        messages.forEach(m -> problems.add(FieldProblem.of(field, m)));
        return problems;
    }

    /** The words a child reads for one kind of identifier. */
    static String message(IdentifierKind kind) {
        return switch (kind) {
            case PHONE_NUMBER -> "It looks like you wrote a phone number." + WHY;
            case EMAIL_ADDRESS -> "It looks like you wrote an email address." + WHY;
            case POSTCODE -> "It looks like you wrote a postcode, which is part of an address." + WHY;
            case DATE_OF_BIRTH -> "It looks like you wrote a date of birth." + WHY;
            case NHS_NUMBER -> "It looks like you wrote an NHS number." + WHY;
            case UNIQUE_PUPIL_NUMBER -> "It looks like you wrote a pupil number from school." + WHY;
            case CHILD_NAME -> NAME;
        };
    }

    private static boolean namesASchool(String plain, String oneSpace) {
        var matcher = SCHOOL_PHRASE.matcher(plain);
        while (matcher.find()) {
            if (specific(matcher.group(1))) {
                return true;
            }
        }
        var mySchool = MY_SCHOOL_IS.matcher(plain);
        while (mySchool.find()) {
            // "my school is Langdon Park" names it; "my school is really strict" and "my school is bad and ..." do not: the
            // name, when there is one, comes first.
            if (namesFirst(mySchool.group(1).split("[.,!?]")[0])) {
                return true;
            }
        }
        var where = WHERE_I_GO.matcher(plain);
        while (where.find()) {
            String words = where.group(1);
            boolean school = words.matches(".*\\b(?:school|academy|college|primary)\\b.*");
            // Without a school word, only a name in capitals says which place it is: "the park is where I go" passes.
            String original = oneSpace.substring(where.start(1), where.end(1));
            if ((school && specific(words)) || capitalisedAfterFirst(original)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the first word that is not an article (or "called") names something: not generic, not a feeling. */
    private static boolean namesFirst(String words) {
        for (String word : words.strip().split("\\s+")) {
            if (word.equals("the") || word.equals("a") || word.equals("an") || word.equals("called")) {
                continue;
            }
            return !GENERIC.contains(word) && !FEELINGS.contains(word) && !word.matches("\\d+");
        }
        return false;
    }

    /** Whether a word after the first is capitalised (and not "I"): "Langdon Park", "at Mile End". */
    private static boolean capitalisedAfterFirst(String words) {
        String[] split = words.strip().split("\\s+");
        for (int i = 1; i < split.length; i++) {
            String w = split[i];
            if (!w.isEmpty() && Character.isUpperCase(w.charAt(0)) && !w.equals("I")) {
                return true;
            }
        }
        return false;
    }

    private static boolean namesAStreet(String plain) {
        var matcher = HOUSE_AND_STREET.matcher(plain);
        while (matcher.find()) {
            boolean street = true;
            for (String word : matcher.group(1).strip().split("\\s+")) {
                street &= !NOT_A_STREET.contains(word);
            }
            if (street) {
                return true;
            }
        }
        return false;
    }

    /** Whether the words before "school" hold one that is not generic: a name. */
    private static boolean specific(String words) {
        if (words == null || words.isBlank()) {
            return false;
        }
        for (String word : words.strip().split("\\s+")) {
            if (!GENERIC.contains(word) && !FEELINGS.contains(word) && !HAPPENINGS.contains(word) && !word.matches("\\d+")) {
                return true;
            }
        }
        return false;
    }
}
