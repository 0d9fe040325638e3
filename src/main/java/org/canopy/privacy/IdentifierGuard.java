package org.canopy.privacy;

import java.util.List;
import java.util.function.BiFunction;

/**
 * Refuses identifiable data in free text: NHS numbers, unique pupil numbers, postcodes, dates of birth,
 * phone numbers, email addresses, and a child's name (a person's name next to an age, a school, a family relation,
 * a birth or words such as "the child"). Canopy names cases by pseudonym and holds aggregate data only, so a
 * narrative that contains one of these is turned away before anything is stored.
 */
public interface IdentifierGuard {

    /**
     * Finds what looks like an identifier in {@code text}: sorted by start, never overlapping, empty for
     * null or blank text. The findings carry offsets only, never the identifier itself.
     */
    List<FoundIdentifier> scan(String text);

    /**
     * What {@link #scan} finds, and more in the forms a child writes about themselves on the tell us page: a name
     * after "I am", "my name is", "Name:" or "from", and names in small letters. Practitioners' prose is read by
     * {@link #scan} alone, where "I am" and small letters would refuse too much.
     */
    default List<FoundIdentifier> scanChildsOwnWords(String text) {
        return scan(text);
    }

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
        return problems(field, label, scan(text));
    }

    private static List<TextProblem> problems(String field, String label, List<FoundIdentifier> found) {
        // A child's name says why and what to write instead; the other kinds only need to come out.
        return found.stream().map(f -> new TextProblem(field, f.kind() == IdentifierKind.CHILD_NAME ? f.problem(label)
                : f.problem(label) + ": remove it")).toList();
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
        return freeText(field, label, text, required, max, problems, as, false);
    }

    /**
     * A case's pseudonym as it is stored, read as {@link #freeText} reads text, except that a first name is what a
     * pseudonym is made of ("Ollie", "Baby Amara"): a child's name is not looked for, every other identifier is.
     */
    default <P> String pseudonym(String field, String label, String text, int max, List<? super P> problems,
            BiFunction<String, String, ? extends P> as) {
        return freeText(field, label, text, true, max, problems, as, true);
    }

    private <P> String freeText(String field, String label, String text, boolean required, int max, List<? super P> problems,
            BiFunction<String, String, ? extends P> as, boolean pseudonym) {
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
        var found = scan(t).stream().filter(f -> !pseudonym || f.kind() != IdentifierKind.CHILD_NAME).toList();
        problems(field, label, found).forEach(problem -> problems.add(problem.as(as)));
        return t;
    }
}
