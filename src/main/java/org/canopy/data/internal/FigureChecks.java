package org.canopy.data.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.canopy.data.internal.DataViews.Indicator;
import org.canopy.data.internal.DataViews.Observation;
import org.canopy.privacy.IdentifierGuard;
import org.canopy.web.FieldProblem;
import org.springframework.stereotype.Component;

/**
 * The checks a submitted figure passes: a number of the right kind for its unit, a narrative free of
 * identifiers, a narrative wherever the value raises a statistical signal, and a rate that agrees with
 * its count and population when all three are known (a disagreement is flagged, not refused: the
 * published rate may rest on a population estimate the partnership does not hold).
 */
@Component
class FigureChecks {

    /** How far a rate may stray from count ÷ population before it is flagged: rounding, plus 2 per cent. */
    static final BigDecimal RATE_TOLERANCE = new BigDecimal("0.02");

    private final IdentifierGuard guard;

    FigureChecks(IdentifierGuard guard) {
        this.guard = guard;
    }

    /** A figure as typed: the value text (blank for none) and its narrative. */
    record Entry(String value, String narrative) {
    }

    /** The outcome for one figure: its parsed value, its narrative, the refusals and a flag (null when none). */
    record Outcome(BigDecimal value, String narrative, List<FieldProblem> problems, String flag) {
    }

    /** Parses and checks one figure; {@code field} names the form field the problems belong to. */
    Outcome check(Indicator indicator, Entry entry, String field, boolean submitting) {
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
    List<FieldProblem> identifiers(String field, String label, String text) {
        return guard.problems(field, label, text);
    }

    /** Free text as stored (see {@link IdentifierGuard#freeText}), at most 4000 characters. */
    String freeText(String field, String label, String text, boolean required, List<FieldProblem> problems) {
        return guard.freeText(field, label, text, required, 4000, problems);
    }

    /**
     * The statistical signal the value would raise in the area's series, with the other periods as held:
     * {@link Spc.Signal#NONE} when it raises none (or the series is too short for limits).
     */
    static Spc.Signal signalOf(Indicator indicator, List<Observation> areaSeries, DataPeriod period, BigDecimal value) {
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

    /**
     * A flag when a rate disagrees with its count and population (values by indicator code, for the same
     * period and area); null when they agree or any of the three is unknown.
     */
    static String rateFlag(Indicator rate, BigDecimal rateValue, Map<String, BigDecimal> valuesByCode) {
        if (rate.rateOfCode() == null || rate.populationCode() == null || rateValue == null) {
            return null;
        }
        BigDecimal count = valuesByCode.get(rate.rateOfCode());
        BigDecimal population = valuesByCode.get(rate.populationCode());
        if (count == null || population == null || population.signum() == 0) {
            return null;
        }
        BigDecimal per = rate.unit() == Unit.RATE_PER_100000 ? BigDecimal.valueOf(100_000) : BigDecimal.valueOf(10_000);
        BigDecimal expected = count.multiply(per).divide(population, MathContext.DECIMAL64);
        BigDecimal allowed = expected.multiply(RATE_TOLERANCE).add(new BigDecimal("0.5"));
        if (rateValue.subtract(expected).abs().compareTo(allowed) <= 0) {
            return null;
        }
        return "The rate " + DataViews.format(rateValue) + " does not match the count " + DataViews.format(count)
                + " and population " + DataViews.format(population) + ": they give "
                + DataViews.format(expected.setScale(1, java.math.RoundingMode.HALF_UP)) + rate.unit().suffix();
    }
}
