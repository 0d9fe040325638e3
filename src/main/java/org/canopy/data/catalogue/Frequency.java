package org.canopy.data.catalogue;

import org.canopy.web.Period;

/** How often an indicator is reported, and so which periods its figures take. */
public enum Frequency {
    ANNUAL("annual", "a financial year like 2020-21, or a calendar year like 2015"),
    QUARTERLY("quarterly", "a quarter like 2020-21-Q3"),
    MONTHLY("monthly", "a month like 2021-03");

    private final String adjective;
    private final String example;

    Frequency(String adjective, String example) {
        this.adjective = adjective;
        this.example = example;
    }

    /** How often an indicator reported in periods like {@code period} is collected: a year of either kind is annual. */
    public static Frequency of(Period period) {
        return switch (period.kind()) {
            case FINANCIAL_YEAR, CALENDAR_YEAR -> ANNUAL;
            case QUARTER -> QUARTERLY;
            case MONTH -> MONTHLY;
        };
    }

    /** Whether a figure for {@code period} suits an indicator reported at this frequency (a year, a quarter, a month). */
    public boolean fits(Period period) {
        return of(period) == this;
    }

    public String adjective() {
        return adjective;
    }

    /** The kind of period a figure of this frequency takes, with an example. */
    public String example() {
        return example;
    }
}
