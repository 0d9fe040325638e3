package org.canopy.data.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.canopy.web.Period;
import org.junit.jupiter.api.Test;

/** Which periods suit an indicator of each frequency, as the imports, rounds and targets check them. */
class FrequencyTest {

    private static Period period(String text) {
        return Period.parse(text).orElseThrow();
    }

    @Test
    void aYearOfEitherKindIsAnnual() {
        assertThat(Frequency.of(period("2020-21"))).isEqualTo(Frequency.ANNUAL);
        assertThat(Frequency.of(period("2015"))).isEqualTo(Frequency.ANNUAL);
        assertThat(Frequency.of(period("2020-21-Q3"))).isEqualTo(Frequency.QUARTERLY);
        assertThat(Frequency.of(period("2021-03"))).isEqualTo(Frequency.MONTHLY);
    }

    @Test
    void aPeriodFitsOnlyItsOwnFrequency() {
        assertThat(Frequency.ANNUAL.fits(period("2020-21"))).isTrue();
        assertThat(Frequency.ANNUAL.fits(period("2020-21-Q1"))).isFalse();
        assertThat(Frequency.QUARTERLY.fits(period("2020-21-Q1"))).isTrue();
        assertThat(Frequency.QUARTERLY.fits(period("2020-04"))).isFalse();
        assertThat(Frequency.MONTHLY.fits(period("2020-04"))).isTrue();
        assertThat(Frequency.MONTHLY.fits(period("2020-21"))).isFalse();
    }
}
