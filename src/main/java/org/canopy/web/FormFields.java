package org.canopy.web;

/** Reads the hidden numbers every form carries (a record's version, a chosen id) the same way on every page. */
public final class FormFields {

    private FormFields() {
    }

    /**
     * A record's version as the form sent it: -1 when the form sent none (nothing stored yet), -2 when it is not
     * a number, which matches no stored version and so reads as someone else's change.
     */
    public static int version(String text) {
        try {
            return Integer.parseInt(text == null ? "-1" : text.strip());
        } catch (NumberFormatException e) {
            return -2;
        }
    }

    /** A chosen record's id, or -1 (which no record has) when missing or not a number. */
    public static long id(String text) {
        try {
            return Long.parseLong(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
