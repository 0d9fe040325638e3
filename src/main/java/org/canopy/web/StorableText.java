package org.canopy.web;

/**
 * Text Canopy can store on either database: no NUL character (PostgreSQL refuses it in text, H2 keeps it) and no
 * half of a UTF-16 surrogate pair on its own (it is no character at all and cannot be written as UTF-8). Such input is
 * refused at the edge, naming the field, rather than stripped: what a person sent is never silently changed.
 */
public final class StorableText {

    private StorableText() {
    }

    /** What is wrong with {@code text} in words for the person who sent it, or null when it can be stored. */
    public static String problem(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "holds a NUL character (a zero byte), which is not text: remove it";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "holds a broken character (half of a surrogate pair) that is not text: remove it or type it again";
            }
        }
        return null;
    }

    /** Refuses {@code text} as the {@code field}'s input when it cannot be stored; returns it otherwise. */
    public static String require(String field, String text) {
        String problem = problem(text);
        if (problem != null) {
            throw new InvalidInput(field, "\"" + field + "\" " + problem);
        }
        return text;
    }
}
