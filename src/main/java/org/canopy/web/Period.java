package org.canopy.web;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A reporting period as API.md writes it, the one place Canopy reads one: a financial year {@code 2020-21}, a
 * quarter of one {@code 2020-21-Q3} (Q1 is April to June), a month {@code 2021-03}, or a calendar year
 * {@code 2015} (for figures the sources give by calendar year). Periods order by their first day, a longer
 * period before the shorter ones that start with it (2020-21, then 2020-21-Q1, then 2020-04).
 */
public final class Period implements Comparable<Period> {

    /** What kind of period a label names, and how many months it spans. */
    public enum Kind {
        FINANCIAL_YEAR(12), QUARTER(3), MONTH(1), CALENDAR_YEAR(12);

        private final int months;

        Kind(int months) {
            this.months = months;
        }

        /** How many months a period of this kind spans. */
        public int months() {
            return months;
        }
    }

    // "2020-21" and "2020-12" share a shape: the second number tells a financial year from a month.
    private static final Pattern YEAR_AND_TWO_DIGITS = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-(\\d{2})-Q([1-4])");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    private static final Comparator<Period> ORDER = Comparator.comparing(Period::start)
            .thenComparing(p -> -p.kind.months()).thenComparing(Period::label);

    // An import of a million rows names a few hundred periods: parsing each once saves three regular
    // expressions per row. Bounded, so odd input cannot grow it without limit.
    private static final int KNOWN_LIMIT = 10_000;
    private static final Map<String, Optional<Period>> KNOWN = new ConcurrentHashMap<>();

    private final Kind kind;
    private final String label;
    private final LocalDate start;

    private Period(Kind kind, String label, LocalDate start) {
        this.kind = kind;
        this.label = label;
        this.start = start;
    }

    /** Parses a period of any kind (surrounding spaces ignored); empty when the text is none. */
    public static Optional<Period> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        var known = KNOWN.get(text);
        if (known != null) {
            return known;
        }
        var parsed = parseText(text.trim());
        if (KNOWN.size() < KNOWN_LIMIT) {
            KNOWN.put(text, parsed);
        }
        return parsed;
    }

    /** Parses a quarter such as {@code 2020-21-Q3}; empty for any other text, other kinds of period included. */
    public static Optional<Period> parseQuarter(String text) {
        return parse(text).filter(p -> p.kind == Kind.QUARTER);
    }

    /** The quarter of the financial year that holds {@code date}. */
    public static Period quarterContaining(LocalDate date) {
        int startYear = date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1;
        int quarter = ((date.getMonthValue() + 8) % 12) / 3 + 1;
        return quarter(startYear, quarter);
    }

    private static Optional<Period> parseText(String t) {
        var q = QUARTER.matcher(t);
        if (q.matches()) {
            int startYear = Integer.parseInt(q.group(1));
            return consecutive(startYear, Integer.parseInt(q.group(2)))
                    ? Optional.of(quarter(startYear, Integer.parseInt(q.group(3)))) : Optional.empty();
        }
        var pair = YEAR_AND_TWO_DIGITS.matcher(t);
        if (pair.matches()) {
            int year = Integer.parseInt(pair.group(1));
            int second = Integer.parseInt(pair.group(2));
            if (consecutive(year, second)) {
                return Optional.of(new Period(Kind.FINANCIAL_YEAR, t, LocalDate.of(year, 4, 1)));
            }
            if (second >= 1 && second <= 12) {
                return Optional.of(new Period(Kind.MONTH, t, LocalDate.of(year, second, 1)));
            }
            return Optional.empty();
        }
        if (YEAR.matcher(t).matches()) {
            return Optional.of(new Period(Kind.CALENDAR_YEAR, t, LocalDate.of(Integer.parseInt(t), 1, 1)));
        }
        return Optional.empty();
    }

    private static Period quarter(int startYear, int quarter) {
        return new Period(Kind.QUARTER, "%d-%02d-Q%d".formatted(startYear, (startYear + 1) % 100, quarter),
                LocalDate.of(startYear, 4, 1).plusMonths(3L * (quarter - 1)));
    }

    /** "2020-21" is a financial year and "2020-12" a month: a financial year's second half is the next year. */
    private static boolean consecutive(int first, int second) {
        return (first + 1) % 100 == second;
    }

    /** What kind of period this is. */
    public Kind kind() {
        return kind;
    }

    /** The period as API.md writes it, e.g. {@code 2020-21-Q3}. */
    public String label() {
        return label;
    }

    /** The first day of the period. */
    public LocalDate start() {
        return start;
    }

    /** The last day of the period. */
    public LocalDate lastDay() {
        return start.plusMonths(kind.months()).minusDays(1);
    }

    @Override
    public int compareTo(Period other) {
        return ORDER.compare(this, other);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Period p && label.equals(p.label);
    }

    @Override
    public int hashCode() {
        return label.hashCode();
    }

    @Override
    public String toString() {
        return label;
    }
}
