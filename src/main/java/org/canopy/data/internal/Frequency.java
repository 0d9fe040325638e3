package org.canopy.data.internal;

/** How often an indicator is reported, and so which periods its figures take. */
enum Frequency {
    ANNUAL("annual", "a financial year like 2020-21, or a calendar year like 2015"),
    QUARTERLY("quarterly", "a quarter like 2020-21-Q3"),
    MONTHLY("monthly", "a month like 2021-03");

    private final String adjective;
    private final String example;

    Frequency(String adjective, String example) {
        this.adjective = adjective;
        this.example = example;
    }

    String adjective() {
        return adjective;
    }

    /** The kind of period a figure of this frequency takes, with an example. */
    String example() {
        return example;
    }
}
