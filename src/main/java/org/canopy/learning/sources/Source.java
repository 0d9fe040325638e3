package org.canopy.learning.sources;

import java.util.Optional;

/**
 * A generic link to the review or audit a recommendation or briefing comes from: its kind, its id in the
 * table that holds it (which may belong to another part of the module) and its title as shown.
 */
public record Source(SourceKind kind, long id, String title) {

    /** The source's key in forms and links, e.g. {@code AUDIT-4}. */
    public String key() {
        return kind.name() + "-" + id;
    }

    /** "Serious case review: Ollie". */
    public String label() {
        return kind.label() + ": " + title;
    }

    /** Reads a key made by {@link #key()}; empty when it is not one. */
    public static Optional<KindAndId> parseKey(String key) {
        if (key == null) {
            return Optional.empty();
        }
        int dash = key.lastIndexOf('-');
        try {
            return Optional.of(new KindAndId(SourceKind.valueOf(key.substring(0, dash)), Long.parseLong(key.substring(dash + 1))));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    public record KindAndId(SourceKind kind, long id) {
    }
}
