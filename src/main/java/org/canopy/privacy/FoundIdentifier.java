package org.canopy.privacy;

import java.util.Objects;

/**
 * Where an identifier was found in a text: its kind and character offsets ({@code start} inclusive,
 * {@code end} exclusive, counted from 0, as {@link String#substring(int, int)} takes them), and for a child's name
 * the cue that showed it is a child's ({@code cue}, null for every other kind).
 * Deliberately holds no copy of the identifier itself, so it can be logged, shown or stored safely.
 */
public record FoundIdentifier(IdentifierKind kind, int start, int end, ChildCue cue) {

    /** Refuses a finding without a kind, with an empty or negative range, or a child's name without its cue. */
    public FoundIdentifier {
        Objects.requireNonNull(kind, "kind");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("A finding needs 0 <= start < end, not " + start + " to " + end);
        }
        if ((kind == IdentifierKind.CHILD_NAME) != (cue != null)) {
            throw new IllegalArgumentException("A child's name, and only a child's name, has a cue");
        }
    }

    /** A finding of a kind that needs no cue: every kind but {@link IdentifierKind#CHILD_NAME}. */
    public FoundIdentifier(IdentifierKind kind, int start, int end) {
        this(kind, start, end, null);
    }

    /**
     * What a person is told about this finding in the text {@code label} names ("The narrative"): the kind, where it is
     * (characters counted from 1) and what to do, never the identifier itself.
     */
    public String problem(String label) {
        if (cue != null) {
            return cue.problem(label, start + 1, end);
        }
        return label + " contains what looks like " + kind.label() + " (characters " + (start + 1) + " to " + end + ")";
    }

    /** How many characters the identifier spans. */
    public int length() {
        return end - start;
    }

    /** Whether this finding shares at least one character with {@code other}. */
    public boolean overlaps(FoundIdentifier other) {
        return start < other.end && other.start < end;
    }
}
