package org.canopy.privacy;

/**
 * What, next to a person's name, says the person is a child, with the words that tell the writer why their text was
 * refused and what to write instead. The name itself is never repeated.
 */
public enum ChildCue {
    AGE("next to their age", "write 'a child aged 7' or use the pseudonym"),
    SCHOOL("next to their school or school year", "write 'a child in year 8' or 'a local school', or use the pseudonym"),
    FAMILY("next to a family relation", "write the relation without the name ('the child's grandmother') or use the pseudonym"),
    BIRTH("next to their birth", "leave out the name and the birth, or use the pseudonym"),
    CHILD_WORDS("next to words that name a child", "write 'the child' or use the pseudonym"),
    SELF("where someone names themselves", "leave the name out");

    private final String why;
    private final String advice;

    ChildCue(String why, String advice) {
        this.why = why;
        this.advice = advice;
    }

    /** Where the name stands, as it reads after "A child's name appears": "next to their age". */
    public String why() {
        return why;
    }

    /** What to write instead: "write 'a child aged 7' or use the pseudonym". */
    public String advice() {
        return advice;
    }

    /**
     * The problem for a name at characters {@code from} to {@code to} (counted from 1) of the text {@code label} names:
     * "A child's name appears next to their age in the narrative (characters 1 to 4): write 'a child aged 7' or use
     * the pseudonym".
     */
    String problem(String label, int from, int to) {
        return "A child's name appears " + why + " in " + inSentence(label) + " (characters " + from + " to " + to + "): "
                + advice;
    }

    // "The narrative" reads "the narrative" mid-sentence; "NHS notes" keeps its capitals.
    private static String inSentence(String label) {
        if (label == null || label.isBlank()) {
            return "the text";
        }
        String t = label.strip();
        boolean acronym = t.length() > 1 && Character.isUpperCase(t.charAt(1));
        return acronym ? t : Character.toLowerCase(t.charAt(0)) + t.substring(1);
    }
}
