package org.canopy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.canopy.web.Period.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one period type: the four kinds API.md and the sources use, what is not a period, and their order. */
class PeriodTest {

    @Test
    void parsesQuartersOfTheFinancialYear() {
        var q3 = Period.parseQuarter("2020-21-Q3").orElseThrow();
        assertThat(q3.start()).isEqualTo(LocalDate.of(2020, 10, 1));
        assertThat(q3.lastDay()).isEqualTo(LocalDate.of(2020, 12, 31));
        assertThat(Period.parseQuarter("2020-21-Q4").orElseThrow().lastDay()).isEqualTo(LocalDate.of(2021, 3, 31));
        assertThat(q3.toString()).isEqualTo("2020-21-Q3");
        assertThat(q3.kind()).isEqualTo(Kind.QUARTER);
        assertThat(Period.parseQuarter("1999-00-Q1")).isPresent();
        assertThat(Period.parse("2020-21-Q1").orElseThrow().start()).isEqualTo(LocalDate.of(2020, 4, 1));
    }

    @Test
    void refusesWhatIsNotAQuarter() {
        assertThat(Period.parseQuarter("2020-22-Q1")).isEmpty();
        assertThat(Period.parseQuarter("2020-21-Q5")).isEmpty();
        assertThat(Period.parseQuarter("2020-21")).isEmpty();
        assertThat(Period.parseQuarter(null)).isEmpty();
    }

    @Test
    void findsTheQuarterOfADate() {
        assertThat(Period.quarterContaining(LocalDate.of(2021, 3, 31))).hasToString("2020-21-Q4");
        assertThat(Period.quarterContaining(LocalDate.of(2021, 4, 1))).hasToString("2021-22-Q1");
        assertThat(Period.quarterContaining(LocalDate.of(2021, 12, 25))).hasToString("2021-22-Q3");
        assertThat(Period.quarterContaining(LocalDate.of(2021, 12, 25)))
                .isEqualTo(Period.parse("2021-22-Q3").orElseThrow());
    }

    @Test
    void parsesFinancialYearsMonthsAndCalendarYears() {
        var year = Period.parse("2020-21").orElseThrow();
        assertThat(year.kind()).isEqualTo(Kind.FINANCIAL_YEAR);
        assertThat(year.start()).isEqualTo(LocalDate.of(2020, 4, 1));
        assertThat(year.lastDay()).isEqualTo(LocalDate.of(2021, 3, 31));
        assertThat(Period.parse("1999-00").orElseThrow().kind()).isEqualTo(Kind.FINANCIAL_YEAR);

        var month = Period.parse(" 2021-03 ").orElseThrow();
        assertThat(month.kind()).isEqualTo(Kind.MONTH);
        assertThat(month.label()).isEqualTo("2021-03");
        assertThat(month.start()).isEqualTo(LocalDate.of(2021, 3, 1));
        assertThat(month.lastDay()).isEqualTo(LocalDate.of(2021, 3, 31));
        assertThat(Period.parse("2020-12").orElseThrow().kind()).isEqualTo(Kind.MONTH);

        var calendar = Period.parse("2015").orElseThrow();
        assertThat(calendar.kind()).isEqualTo(Kind.CALENDAR_YEAR);
        assertThat(calendar.start()).isEqualTo(LocalDate.of(2015, 1, 1));
        assertThat(calendar.lastDay()).isEqualTo(LocalDate.of(2015, 12, 31));
        assertThat(Stream.of(Kind.values()).map(Kind::months)).containsExactly(12, 3, 1, 12);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "2020-22", "2020-13", "2020-00", "2020-21-Q0", "2020-21-q3", "20-21", "2020/21",
        "2020-21-Q3x", "15", "20155", "April 2021", "2021-3"})
    void refusesWhatIsNotAPeriod(String text) {
        assertThat(Period.parse(text)).isEmpty();
    }

    @Test
    void ordersByFirstDayALongerPeriodFirst() {
        var expected = Stream.of("2015", "2019-20-Q4", "2020-21", "2020-21-Q1", "2020-04", "2020-05", "2020-21-Q3",
                "2021", "2021-03", "2021-22").map(t -> Period.parse(t).orElseThrow()).toList();
        List<Period> shuffled = new ArrayList<>(expected);
        Collections.shuffle(shuffled, new java.util.Random(9));

        Collections.sort(shuffled);

        assertThat(shuffled).containsExactlyElementsOf(expected);
        assertThat(Period.parse("2020-21").orElseThrow()).isEqualByComparingTo(Period.parse(" 2020-21").orElseThrow());
    }
}
