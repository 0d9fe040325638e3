package org.canopy.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Dates and times for pages, in the GOV.UK style ("22 November 2026 at 2:05pm", UK time). */
@Component("dates")
public class Dates {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mma", Locale.UK);

    /** A calendar date, or an empty string. */
    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** A stored UTC time shown as UK time. */
    public String dateTime(LocalDateTime utc) {
        if (utc == null) {
            return "";
        }
        var uk = utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(UK);
        return DATE.format(uk) + " at " + TIME.format(uk).toLowerCase(Locale.UK);
    }

    /** The financial year (April to March) a day falls in, as "2020-21": the year the partnership plans, funds and reports by. */
    public static String financialYear(LocalDate day) {
        int start = day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1;
        return start + "-" + String.format("%02d", (start + 1) % 100);
    }
}
