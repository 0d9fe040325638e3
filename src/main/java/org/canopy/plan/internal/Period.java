package org.canopy.plan.internal;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A quarter of a financial year as API.md writes it: {@code 2020-21-Q3}, Q1 being April to June.
 * Quarter labels sort in time order as plain strings, which the latest-update queries rely on.
 */
record Period(int startYear, int quarter) implements Comparable<Period> {

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-(\\d{2})-Q([1-4])");

    /** Parses {@code 2020-21-Q3}; empty when the text is not a valid quarter. */
    static Optional<Period> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        var m = QUARTER.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        int start = Integer.parseInt(m.group(1));
        if ((start + 1) % 100 != Integer.parseInt(m.group(2))) {
            return Optional.empty();
        }
        return Optional.of(new Period(start, Integer.parseInt(m.group(3))));
    }

    /** The first day of the quarter. */
    LocalDate firstDay() {
        return LocalDate.of(startYear, 4, 1).plusMonths(3L * (quarter - 1));
    }

    /** The last day of the quarter. */
    LocalDate lastDay() {
        return firstDay().plusMonths(3).minusDays(1);
    }

    /** The quarter containing a date. */
    static Period containing(LocalDate date) {
        int start = date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1;
        int quarter = ((date.getMonthValue() + 8) % 12) / 3 + 1;
        return new Period(start, quarter);
    }

    @Override
    public String toString() {
        return "%d-%02d-Q%d".formatted(startYear, (startYear + 1) % 100, quarter);
    }

    @Override
    public int compareTo(Period other) {
        return toString().compareTo(other.toString());
    }
}
