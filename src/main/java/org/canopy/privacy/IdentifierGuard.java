package org.canopy.privacy;

import java.util.List;
import java.util.function.BiFunction;

/**
 * Refuses identifiable data in free text: NHS numbers, unique pupil numbers, postcodes, dates of birth,
 * phone numbers and email addresses. Canopy names cases by pseudonym and holds aggregate data only, so a
 * narrative that contains one of these is turned away before anything is stored.
 */
public interface IdentifierGuard {

    /**
     * Finds what looks like an identifier in {@code text}: sorted by start, never overlapping, empty for
     * null or blank text. The findings carry offsets only, never the identifier itself.
     */
    List<FoundIdentifier> scan(String text);

    /**
     * Refuses {@code text} with {@link IdentifiersFound} (one problem per finding, all on
     * {@code field}) when {@link #scan} finds anything; null or blank text passes. {@code label} names the
     * text at the start of a sentence, e.g. "The narrative". The messages give the kind and the character
     * positions (counted from 1) and never repeat the identifier.
     */
    void check(String field, String label, String text);

    /**
     * One problem on {@code field} for each identifier {@link #scan} finds (none for null or blank text),
     * for forms that gather every problem before refusing. {@code label} starts each message, e.g.
     * "The narrative"; the messages give the kind and the character positions, never the identifier.
     */
    default List<TextProblem> problems(String field, String label, String text) {
        return scan(text).stream().map(found -> new TextProblem(field, label + " contains what looks like "
                + found.kind().label() + " (characters " + (found.start() + 1) + " to " + found.end() + "): remove it"))
                .toList();
    }

    /** {@link #problems(String, String, String)} as the caller's problem type, e.g. {@code FieldProblem::of}. */
    default <P> List<P> problems(String field, String label, String text, BiFunction<String, String, ? extends P> as) {
        return problems(field, label, text).stream().<P>map(problem -> problem.as(as)).toList();
    }

    /**
     * Free text as it is stored: stripped, null when blank (a problem when {@code required}), at most
     * {@code max} characters, free of identifiers. Problems go into {@code problems} as {@code as} makes them
     * from a field and a message (e.g. {@code FieldProblem::of}), named by {@code label} ("The reason"), so a
     * form can gather them all before refusing.
     */
    default <P> String freeText(String field, String label, String text, boolean required, int max, List<? super P> problems,
            BiFunction<String, String, ? extends P> as) {
        String t = text == null || text.isBlank() ? null : text.strip();
        if (t == null) {
            if (required) {
                problems.add(as.apply(field, "Enter " + label.toLowerCase()));
            }
            return null;
        }
        if (t.length() > max) {
            problems.add(as.apply(field, label + " must be " + max + " characters or fewer"));
        }
        problems.addAll(problems(field, label, t, as));
        return t;
    }
}
