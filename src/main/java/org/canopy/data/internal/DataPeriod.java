package org.canopy.data.internal;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A reporting period as API.md writes it: a financial year {@code 2020-21}, a quarter of one
 * {@code 2020-21-Q3} (Q1 is April to June), a month {@code 2021-03}, or a calendar year {@code 2015}
 * (for figures the sources give by calendar year). {@link #start()} orders periods of any kind.
 */
record DataPeriod(String label, LocalDate start) {

    private static final Pattern FINANCIAL_YEAR = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-(\\d{2})-Q([1-4])");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");

    // An import of a million rows names a few hundred periods: parsing each once saves three regular
    // expressions per row. Bounded, so odd input cannot grow it without limit.
    private static final int KNOWN_LIMIT = 10_000;
    private static final Map<String, Optional<DataPeriod>> KNOWN = new ConcurrentHashMap<>();

    static Optional<DataPeriod> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        var known = KNOWN.get(text);
        if (known != null) {
            return known;
        }
        var parsed = parseText(text);
        if (KNOWN.size() < KNOWN_LIMIT) {
            KNOWN.put(text, parsed);
        }
        return parsed;
    }

    private static Optional<DataPeriod> parseText(String text) {
        String t = text.trim();
        var q = QUARTER.matcher(t);
        if (q.matches() && consecutive(q.group(1), q.group(2))) {
            var start = LocalDate.of(Integer.parseInt(q.group(1)), 4, 1).plusMonths(3L * (Integer.parseInt(q.group(3)) - 1));
            return Optional.of(new DataPeriod(t, start));
        }
        var fy = FINANCIAL_YEAR.matcher(t);
        if (fy.matches()) {
            int second = Integer.parseInt(fy.group(2));
            if (consecutive(fy.group(1), fy.group(2))) {
                return Optional.of(new DataPeriod(t, LocalDate.of(Integer.parseInt(fy.group(1)), 4, 1)));
            }
            if (second >= 1 && second <= 12) {
                return Optional.of(new DataPeriod(t, LocalDate.of(Integer.parseInt(fy.group(1)), second, 1)));
            }
            return Optional.empty();
        }
        if (YEAR.matcher(t).matches()) {
            return Optional.of(new DataPeriod(t, LocalDate.of(Integer.parseInt(t), 1, 1)));
        }
        return Optional.empty();
    }

    /** How often an indicator reported in periods like this one is collected. */
    Frequency frequency() {
        if (QUARTER.matcher(label).matches()) {
            return Frequency.QUARTERLY;
        }
        var fy = FINANCIAL_YEAR.matcher(label);
        return fy.matches() && !consecutive(fy.group(1), fy.group(2)) ? Frequency.MONTHLY : Frequency.ANNUAL;
    }

    /** Whether a figure for this period suits an indicator reported at {@code frequency} (a year, a quarter, a month). */
    boolean fits(Frequency frequency) {
        return frequency() == frequency;
    }

    /** "2020-21" is a financial year and "2020-12" a month: a financial year's second half is the next year. */
    private static boolean consecutive(String first, String second) {
        return (Integer.parseInt(first) + 1) % 100 == Integer.parseInt(second);
    }
}
