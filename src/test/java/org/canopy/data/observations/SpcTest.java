package org.canopy.data.observations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.canopy.data.observations.Spc.Signal;
import org.canopy.data.catalogue.Polarity;
import org.junit.jupiter.api.Test;

/**
 * XmR limits and special-cause rules against series worked by hand. The rules follow NHS "Making Data
 * Count": a point beyond a limit, a shift of 7 or more points on one side of the mean, a trend of 6 or
 * more points each rising or each falling. A point exactly on the mean is on neither side: it ends a
 * shift and is not counted in one (as NHS-R's "plot the dots" does, where such a point has side 0), and an
 * equal pair of values ends a trend.
 */
class SpcTest {

    private static final double EPSILON = 1e-9;

    @Test
    void limitsAreTheMeanPlusOrMinus266TimesTheMeanMovingRange() {
        // 10, 12 alternating, 12 points: mean (6*10 + 6*12) / 12 = 11; 11 moving ranges of 2, mean 22 / 11 = 2
        // (dividing by the 12 points instead would give 1.83); limits 11 -/+ 2.66 * 2 = 5.68 and 16.32.
        var result = Spc.analyse(List.of(10.0, 12.0, 10.0, 12.0, 10.0, 12.0, 10.0, 12.0, 10.0, 12.0, 10.0, 12.0),
                Polarity.HIGHER_IS_BETTER);

        assertThat(result.hasLimits()).isTrue();
        assertThat(result.mean()).isCloseTo(11.0, within(EPSILON));
        assertThat(result.lower()).isCloseTo(5.68, within(EPSILON));
        assertThat(result.upper()).isCloseTo(16.32, within(EPSILON));
        assertThat(result.signals()).hasSize(12).containsOnly(Signal.NONE);
    }

    @Test
    void limitsOfAnUnevenSeries() {
        // Sum 10+12+11+13+12+14+13+12+11+12+13+11 = 144, mean 12. Moving ranges 2,1,2,1,2,1,1,1,1,1,2 = 15,
        // mean 15 / 11; 2.66 * 15 / 11 = 39.9 / 11 = 3.62727..., limits 8.37273 and 15.62727.
        var result = Spc.analyse(List.of(10.0, 12.0, 11.0, 13.0, 12.0, 14.0, 13.0, 12.0, 11.0, 12.0, 13.0, 11.0),
                Polarity.LOWER_IS_BETTER);

        assertThat(result.mean()).isCloseTo(12.0, within(EPSILON));
        assertThat(result.lower()).isCloseTo(12.0 - 39.9 / 11, within(EPSILON));
        assertThat(result.upper()).isCloseTo(12.0 + 39.9 / 11, within(EPSILON));
        assertThat(result.signals()).containsOnly(Signal.NONE);
    }

    /** 11, 13 alternating for 11 points, then 24. */
    private static List<Double> highPointLast() {
        var values = alternating(11.0, 13.0, 11);
        values.add(24.0);
        return values;
    }

    @Test
    void aPointAboveTheUpperLimitIsClassedByPolarity() {
        // Sum 6*11 + 5*13 + 24 = 155, mean 12.9167 (so every 11 is below it and every 13 above: no shift).
        // Moving ranges: ten of 2 and |24 - 11| = 13, mean 33 / 11 = 3; upper 155/12 + 2.66 * 3 = 20.8967 < 24.
        var values = highPointLast();
        var lowerIsBetter = Spc.analyse(values, Polarity.LOWER_IS_BETTER);

        assertThat(lowerIsBetter.mean()).isCloseTo(155.0 / 12, within(EPSILON));
        assertThat(lowerIsBetter.upper()).isCloseTo(155.0 / 12 + 7.98, within(EPSILON));
        assertThat(lowerIsBetter.signals()).containsExactlyElementsOf(lastOnly(12, Signal.CONCERN));
        assertThat(lowerIsBetter.latest()).isEqualTo(Signal.CONCERN);
        assertThat(Spc.analyse(values, Polarity.HIGHER_IS_BETTER).signals())
                .containsExactlyElementsOf(lastOnly(12, Signal.IMPROVEMENT));
        assertThat(Spc.analyse(values, Polarity.NEUTRAL).signals())
                .containsExactlyElementsOf(lastOnly(12, Signal.NEUTRAL_CHANGE));
    }

    @Test
    void aPointBelowTheLowerLimitIsClassedByPolarity() {
        // 13, 11 alternating for 11 points, then 0. Sum 6*13 + 5*11 + 0 = 133, mean 11.0833; moving ranges
        // ten of 2 and |0 - 13| = 13, mean 3; lower 133/12 - 7.98 = 3.1033 > 0.
        var values = alternating(13.0, 11.0, 11);
        values.add(0.0);

        var lowerIsBetter = Spc.analyse(values, Polarity.LOWER_IS_BETTER);

        assertThat(lowerIsBetter.lower()).isCloseTo(133.0 / 12 - 7.98, within(EPSILON));
        assertThat(lowerIsBetter.signals()).containsExactlyElementsOf(lastOnly(12, Signal.IMPROVEMENT));
        assertThat(Spc.analyse(values, Polarity.HIGHER_IS_BETTER).signals())
                .containsExactlyElementsOf(lastOnly(12, Signal.CONCERN));
    }

    @Test
    void sevenPointsAboveTheMeanAreAShift() {
        // 8,12,8,12,8 then seven 11s. Sum 3*8 + 2*12 + 7*11 = 125, mean 10.4167: the 11s are above it.
        // Moving ranges 4,4,4,4,3 and six 0s = 19, mean 1.7273; limits 10.4167 -/+ 4.5945 = 5.822 and 15.011,
        // so no point is beyond them, and repeated 11s make no trend.
        var values = List.of(8.0, 12.0, 8.0, 12.0, 8.0, 11.0, 11.0, 11.0, 11.0, 11.0, 11.0, 11.0);

        var result = Spc.analyse(values, Polarity.HIGHER_IS_BETTER);

        assertThat(result.mean()).isCloseTo(125.0 / 12, within(EPSILON));
        assertThat(result.signals()).containsExactly(Signal.NONE, Signal.NONE, Signal.NONE, Signal.NONE, Signal.NONE,
                Signal.IMPROVEMENT, Signal.IMPROVEMENT, Signal.IMPROVEMENT, Signal.IMPROVEMENT, Signal.IMPROVEMENT,
                Signal.IMPROVEMENT, Signal.IMPROVEMENT);
        assertThat(Spc.analyse(values, Polarity.LOWER_IS_BETTER).latest()).isEqualTo(Signal.CONCERN);
    }

    @Test
    void sixPointsAboveTheMeanAreNoShift() {
        // 8,12,8,12,8,8 then six 11s. Sum 4*8 + 2*12 + 6*11 = 122, mean 10.1667. Moving ranges 4,4,4,4,0,3 and
        // five 0s = 19, limits 10.1667 -/+ 4.5945 = 5.572 and 14.761: nothing beyond, and a run of only 6.
        var result = Spc.analyse(List.of(8.0, 12.0, 8.0, 12.0, 8.0, 8.0, 11.0, 11.0, 11.0, 11.0, 11.0, 11.0),
                Polarity.HIGHER_IS_BETTER);

        assertThat(result.mean()).isCloseTo(122.0 / 12, within(EPSILON));
        assertThat(result.signals()).containsOnly(Signal.NONE);
    }

    @Test
    void aPointOnTheMeanEndsAShiftAndIsNotPartOfOne() {
        // 7,8,7,7 below; 12,11,12 above; 10 on the mean; 12,11,12,11 above. Sum 29 + 35 + 10 + 46 = 120,
        // mean exactly 10. Moving ranges 1,1,0,5,1,1,2,2,1,1,1 = 16, limits 10 -/+ 2.66 * 16/11 = 6.131 and
        // 13.869: nothing beyond; the ups and downs alternate, so no trend. Above the mean: 3, then 4.
        var onTheMean = List.of(7.0, 8.0, 7.0, 7.0, 12.0, 11.0, 12.0, 10.0, 12.0, 11.0, 12.0, 11.0);

        var result = Spc.analyse(onTheMean, Polarity.NEUTRAL);

        assertThat(result.mean()).isEqualTo(10.0);
        assertThat(result.signals()).containsOnly(Signal.NONE);

        // The same with 11 instead of the 10: sum 121, mean 10.0833, so indexes 4 to 11 are 8 points above it.
        // Moving ranges 1,1,0,5,1,1,1,1,1,1,1 = 14, limits 10.0833 -/+ 3.3855 = 6.698 and 13.469.
        var above = new ArrayList<>(onTheMean);
        above.set(7, 11.0);
        var shifted = Spc.analyse(above, Polarity.NEUTRAL);

        assertThat(shifted.mean()).isCloseTo(121.0 / 12, within(EPSILON));
        assertThat(shifted.signals().subList(0, 4)).containsOnly(Signal.NONE);
        assertThat(shifted.signals().subList(4, 12)).containsOnly(Signal.NEUTRAL_CHANGE);
    }

    @Test
    void aDecimalPointOnTheMeanIsOnTheMeanDespiteBinaryRounding() {
        // The series above plus 0.8: the mean is exactly 10.8, the eighth point. In doubles the twelve values
        // average to 10.799999999999999, which would put 10.8 above the mean and make 8 points above it.
        var values = List.of(7.8, 8.8, 7.8, 7.8, 12.8, 11.8, 12.8, 10.8, 12.8, 11.8, 12.8, 11.8);

        var result = Spc.analyse(values, Polarity.NEUTRAL);

        assertThat(result.mean()).isCloseTo(10.8, within(EPSILON));
        assertThat(result.signals()).containsOnly(Signal.NONE);
    }

    @Test
    void sixRisingPointsAreATrend() {
        // 10,14 three times, then 9,10,11,12,13,14. Sum 72 + 69 = 141, mean 11.75; sides -+-+-+---+++ (no
        // shift). Moving ranges five 4s, 5, five 1s = 30, limits 11.75 -/+ 2.66 * 30/11 = 4.4955 and 19.0045.
        var values = List.of(10.0, 14.0, 10.0, 14.0, 10.0, 14.0, 9.0, 10.0, 11.0, 12.0, 13.0, 14.0);

        var result = Spc.analyse(values, Polarity.HIGHER_IS_BETTER);

        assertThat(result.mean()).isCloseTo(11.75, within(EPSILON));
        assertThat(result.upper()).isCloseTo(11.75 + 2.66 * 30 / 11, within(EPSILON));
        assertThat(result.signals().subList(0, 6)).containsOnly(Signal.NONE);
        assertThat(result.signals().subList(6, 12)).containsOnly(Signal.IMPROVEMENT);
        assertThat(Spc.analyse(values, Polarity.LOWER_IS_BETTER).signals().subList(6, 12)).containsOnly(Signal.CONCERN);
        assertThat(Spc.analyse(values, Polarity.NEUTRAL).signals().subList(6, 12)).containsOnly(Signal.NEUTRAL_CHANGE);
    }

    @Test
    void sixFallingPointsAreATrend() {
        // 14,10 three times, then 15,14,13,12,11,10. Sum 72 + 75 = 147, mean 12.25; sides +-+-+-+++--- (no
        // shift). Moving ranges five 4s, 5, five 1s = 30, limits 12.25 -/+ 7.2545 = 4.9955 and 19.5045.
        var values = List.of(14.0, 10.0, 14.0, 10.0, 14.0, 10.0, 15.0, 14.0, 13.0, 12.0, 11.0, 10.0);

        var result = Spc.analyse(values, Polarity.LOWER_IS_BETTER);

        assertThat(result.signals().subList(0, 6)).containsOnly(Signal.NONE);
        assertThat(result.signals().subList(6, 12)).containsOnly(Signal.IMPROVEMENT);
    }

    @Test
    void fiveRisingPointsAfterARepeatAreNoTrend() {
        // 10,14 three times, then 10,10,11,12,13,14: the repeated 10 ends the fall-and-rise, leaving 5 rising.
        // Sum 72 + 70 = 142, mean 11.8333; moving ranges six 4s, a 0 and four 1s = 28, limits
        // 11.8333 -/+ 2.66 * 28/11 = 5.0624 and 18.6042: nothing beyond, and the longest run on one side is 3.
        var result = Spc.analyse(List.of(10.0, 14.0, 10.0, 14.0, 10.0, 14.0, 10.0, 10.0, 11.0, 12.0, 13.0, 14.0),
                Polarity.HIGHER_IS_BETTER);

        assertThat(result.upper()).isCloseTo(142.0 / 12 + 2.66 * 28 / 11, within(EPSILON));
        assertThat(result.signals()).containsOnly(Signal.NONE);
    }

    @Test
    void fewerThanTwelvePointsGetNoLimits() {
        // The 12-point series with a point beyond the limit, less its first point: 11 points.
        var values = highPointLast().subList(1, 12);

        var result = Spc.analyse(values, Polarity.LOWER_IS_BETTER);

        assertThat(result.hasLimits()).isFalse();
        assertThat(result.mean()).isNull();
        assertThat(result.lower()).isNull();
        assertThat(result.upper()).isNull();
        assertThat(result.signals()).hasSize(11).containsOnly(Signal.NONE);
        assertThat(Spc.analyse(List.of(), Polarity.NEUTRAL).latest()).isEqualTo(Signal.NONE);
    }

    private static ArrayList<Double> alternating(double first, double second, int count) {
        var values = new ArrayList<Double>();
        for (int i = 0; i < count; i++) {
            values.add(i % 2 == 0 ? first : second);
        }
        return values;
    }

    private static List<Signal> lastOnly(int size, Signal last) {
        var signals = new ArrayList<>(Collections.nCopies(size, Signal.NONE));
        signals.set(size - 1, last);
        return signals;
    }
}
