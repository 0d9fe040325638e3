package org.canopy.data.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.canopy.data.observations.DataViews.Indicator;
import org.canopy.data.catalogue.Frequency;
import org.canopy.data.catalogue.Polarity;
import org.canopy.data.catalogue.Unit;
import org.junit.jupiter.api.Test;

/** The rate check's arithmetic, worked by hand. */
class RateConsistencyTest {

    static Indicator indicator(String code, String name, Unit unit, String rateOf, String population) {
        return new Indicator(code.hashCode(), code, name, null, unit, Polarity.NEUTRAL, Frequency.ANNUAL, null, null, null, null,
                null, true, List.of(), List.of(), rateOf, population, null, null, null);
    }

    static final Map<String, Indicator> CATALOGUE = Map.of(
            "POP", indicator("POP", "Children aged 0 to 17", Unit.COUNT, null, null),
            "CIN", indicator("CIN", "Children in need", Unit.COUNT, null, null),
            "CIN_RATE", indicator("CIN_RATE", "Children in need per 10,000", Unit.RATE_PER_10000, "CIN", "POP"),
            "CP", indicator("CP", "Children on plans", Unit.COUNT, null, null),
            "CP_RATE", indicator("CP_RATE", "Children on plans per 10,000", Unit.RATE_PER_10000, "CP", "POP"),
            "CLA", indicator("CLA", "Children looked after", Unit.COUNT, null, null),
            "CLA_RATE", indicator("CLA_RATE", "Children looked after per 10,000", Unit.RATE_PER_10000, "CLA", "POP"));

    static List<RateConsistency.Inconsistency> check(Object... codesAndValues) {
        var values = new HashMap<String, BigDecimal>();
        for (int i = 0; i < codesAndValues.length; i += 2) {
            values.put((String) codesAndValues[i], new BigDecimal(codesAndValues[i + 1].toString()));
        }
        return RateConsistency.check("2020-21", 1, CATALOGUE, values);
    }

    @Test
    void aHeldPopulationChecksEachRate() {
        // 120 x 10,000 / 50,000 = 24.0, not 26; 125 at 25 agrees exactly.
        var found = check("POP", 50000, "CIN", 120, "CIN_RATE", 26, "CP", 125, "CP_RATE", 25);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).rateCode()).isEqualTo("CIN_RATE");
        assertThat(found.get(0).message()).startsWith("120 (children in need) and a population of 50,000 (Children aged 0 to 17)"
                + " give 24.0 per 10,000, not 26");
    }

    @Test
    void roundingOfTheStatedRateIsAllowed() {
        // 121 / 50,000 = 24.2 per 10,000: stated as 24 it is within half a unit; stated as 24.1 (so 24.05 to 24.15)
        // it is not. Trailing zeros are not kept in storage, so 24.0 reads as 24.
        assertThat(check("POP", 50000, "CIN", 121, "CIN_RATE", 24)).isEmpty();
        assertThat(check("POP", 50000, "CIN", 121, "CIN_RATE", "24.1")).hasSize(1);
        assertThat(check("POP", 50000, "CIN", 121, "CIN_RATE", "24.2")).isEmpty();
    }

    @Test
    void withoutAPopulationTheOtherRatesImplyOne() {
        // The demo: 2,944 at 407 and 306 at 42 agree (about 72,334 children); 235 at 34 implies 69,118.
        var found = check("CIN", 2944, "CIN_RATE", 407, "CLA", 306, "CLA_RATE", 42, "CP", 235, "CP_RATE", 34);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).rateCode()).isEqualTo("CP_RATE");
        assertThat(found.get(0).message()).contains("a population of about 72,334").contains("give 32.5 per 10,000, not 34");
        assertThat(check("CIN", 2944, "CIN_RATE", 407, "CLA", 306, "CLA_RATE", 42)).isEmpty();
    }

    @Test
    void twoRatesThatDisagreeAreFlaggedTogether() {
        var found = check("CIN", 2810, "CIN_RATE", 500, "CP", 230, "CP_RATE", 33);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).rateCode()).isNull();
        assertThat(found.get(0).message()).contains("implies about 56,200").contains("implies about 69,697")
                .endsWith("They cannot all be right.");
    }

    @Test
    void aRateWithoutItsCountIsNotChecked() {
        assertThat(check("CIN_RATE", 500, "CP", 230, "CP_RATE", 33)).isEmpty();
        assertThat(check("POP", 50000, "CIN_RATE", 500)).isEmpty();
    }
}
