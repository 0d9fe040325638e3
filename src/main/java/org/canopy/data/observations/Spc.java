package org.canopy.data.observations;

import java.util.ArrayList;
import java.util.List;
import org.canopy.data.catalogue.Polarity;

/**
 * Statistical process control as NHS performance reporting uses it (an XmR chart): the mean, the
 * process limits at mean ± 2.66 × the mean moving range, and three special-cause rules: a point beyond
 * a limit, a run of {@value #RUN} or more points on one side of the mean, and {@value #TREND} or more
 * points each rising or each falling. A special cause is classed as improvement or concern by the
 * indicator's polarity. With fewer than {@value #MIN_POINTS} points no limits are drawn: they would be
 * too uncertain to act on.
 */
public final class Spc {

    public static final int MIN_POINTS = 12;
    static final int RUN = 7;
    static final int TREND = 6;
    static final double SCALING = 2.66;

    /** The signal of one point, and how it is said in words, with a symbol that does not rely on colour. */
    public enum Signal {
        NONE("No signal"), IMPROVEMENT("▲ Improvement (special cause)"), CONCERN("▼ Concern (special cause)"),
        NEUTRAL_CHANGE("◆ Change, neither good nor bad (special cause)");

        private final String words;

        Signal(String words) {
            this.words = words;
        }

        /** Public because the templates call it through SpEL, which finds public methods only. */
        public String words() {
            return words;
        }
    }

    /** The limits of a series, and each point's signal in order. Null limits: too few points. */
    public record Result(Double mean, Double lower, Double upper, List<Signal> signals) {

        boolean hasLimits() {
            return mean != null;
        }

        Signal latest() {
            return signals.isEmpty() ? Signal.NONE : signals.get(signals.size() - 1);
        }
    }

    private Spc() {
    }

    public static Result analyse(List<Double> values, Polarity polarity) {
        int n = values.size();
        var none = new ArrayList<Signal>();
        values.forEach(v -> none.add(Signal.NONE));
        if (n < MIN_POINTS) {
            return new Result(null, null, null, none);
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double movingRange = 0;
        for (int i = 1; i < n; i++) {
            movingRange += Math.abs(values.get(i) - values.get(i - 1));
        }
        movingRange /= (n - 1);
        double upper = mean + SCALING * movingRange;
        double lower = mean - SCALING * movingRange;

        // +1: a special cause on the high side, -1: on the low side, 0: none. Earlier rules win.
        int[] side = new int[n];
        for (int i = 0; i < n; i++) {
            if (values.get(i) > upper) {
                side[i] = 1;
            } else if (values.get(i) < lower) {
                side[i] = -1;
            }
        }
        markRuns(values, mean, side);
        markTrends(values, side);

        var signals = new ArrayList<Signal>();
        for (int s : side) {
            signals.add(classify(s, polarity));
        }
        return new Result(mean, lower, upper, signals);
    }

    /** Runs of {@link #RUN} or more points on one side of the mean; a point on the mean ends a run. */
    private static void markRuns(List<Double> values, double mean, int[] side) {
        int start = 0;
        for (int i = 1; i <= values.size(); i++) {
            boolean continues = i < values.size() && sideOfMean(values.get(i), mean) != 0
                    && sideOfMean(values.get(i), mean) == sideOfMean(values.get(start), mean);
            if (!continues) {
                int direction = sideOfMean(values.get(start), mean);
                if (direction != 0 && i - start >= RUN) {
                    for (int j = start; j < i; j++) {
                        if (side[j] == 0) {
                            side[j] = direction;
                        }
                    }
                }
                start = i;
            }
        }
    }

    /** {@link #TREND} or more points each higher (or each lower) than the one before; a repeat ends it. */
    private static void markTrends(List<Double> values, int[] side) {
        int start = 0;
        int direction = 0;
        for (int i = 1; i <= values.size(); i++) {
            int step = i < values.size() ? sign(values.get(i) - values.get(i - 1)) : 0;
            if (i < values.size() && step != 0 && (direction == 0 || step == direction)) {
                direction = step;
                continue;
            }
            if (direction != 0 && i - start >= TREND) {
                for (int j = start; j < i; j++) {
                    if (side[j] == 0) {
                        side[j] = direction;
                    }
                }
            }
            // A change of direction starts a new trend at the turning point.
            start = i - 1;
            direction = i < values.size() ? step : 0;
            if (step == 0) {
                start = i;
            }
        }
    }

    private static Signal classify(int side, Polarity polarity) {
        if (side == 0) {
            return Signal.NONE;
        }
        return switch (polarity) {
            case NEUTRAL -> Signal.NEUTRAL_CHANGE;
            case HIGHER_IS_BETTER -> side > 0 ? Signal.IMPROVEMENT : Signal.CONCERN;
            case LOWER_IS_BETTER -> side > 0 ? Signal.CONCERN : Signal.IMPROVEMENT;
        };
    }

    /**
     * 1 above the mean, -1 below, 0 on it. Decimal figures such as 10.8 are not exact in binary, so their
     * computed mean can miss a point that is on it by a rounding error; so small a difference counts as on it.
     */
    private static int sideOfMean(double value, double mean) {
        return Math.abs(value - mean) <= 1e-9 * Math.max(1, Math.abs(mean)) ? 0 : sign(value - mean);
    }

    private static int sign(double d) {
        return d > 0 ? 1 : d < 0 ? -1 : 0;
    }
}
