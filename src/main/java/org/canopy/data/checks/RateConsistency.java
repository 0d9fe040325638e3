package org.canopy.data.checks;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.canopy.data.observations.DataViews.Indicator;
import org.canopy.data.catalogue.Unit;
import org.canopy.data.observations.DataViews;

/**
 * Do a period's rates agree with their counts and the population they are per? A rate names its count
 * ({@code rateOf}) and its population ({@code populationIndicator}). Where the population is held, each
 * rate is checked against count × 10,000 ÷ population. Where it is not, the rates sharing a population in
 * the same period and area each imply one (count × 10,000 ÷ rate), and those implied populations must
 * agree: a rate that disagrees with the others beyond the rounding of its stated value is flagged, with
 * the arithmetic. Pure logic: the callers supply the figures of one period and area by indicator code.
 */
public final class RateConsistency {

    private RateConsistency() {
    }

    /** A disagreement: the figures it is about (code to value), the rate flagged (null: the group as a whole), and why. */
    public record Inconsistency(String period, long areaId, String populationCode, Map<String, BigDecimal> figures, String rateCode,
            String message) {

        /** Whether the flag is about this figure: the rate flagged and its count, or every figure of a group flagged whole. */
        boolean blames(String code, Map<String, Indicator> indicators) {
            if (rateCode == null) {
                return figures.containsKey(code);
            }
            var rate = indicators.get(rateCode);
            return code.equals(rateCode) || (rate != null && code.equals(rate.rateOfCode()));
        }

        /** Names the flag by its figures' values, so an explanation stays with those values and lapses when one changes. */
        public String key() {
            return "rate|" + areaId + "|" + period + "|" + populationCode + "|" + figures.entrySet().stream()
                    .map(e -> e.getKey() + "=" + DataViews.plain(e.getValue()).toPlainString()).collect(Collectors.joining(","));
        }
    }

    /** The codes the check reads: every rate that names its count and population, with those two. */
    public static java.util.Set<String> relatedCodes(java.util.Collection<Indicator> indicators) {
        var related = new java.util.HashSet<String>();
        indicators.stream().filter(i -> i.rateOfCode() != null && i.populationCode() != null).forEach(i -> {
            related.add(i.code());
            related.add(i.rateOfCode());
            related.add(i.populationCode());
        });
        return related;
    }

    /** A rate with its count: what one pair of figures implies about the population. */
    private record Pair(Indicator rate, BigDecimal rateValue, Indicator count, BigDecimal countValue) {

        BigDecimal per() {
            return rate.unit() == Unit.RATE_PER_100000 ? BigDecimal.valueOf(100_000) : BigDecimal.valueOf(10_000);
        }

        /** Half a unit in the last place the rate is stated to: 407 stands for anything from 406.5 to 407.5. */
        BigDecimal rounding() {
            return BigDecimal.ONE.movePointLeft(Math.max(0, DataViews.plain(rateValue).scale())).divide(BigDecimal.valueOf(2));
        }

        BigDecimal impliedPopulation() {
            return countValue.multiply(per()).divide(rateValue, MathContext.DECIMAL64);
        }

        double lowestPopulation() {
            return countValue.multiply(per()).doubleValue() / rateValue.add(rounding()).doubleValue();
        }

        double highestPopulation() {
            var low = rateValue.subtract(rounding());
            return low.signum() <= 0 ? Double.POSITIVE_INFINITY : countValue.multiply(per()).doubleValue() / low.doubleValue();
        }

        BigDecimal expectedRate(BigDecimal population) {
            return countValue.multiply(per()).divide(population, MathContext.DECIMAL64);
        }

        boolean agreesWith(BigDecimal population) {
            return expectedRate(population).subtract(rateValue).abs().compareTo(rounding()) <= 0;
        }

        String says() {
            return rate.name() + ": " + DataViews.format(countValue) + " at " + DataViews.format(rateValue) + rate.unit().suffix();
        }
    }

    /**
     * The inconsistencies among one period's figures in one area. {@code indicators} is the catalogue by code,
     * {@code values} the figures held (or being entered) by indicator code.
     */
    public static List<Inconsistency> check(String period, long areaId, Map<String, Indicator> indicators, Map<String, BigDecimal> values) {
        Map<String, List<Pair>> byPopulation = new LinkedHashMap<>();
        for (var rate : indicators.values()) {
            if (rate.rateOfCode() == null || rate.populationCode() == null) {
                continue;
            }
            var count = indicators.get(rate.rateOfCode());
            BigDecimal rateValue = values.get(rate.code());
            BigDecimal countValue = count == null ? null : values.get(count.code());
            if (rateValue == null || countValue == null || rateValue.signum() <= 0) {
                continue;
            }
            byPopulation.computeIfAbsent(rate.populationCode(), k -> new ArrayList<>()).add(new Pair(rate, rateValue, count, countValue));
        }
        var found = new ArrayList<Inconsistency>();
        byPopulation.forEach((populationCode, pairs) -> {
            pairs.sort(Comparator.comparing(p -> p.rate().code()));
            BigDecimal population = values.get(populationCode);
            var populationIndicator = indicators.get(populationCode);
            if (population != null && population.signum() > 0) {
                for (var pair : pairs) {
                    if (!pair.agreesWith(population)) {
                        var figures = figures(pair);
                        figures.put(populationCode, population);
                        found.add(new Inconsistency(period, areaId, populationCode, figures, pair.rate().code(),
                                DataViews.format(pair.countValue()) + " (" + pair.count().name().toLowerCase() + ") and a population of "
                                        + DataViews.format(population) + (populationIndicator == null ? "" : " (" + populationIndicator.name() + ")")
                                        + " give " + oneDecimal(pair.expectedRate(population)) + pair.rate().unit().suffix() + ", not "
                                        + DataViews.format(pair.rateValue()) + " (" + pair.rate().name() + ", " + period + ")"));
                    }
                }
                return;
            }
            if (pairs.size() < 2) {
                return;
            }
            var agreeing = largestAgreeingSet(pairs);
            if (agreeing.size() == pairs.size()) {
                return;
            }
            if (agreeing.size() * 2 > pairs.size()) {
                // The most precise implied population is the largest count's.
                var basis = agreeing.stream().max(Comparator.comparing(Pair::countValue)).orElseThrow();
                var implied = basis.impliedPopulation();
                String impliedBy = agreeing.stream().map(Pair::says).collect(Collectors.joining("; "));
                for (var pair : pairs) {
                    if (agreeing.contains(pair)) {
                        continue;
                    }
                    var figures = figures(pair);
                    agreeing.forEach(a -> figures.putAll(figures(a)));
                    found.add(new Inconsistency(period, areaId, populationCode, figures, pair.rate().code(),
                            DataViews.format(pair.countValue()) + " (" + pair.count().name().toLowerCase() + ") and a population of about "
                                    + DataViews.format(implied.setScale(0, RoundingMode.HALF_UP)) + " (implied by " + impliedBy + ") give "
                                    + oneDecimal(pair.expectedRate(implied)) + pair.rate().unit().suffix() + ", not "
                                    + DataViews.format(pair.rateValue()) + " (" + pair.rate().name() + ", " + period + ")"));
                }
                return;
            }
            // No majority: the figures disagree and none can be singled out.
            var figures = new LinkedHashMap<String, BigDecimal>();
            pairs.forEach(p -> figures.putAll(figures(p)));
            found.add(new Inconsistency(period, areaId, populationCode, figures, null, "The rates of " + period
                    + " imply different populations" + (populationIndicator == null ? "" : " of " + Character.toLowerCase(populationIndicator.name().charAt(0))
                            + populationIndicator.name().substring(1))
                    + ": " + pairs.stream().map(p -> p.says() + " implies about "
                            + DataViews.format(p.impliedPopulation().setScale(0, RoundingMode.HALF_UP)))
                    .collect(Collectors.joining("; ")) + ". They cannot all be right."));
        });
        return found;
    }

    private static LinkedHashMap<String, BigDecimal> figures(Pair pair) {
        var figures = new LinkedHashMap<String, BigDecimal>();
        figures.put(pair.count().code(), pair.countValue());
        figures.put(pair.rate().code(), pair.rateValue());
        return figures;
    }

    /** The most pairs whose ranges of implied population share a point (intervals: the best point is a left end). */
    private static List<Pair> largestAgreeingSet(List<Pair> pairs) {
        List<Pair> best = List.of();
        for (var candidate : pairs) {
            double point = candidate.lowestPopulation();
            var containing = pairs.stream()
                    .filter(p -> p.lowestPopulation() <= point && point <= p.highestPopulation()).toList();
            if (containing.size() > best.size()) {
                best = containing;
            }
        }
        return best;
    }

    private static String oneDecimal(BigDecimal value) {
        return String.format("%,.1f", value.setScale(1, RoundingMode.HALF_UP));
    }
}
