package org.canopy.data.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.canopy.data.internal.DataViews.Area;
import org.canopy.data.internal.DataViews.Indicator;
import org.canopy.data.internal.DataViews.Observation;
import org.canopy.data.internal.DataViews.SeriesPoint;
import org.springframework.stereotype.Component;

/**
 * Builds an indicator's series for one area: each period's value and narrative, the England, regional
 * (London) and statistical-neighbour benchmarks for the same period, the target, and the SPC reading.
 */
@Component
class Series {

    List<SeriesPoint> of(Indicator indicator, Area area, List<Area> areas, List<Observation> observations,
            Map<String, BigDecimal> targets) {
        Map<Long, Area> areasById = new HashMap<>();
        areas.forEach(a -> areasById.put(a.id(), a));
        Map<String, Map<Long, BigDecimal>> byPeriod = new HashMap<>();
        var own = new ArrayList<Observation>();
        for (var o : observations) {
            if (o.indicatorId() != indicator.id()) {
                continue;
            }
            byPeriod.computeIfAbsent(o.period(), p -> new HashMap<>()).put(o.areaId(), o.value());
            if (o.areaId() == area.id()) {
                own.add(o);
            }
        }
        var spc = Spc.analyse(own.stream().map(o -> o.value().doubleValue()).toList(), indicator.polarity());
        var points = new ArrayList<SeriesPoint>();
        for (int i = 0; i < own.size(); i++) {
            var o = own.get(i);
            var others = byPeriod.get(o.period());
            points.add(new SeriesPoint(o.period(), o.periodStart(), o.value(), o.narrative(), o.source(), o.quote(),
                    benchmark(others, areasById, AreaKind.COUNTRY), benchmark(others, areasById, AreaKind.REGION),
                    neighbours(others, areasById), targets.get(o.period()), spc.mean(), spc.lower(), spc.upper(),
                    spc.signals().get(i)));
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
