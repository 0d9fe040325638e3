package org.canopy.privacy;

import java.util.Objects;

/**
 * Where an identifier was found in a text: its kind and character offsets ({@code start} inclusive,
 * {@code end} exclusive, counted from 0, as {@link String#substring(int, int)} takes them).
 * Deliberately holds no copy of the identifier itself, so it can be logged, shown or stored safely.
 */
public record FoundIdentifier(IdentifierKind kind, int start, int end) {

    /** Refuses a finding without a kind or with an empty or negative range. */
    public FoundIdentifier {
        Objects.requireNonNull(kind, "kind");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("A finding needs 0 <= start < end, not " + start + " to " + end);
        }
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
