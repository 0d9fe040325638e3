package org.canopy.learning.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Working-day arithmetic checked against the England and Wales bank holidays published on gov.uk; each
 * expected date is counted by hand in the comment beside it.
 */
class WorkingDaysTest {

    final WorkingDays days = new WorkingDays();

    @Test
    void dayZeroIsTheStartItselfEvenOnAWeekend() {
        assertThat(days.plus(LocalDate.of(2021, 3, 6), 0)).isEqualTo(LocalDate.of(2021, 3, 6)); // a Saturday
        assertThatThrownBy(() -> days.plus(LocalDate.of(2021, 3, 6), -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anOrdinaryFortnightSkipsOnlyWeekends() {
        // Mon 1 Mar 2021 + 15: Tue 2 (1), Wed 3 (2), Thu 4 (3), Fri 5 (4), Mon 8 to Fri 12 (5 to 9),
        // Mon 15 to Fri 19 (10 to 14), Mon 22 (15).
        assertThat(days.plus(LocalDate.of(2021, 3, 1), 15)).isEqualTo(LocalDate.of(2021, 3, 22));
        // Fri 5 Mar 2021 + 1: Sat and Sun skipped, Mon 8 (1).
        assertThat(days.plus(LocalDate.of(2021, 3, 5), 1)).isEqualTo(LocalDate.of(2021, 3, 8));
    }

    @Test
    void christmasAndNewYear2020() {
        // Fri 18 Dec 2020 + 5: Mon 21 (1), Tue 22 (2), Wed 23 (3), Thu 24 (4), Fri 25 Christmas Day,
        // Sat 26 and Sun 27 weekend, Mon 28 substitute for Boxing Day (Sat 26), Tue 29 (5).
        assertThat(days.plus(LocalDate.of(2020, 12, 18), 5)).isEqualTo(LocalDate.of(2020, 12, 29));
        // Thu 24 Dec 2020 + 5: Tue 29 (1), Wed 30 (2), Thu 31 (3), Fri 1 Jan New Year's Day, weekend,
        // Mon 4 Jan (4), Tue 5 Jan (5).
        assertThat(days.plus(LocalDate.of(2020, 12, 24), 5)).isEqualTo(LocalDate.of(2021, 1, 5));
        assertThat(days.isWorkingDay(LocalDate.of(2020, 12, 25))).isFalse();
        assertThat(days.isWorkingDay(LocalDate.of(2020, 12, 28))).isFalse();
        assertThat(days.isWorkingDay(LocalDate.of(2020, 12, 29))).isTrue();
    }

    @Test
    void substituteBankHolidaysOfChristmas2021AndNewYear2022() {
        // Christmas Day and Boxing Day 2021 fell on Sat and Sun: the substitutes are Mon 27 and Tue 28 Dec.
        // Fri 24 Dec 2021 + 3: Mon 27 and Tue 28 holidays, Wed 29 (1), Thu 30 (2), Fri 31 (3).
        assertThat(days.plus(LocalDate.of(2021, 12, 24), 3)).isEqualTo(LocalDate.of(2021, 12, 31));
        // + 4: New Year's Day 2022 was a Saturday, its substitute Mon 3 Jan; so Tue 4 Jan (4).
        assertThat(days.plus(LocalDate.of(2021, 12, 24), 4)).isEqualTo(LocalDate.of(2022, 1, 4));
        assertThat(days.isWorkingDay(LocalDate.of(2021, 12, 27))).isFalse();
        assertThat(days.isWorkingDay(LocalDate.of(2022, 1, 3))).isFalse();
    }

    @Test
    void easter2021() {
        // Good Friday 2 Apr 2021, Easter Monday 5 Apr. Wed 31 Mar + 5: Thu 1 Apr (1), Fri 2 and the weekend
        // and Mon 5 skipped, Tue 6 (2), Wed 7 (3), Thu 8 (4), Fri 9 (5).
        assertThat(days.plus(LocalDate.of(2021, 3, 31), 5)).isEqualTo(LocalDate.of(2021, 4, 9));
        // Thu 1 Apr + 1: Tue 6 Apr.
        assertThat(days.plus(LocalDate.of(2021, 4, 1), 1)).isEqualTo(LocalDate.of(2021, 4, 6));
    }

    @Test
    void fridaysBeforeTheLateMayAndAugustBankHolidayWeekends() {
        // Spring bank holiday Mon 31 May 2021: Fri 28 May + 1 = Tue 1 June.
        assertThat(days.plus(LocalDate.of(2021, 5, 28), 1)).isEqualTo(LocalDate.of(2021, 6, 1));
        // Summer bank holiday (England and Wales only, not Scotland) Mon 30 Aug 2021: Fri 27 Aug + 1 = Tue 31 Aug.
        assertThat(days.plus(LocalDate.of(2021, 8, 27), 1)).isEqualTo(LocalDate.of(2021, 8, 31));
        // 2022 moved the spring bank holiday to Thu 2 June and added the Platinum Jubilee on Fri 3 June:
        // Wed 1 June + 1 = Mon 6 June.
        assertThat(days.plus(LocalDate.of(2022, 6, 1), 1)).isEqualTo(LocalDate.of(2022, 6, 6));
    }
}
