package org.canopy.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A date as a person or a client gave it, and the one place it is read: the GOV.UK date input's three fields
 * ({@code <name>-day}, {@code <name>-month}, {@code <name>-year}) on pages, ISO 8601 ({@code 2021-03-31}) in
 * the API. Problems are worded the GOV.UK way; a problem with one part of the date names that part's field
 * ({@code <name>-month}), a problem with the whole date names the date ({@code <name>}).
 */
public record DateInput(String day, String month, String year, String iso) {

    /** No date recorded before this is plausible: Canopy's records (reviews, rounds, audits) start this century. */
    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    /** How far ahead a planned or due date may be. */
    public static final int MAX_YEARS_AHEAD = 5;

    /** Which dates are plausible for a field, beyond being real. */
    public enum Range {
        /** Something that has happened: from {@link #EARLIEST} up to today. */
        PAST,
        /** Something planned or due: from {@link #EARLIEST} up to {@link #MAX_YEARS_AHEAD} years after today. */
        PLANNED
    }

    /** The three fields of the date input {@code name} from a submitted form. */
    public static DateInput fromForm(Function<String, String> form, String name) {
        return new DateInput(form.apply(name + "-day"), form.apply(name + "-month"), form.apply(name + "-year"), null);
    }

    /** An ISO 8601 date from the API (null when absent). */
    public static DateInput iso(String text) {
        return new DateInput(null, null, null, text);
    }

    /** A stored date as the API's ISO text, for changes that keep it (null stays null). */
    public static DateInput of(LocalDate date) {
        return iso(date == null ? null : date.toString());
    }

    /** The date input's three fields holding a stored date (empty when there is none), to fill a form. */
    public static Map<String, String> fields(String name, LocalDate date) {
        var fields = new LinkedHashMap<String, String>();
        fields.put(name + "-day", date == null ? "" : String.valueOf(date.getDayOfMonth()));
        fields.put(name + "-month", date == null ? "" : String.valueOf(date.getMonthValue()));
        fields.put(name + "-year", date == null ? "" : String.valueOf(date.getYear()));
        return fields;
    }

    /** Nothing was given. */
    public boolean isBlank() {
        return blank(day) && blank(month) && blank(year) && blank(iso);
    }

    /**
     * The date, or null when it is blank (a problem if {@code required}) or wrong (a problem saying why).
     * {@code label} starts the message, e.g. "The due date" gives "The due date must include a month".
     */
    public LocalDate read(String field, String label, boolean required, Range range, LocalDate today, List<FieldProblem> problems) {
        if (isBlank()) {
            if (required) {
                problems.add(FieldProblem.of(field, "Enter " + lowerFirst(label)));
            }
            return null;
        }
        var date = iso != null ? fromIso(field, label, problems) : fromFields(field, label, problems);
        if (date == null) {
            return null;
        }
        String wrong = implausible(date, range, today);
        if (wrong != null) {
            problems.add(FieldProblem.of(field, label + " " + wrong));
            return null;
        }
        return date;
    }

    private LocalDate fromIso(String field, String label, List<FieldProblem> problems) {
        try {
            return LocalDate.parse(iso.strip());
        } catch (DateTimeParseException e) {
            problems.add(FieldProblem.of(field, label + " must be a real date, as year-month-day like 2021-03-31"));
            return null;
        }
    }

    private LocalDate fromFields(String field, String label, List<FieldProblem> problems) {
        var missing = new ArrayList<String>();
        String[] parts = {"day", "month", "year"};
        String[] values = {day, month, year};
        for (int i = 0; i < 3; i++) {
            if (blank(values[i])) {
                missing.add(parts[i]);
            }
        }
        if (!missing.isEmpty()) {
            problems.add(FieldProblem.of(field + "-" + missing.get(0), label + " must include a " + String.join(" and ", missing)));
            return null;
        }
        String y = year.strip();
        if (y.matches("\\d+") && y.length() != 4) {
            problems.add(FieldProblem.of(field + "-year", label + " must include a year with 4 numbers, like 2021"));
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(y), Integer.parseInt(month.strip()), Integer.parseInt(day.strip()));
        } catch (NumberFormatException | DateTimeException e) {
            problems.add(FieldProblem.of(field, label + " must be a real date"));
            return null;
        }
    }

    /** What is wrong with a real date for the range, or null when it is plausible. */
    private static String implausible(LocalDate date, Range range, LocalDate today) {
        if (date.isBefore(EARLIEST)) {
            return "must be on or after 1 January 2000";
        }
        if (range == Range.PAST && date.isAfter(today)) {
            return "must be today or in the past";
        }
        if (range == Range.PLANNED && date.isAfter(today.plusYears(MAX_YEARS_AHEAD))) {
            return "must be no more than " + MAX_YEARS_AHEAD + " years from today";
        }
        return null;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String lowerFirst(String label) {
        return label.isEmpty() ? label : label.substring(0, 1).toLowerCase(Locale.UK) + label.substring(1);
    }
}
