package org.canopy.plan.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodTest {

    @Test
    void parsesQuartersOfTheFinancialYear() {
        var q3 = Period.parse("2020-21-Q3").orElseThrow();
        assertThat(q3.firstDay()).isEqualTo(LocalDate.of(2020, 10, 1));
        assertThat(q3.lastDay()).isEqualTo(LocalDate.of(2020, 12, 31));
        assertThat(Period.parse("2020-21-Q4").orElseThrow().lastDay()).isEqualTo(LocalDate.of(2021, 3, 31));
        assertThat(q3.toString()).isEqualTo("2020-21-Q3");
        assertThat(Period.parse("1999-00-Q1")).isPresent();
    }

    @Test
    void refusesWhatIsNotAQuarter() {
        assertThat(Period.parse("2020-22-Q1")).isEmpty();
        assertThat(Period.parse("2020-21-Q5")).isEmpty();
        assertThat(Period.parse("2020-21")).isEmpty();
        assertThat(Period.parse(null)).isEmpty();
    }

    @Test
    void findsTheQuarterOfADate() {
        assertThat(Period.containing(LocalDate.of(2021, 3, 31))).hasToString("2020-21-Q4");
        assertThat(Period.containing(LocalDate.of(2021, 4, 1))).hasToString("2021-22-Q1");
        assertThat(Period.containing(LocalDate.of(2021, 12, 25))).hasToString("2021-22-Q3");
    }
}
