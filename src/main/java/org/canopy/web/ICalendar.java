package org.canopy.web;

import java.nio.charset.StandardCharsets;

/**
 * An iCalendar document (RFC 5545) written line by line, for the calendar feeds (review deadlines, group meetings):
 * content lines folded at 75 octets and ending CRLF, TEXT values escaped.
 */
public final class ICalendar {

    private final StringBuilder out = new StringBuilder();

    /** Starts the document: {@code product} names the feed in its PRODID, {@code name} is the calendar's name in apps. */
    public ICalendar(String product, String name) {
        line("BEGIN:VCALENDAR");
        line("VERSION:2.0");
        line("PRODID:-//Canopy//" + product + "//EN");
        line("CALSCALE:GREGORIAN");
        line("X-WR-CALNAME:" + escape(name));
    }

    /** Appends a content line folded at 75 octets (RFC 5545 section 3.1), never splitting a UTF-8 character. */
    public ICalendar line(String line) {
        int octets = 0;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > 75) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
        return this;
    }

    /** Ends the document and returns it. */
    public String end() {
        line("END:VCALENDAR");
        return out.toString();
    }

    /** TEXT value escaping of RFC 5545 section 3.3.11: backslash, semicolon, comma and line breaks. */
    public static String escape(String text) {
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replaceAll("\r\n|\r|\n", "\\\\n");
    }
}
