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
 * The privacy guard in words a child reads: one message per kind of identifier found (never repeating it), and a
 * check of the tell us page's own for a child naming themselves or their school ("my name is ...", "I'm called ...",
 * "I go to ... school"), which the guard does not look for.
 */
@Component
class ChildPrivacy {

    static final String WHY = " Please take it out. We don't need to know who you are, so we can keep you safe.";

    /** What a child gets told for a name or a school: the guard's kinds are named by {@link #message(IdentifierKind)}. */
    static final String NAME = "It looks like you wrote your name or someone else's name." + WHY;
    static final String SCHOOL = "It looks like you wrote the name of a school." + WHY;

    private static final Pattern NAMING = Pattern.compile(
            "(?<!\\p{L})(?:my name is|my name's|my names|i'm called|im called|i am called|call me|my full name is)\\s+\\p{L}");

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

    private final IdentifierGuard guard;

    ChildPrivacy(IdentifierGuard guard) {
        this.guard = guard;
    }

    /** The child-friendly problems with {@code text}, on {@code field}: at most one per kind, never the identifier. */
    List<FieldProblem> problems(String field, String text) {
        var messages = new LinkedHashSet<String>();
        if (text != null && !text.isBlank()) {
            for (FoundIdentifier found : guard.scan(text)) {
                messages.add(message(found.kind()));
            }
            // Children type postcodes in small letters ("e1 4dg"), which the guard reads only in capitals.
            if (guard.scan(text.toUpperCase(Locale.UK)).stream().anyMatch(f -> f.kind() == IdentifierKind.POSTCODE)) {
                messages.add(message(IdentifierKind.POSTCODE));
            }
            String plain = text.toLowerCase(Locale.UK).replace('\u2019', '\'').replaceAll("\\s+", " ");
            if (NAMING.matcher(plain).find()) {
                messages.add(NAME);
            }
            if (namesASchool(plain)) {
                messages.add(SCHOOL);
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
        };
    }

    private static boolean namesASchool(String plain) {
        var matcher = SCHOOL_PHRASE.matcher(plain);
        while (matcher.find()) {
            if (specific(matcher.group(1))) {
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
            if (!GENERIC.contains(word) && !word.matches("\\d+")) {
                return true;
            }
        }
        return false;
    }
}
