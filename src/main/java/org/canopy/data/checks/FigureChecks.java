package org.canopy.data.checks;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.canopy.data.observations.DataViews.Indicator;
import org.canopy.data.observations.DataViews.Observation;
import org.canopy.data.observations.DataStore;
import org.canopy.data.observations.DataViews;
import org.canopy.data.observations.Spc;
import org.canopy.privacy.IdentifierGuard;
import org.canopy.web.FieldProblem;
import org.canopy.web.Period;
import org.springframework.stereotype.Component;

/**
 * The checks a submitted figure passes: a number of the right kind for its unit, a narrative free of
 * identifiers, a narrative wherever the value raises a statistical signal or a warning; warnings (not
 * refusals) for a rate that disagrees with its count and population, and for a value far from its history.
 */
@Component
public class FigureChecks {

    private final IdentifierGuard guard;
    private final DataStore store;

    FigureChecks(IdentifierGuard guard, DataStore store) {
        this.guard = guard;
        this.store = store;
    }

    /** A figure as typed: the value text (blank for none) and its narrative. */
    public record Entry(String value, String narrative) {
    }

    /** The outcome for one figure: its parsed value, its narrative, the refusals and a flag (null when none). */
    public record Outcome(BigDecimal value, String narrative, List<FieldProblem> problems, String flag) {
    }

    /** Parses and checks one figure; {@code field} names the form field the problems belong to. */
    public Outcome check(Indicator indicator, Entry entry, String field, boolean submitting) {
        var problems = new ArrayList<FieldProblem>();
        BigDecimal value = null;
        String text = entry.value() == null ? "" : entry.value().trim().replace(",", "");
        if (!text.isEmpty()) {
            try {
                value = new BigDecimal(text);
                String rule = ValueRules.check(indicator.unit(), value);
                if (rule != null) {
                    problems.add(FieldProblem.of(field + "-value", indicator.name() + ": " + rule));
                    value = null;
                }
            } catch (NumberFormatException e) {
                problems.add(FieldProblem.of(field + "-value", indicator.name() + ": enter a number, like 235 or 12.5"));
            }
        }
        String narrative = entry.narrative() == null || entry.narrative().isBlank() ? null : entry.narrative().strip();
        if (narrative != null && narrative.length() > 4000) {
            problems.add(FieldProblem.of(field + "-narrative", indicator.name() + ": the narrative must be 4000 characters or fewer"));
        } else {
            problems.addAll(identifiers(field + "-narrative", indicator.name() + ": the narrative", narrative));
        }
        if (submitting && text.isEmpty() && narrative == null) {
            problems.add(FieldProblem.of(field + "-value", indicator.name()
                    + ": enter the figure, or say in the narrative why there is none this period"));
        }
        return new Outcome(value, narrative, problems, null);
    }

    /**
     * One problem for each identifier found in {@code text} (none for null text), naming its kind and
     * character positions but never the identifier itself. {@code label} starts the message.
     */
    public List<FieldProblem> identifiers(String field, String label, String text) {
        return guard.problems(field, label, text, FieldProblem::of);
    }

    /** Free text as stored (see {@link IdentifierGuard#freeText}), at most 4000 characters. */
    public String freeText(String field, String label, String text, boolean required, List<FieldProblem> problems) {
        return guard.freeText(field, label, text, required, 4000, problems, FieldProblem::of);
    }

    /**
     * The statistical signal the value would raise in the area's series, with the other periods as held:
     * {@link Spc.Signal#NONE} when it raises none (or the series is too short for limits).
     */
    public static Spc.Signal signalOf(Indicator indicator, List<Observation> areaSeries, Period period, BigDecimal value) {
        var values = new ArrayList<Double>();
        int at = -1;
        for (var o : areaSeries) {
            if (o.period().equals(period.label())) {
                continue;
            }
            if (at < 0 && o.periodStart().isAfter(period.start())) {
                at = values.size();
                values.add(value.doubleValue());
            }
            values.add(o.value().doubleValue());
        }
        if (at < 0) {
            at = values.size();
            values.add(value.doubleValue());
        }
        return Spc.analyse(values, indicator.polarity()).signals().get(at);
    }

    /** A figure being entered: its indicator, area, period and value. */
    public record Incoming(Indicator indicator, long areaId, String period, BigDecimal value) {
    }

    /** How warnings are keyed: by indicator code, area and period. */
    public static String key(String code, long areaId, String period) {
        return code + "|" + areaId + "|" + period;
    }

    /**
     * The rate checks of figures being entered, against the figures held for the same periods and areas
     * (overridden by the incoming ones): a warning, with the arithmetic, for each incoming figure that is part
     * of a disagreement, keyed by {@link #key}.
     */
    public Map<String, String> rateWarnings(long partnershipId, Map<String, Indicator> indicators, List<Incoming> incoming) {
        var related = RateConsistency.relatedCodes(indicators.values());
        var relevant = incoming.stream().filter(f -> related.contains(f.indicator().code())).toList();
        Map<String, String> warnings = new java.util.HashMap<>();
        if (relevant.isEmpty()) {
            return warnings;
        }
        var figures = store.rateFigures(partnershipId, related);
        // The incoming figures of each period and area, in their order: a disagreement is matched against its own
        // group's figures only (against every incoming figure, a large import took time quadratic in its size).
        var touched = new java.util.LinkedHashMap<String, List<Incoming>>();
        for (var f : relevant) {
            String group = f.period() + "|" + f.areaId();
            figures.computeIfAbsent(group, k -> new java.util.HashMap<>()).put(f.indicator().code(), f.value());
            touched.computeIfAbsent(group, k -> new ArrayList<>()).add(f);
        }
        for (var entry : touched.entrySet()) {
            String group = entry.getKey();
            String period = group.substring(0, group.indexOf('|'));
            long areaId = Long.parseLong(group.substring(group.indexOf('|') + 1));
            for (var found : RateConsistency.check(period, areaId, indicators, figures.get(group))) {
                for (var f : entry.getValue()) {
                    if (found.blames(f.indicator().code(), indicators)) {
                        warnings.merge(key(f.indicator().code(), areaId, period), found.message(), (a, b) -> a + " " + b);
                    }
                }
            }
        }
        return warnings;
    }

    /**
     * A warning when a value is far from its own history in the area: beyond the control limits of the periods
     * held, or more than 3 standard deviations from their mean (both once there are {@value Spc#MIN_POINTS}
     * periods), or outside the range the partnership expects of the indicator. Null when none.
     */
    public static String outlierWarning(Indicator indicator, List<Observation> areaSeries, Period period, BigDecimal value) {
        var suffix = indicator.unit().suffix();
        if (indicator.expectedMin() != null && value.compareTo(indicator.expectedMin()) < 0
                || indicator.expectedMax() != null && value.compareTo(indicator.expectedMax()) > 0) {
            return DataViews.format(value) + suffix + " is outside the range the partnership expects of " + indicator.name()
                    + " (" + (indicator.expectedMin() == null ? "no minimum" : DataViews.format(indicator.expectedMin()))
                    + " to " + (indicator.expectedMax() == null ? "no maximum" : DataViews.format(indicator.expectedMax())) + ").";
        }
        var history = areaSeries.stream().filter(o -> !o.period().equals(period.label()))
                .map(o -> o.value().doubleValue()).toList();
        if (history.size() < Spc.MIN_POINTS) {
            return null;
        }
        var limits = Spc.analyse(history, indicator.polarity());
        double v = value.doubleValue();
        if (v > limits.upper() || v < limits.lower()) {
            return DataViews.format(value) + suffix + " is beyond the control limits of the " + history.size() + " periods held ("
                    + String.format("%,.1f to %,.1f", limits.lower(), limits.upper()) + ").";
        }
        double mean = limits.mean();
        double variance = history.stream().mapToDouble(h -> (h - mean) * (h - mean)).sum() / (history.size() - 1);
        double sd = Math.sqrt(variance);
        if (sd > 0 && Math.abs(v - mean) / sd > 3) {
            return DataViews.format(value) + suffix + " is " + String.format("%.1f", Math.abs(v - mean) / sd)
                    + " standard deviations from the mean of the " + history.size() + " periods held ("
                    + String.format("%,.1f", mean) + ").";
        }
        return null;
    }
}
