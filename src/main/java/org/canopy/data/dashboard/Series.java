package org.canopy.data.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.canopy.data.observations.DataViews.Area;
import org.canopy.data.observations.DataViews.Indicator;
import org.canopy.data.observations.DataViews.Observation;
import org.canopy.data.observations.DataViews.SeriesPoint;
import org.canopy.data.catalogue.AreaKind;
import org.canopy.data.observations.DataViews;
import org.canopy.data.observations.Spc;
import org.springframework.stereotype.Component;

/**
 * Builds an indicator's series for one area: each period's value and narrative, the England, regional
 * (London) and statistical-neighbour benchmarks for the same period, the target, and the SPC reading.
 */
@Component
class Series {

    /** The series; {@code names} turns the usernames of a figure's provenance into people's names. */
    List<SeriesPoint> of(Indicator indicator, Area area, List<Area> areas, List<Observation> observations,
            Map<String, BigDecimal> targets, java.util.function.Function<String, String> names) {
        Map<Long, Area> areasById = new HashMap<>();
        areas.forEach(a -> areasById.put(a.id(), a));
        Map<String, Map<Long, BigDecimal>> byPeriod = new HashMap<>();
        // Every period with a figure for the area or a benchmark, in order: a comparison the sources give for a
        // year the area has no figure for (England 2019-20 beside Tower Hamlets 2020-21) is still shown.
        Map<String, java.time.LocalDate> periods = new java.util.TreeMap<>();
        Map<String, Observation> own = new HashMap<>();
        for (var o : observations) {
            if (o.indicatorId() != indicator.id()) {
                continue;
            }
            var kind = areasById.get(o.areaId());
            boolean benchmark = kind != null && (kind.kind() != AreaKind.LOCAL_AUTHORITY || kind.statisticalNeighbour());
            if (o.areaId() == area.id()) {
                own.put(o.period(), o);
            } else if (!benchmark) {
                continue;
            }
            byPeriod.computeIfAbsent(o.period(), p -> new HashMap<>()).put(o.areaId(), o.value());
            periods.put(o.period(), o.periodStart());
        }
        var ordered = periods.entrySet().stream().sorted(Map.Entry.comparingByValue()).map(Map.Entry::getKey).toList();
        var values = ordered.stream().filter(own::containsKey).map(p -> own.get(p).value().doubleValue()).toList();
        var spc = Spc.analyse(values, indicator.polarity());
        var points = new ArrayList<SeriesPoint>();
        int index = 0;
        for (String period : ordered) {
            var o = own.get(period);
            var others = byPeriod.get(period);
            Spc.Signal signal = o == null ? Spc.Signal.NONE : spc.signals().get(index++);
            points.add(new SeriesPoint(period, periods.get(period), o == null ? null : o.value(), o == null ? null : o.narrative(),
                    o == null ? null : o.source(), o == null ? null : o.quote(),
                    benchmark(others, areasById, AreaKind.COUNTRY), benchmark(others, areasById, AreaKind.REGION),
                    neighbours(others, areasById), targets.get(period), spc.mean(), spc.lower(), spc.upper(), signal,
                    o == null ? null : o.provenance(names), o == null ? null : o.explanation()));
        }
        return points;
    }

    private static BigDecimal benchmark(Map<Long, BigDecimal> values, Map<Long, Area> areas, AreaKind kind) {
        return values.entrySet().stream().filter(e -> areas.get(e.getKey()).kind() == kind).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    /** The average of the configured statistical neighbours that reported the period. */
    private static BigDecimal neighbours(Map<Long, BigDecimal> values, Map<Long, Area> areas) {
        var reported = values.entrySet().stream().filter(e -> areas.get(e.getKey()).statisticalNeighbour())
                .map(Map.Entry::getValue).toList();
        if (reported.isEmpty()) {
            return null;
        }
        return DataViews.plain(reported.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(reported.size()), 4, RoundingMode.HALF_UP));
    }
}
