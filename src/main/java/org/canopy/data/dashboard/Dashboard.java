package org.canopy.data.dashboard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.canopy.data.observations.DataViews.Area;
import org.canopy.data.observations.DataViews.Indicator;
import org.canopy.data.observations.DataViews.Observation;
import org.canopy.data.observations.DataViews.SeriesPoint;
import org.canopy.data.catalogue.AreaKind;
import org.canopy.data.catalogue.Polarity;
import org.canopy.data.observations.DataStore;
import org.canopy.data.observations.DataViews;
import org.canopy.data.observations.Spc;
import org.canopy.partnership.People;
import org.canopy.web.NotFound;
import org.springframework.stereotype.Service;

/** The dashboard's reading of the catalogue: each indicator with its series in the partnership's own area. */
@Service
public class Dashboard {

    /** An indicator and its series in one area; {@code latest} is null while it has no figure. */
    public record Tile(Indicator indicator, Area area, List<SeriesPoint> series) {

        public SeriesPoint latest() {
            var figures = figures();
            return figures.isEmpty() ? null : figures.get(figures.size() - 1);
        }

        /** The periods with a figure for the area (the series also holds periods with only a benchmark). */
        public List<SeriesPoint> figures() {
            return series.stream().filter(p -> p.value() != null).toList();
        }

        /**
         * Why the tile needs discussion at a quality assurance meeting: a special-cause signal on its latest figure,
         * a latest figure worse than England or London by the indicator's polarity, or a missed target. Empty: none.
         */
        public List<String> concerns() {
            var reasons = new ArrayList<String>();
            var latest = latest();
            if (latest == null) {
                return reasons;
            }
            if (latest.signal() != Spc.Signal.NONE) {
                reasons.add(latest.signalWords());
            }
            var comparison = series.stream().filter(p -> p.period().equals(latest.period())
                    && (p.england() != null || p.london() != null)).findFirst().orElse(latestComparison());
            if (comparison != null) {
                worse(latest.value(), comparison.england(), "England", comparison.period(), reasons);
                worse(latest.value(), comparison.london(), "London", comparison.period(), reasons);
            }
            if (latest.target() != null && worseThan(latest.value(), latest.target())) {
                reasons.add("Missed its target of " + latest.shownTarget() + indicator.unit().suffix());
            }
            return reasons;
        }

        private void worse(java.math.BigDecimal value, java.math.BigDecimal benchmark, String where, String period,
                List<String> reasons) {
            if (benchmark != null && worseThan(value, benchmark)) {
                reasons.add((indicator.polarity() == Polarity.HIGHER_IS_BETTER ? "Below " : "Above ") + where + " ("
                        + DataViews.format(benchmark) + indicator.unit().suffix() + " in " + period + ")");
            }
        }

        private boolean worseThan(java.math.BigDecimal value, java.math.BigDecimal reference) {
            return switch (indicator.polarity()) {
                case HIGHER_IS_BETTER -> value.compareTo(reference) < 0;
                case LOWER_IS_BETTER -> value.compareTo(reference) > 0;
                case NEUTRAL -> false;
            };
        }

        /** The latest period with an England or London figure, for the tile's comparison; null when none. */
        public SeriesPoint latestComparison() {
            for (int i = series.size() - 1; i >= 0; i--) {
                if (series.get(i).england() != null || series.get(i).london() != null) {
                    return series.get(i);
                }
            }
            return null;
        }
    }

    private final DataStore store;
    private final Series series;
    private final People people;

    Dashboard(DataStore store, Series series, People people) {
        this.store = store;
        this.series = series;
        this.people = people;
    }

    /** Username to name for the partnership's people, for figures' provenance; an unknown username stays as it is. */
    java.util.function.Function<String, String> names(long partnershipId) {
        Map<String, String> names = new HashMap<>();
        people.inPartnership(partnershipId).forEach(p -> names.put(p.username(), p.displayName()));
        return username -> username == null ? "" : names.getOrDefault(username, username);
    }

    /**
     * Every indicator of the partnership in its own area. Reads only the observations a tile shows (the latest
     * {@link DataStore#RECENT_PERIODS} periods of its own area and of the areas it is compared with) and all targets at
     * once, so a long history costs the dashboard nothing more: a query per indicator and every area's
     * figures per request made the page slow down with the catalogue and with each area imported.
     */
    public List<Tile> tiles(long partnershipId) {
        var areas = store.areas(partnershipId);
        var home = DataStore.homeArea(areas);
        if (home.isEmpty()) {
            return List.of();
        }
        var shown = compared(areas, home.get());
        Map<Long, List<Observation>> byIndicator = new HashMap<>();
        for (var o : store.recentObservations(partnershipId, shown)) {
            byIndicator.computeIfAbsent(o.indicatorId(), k -> new ArrayList<>()).add(o);
        }
        var targets = store.allTargets(partnershipId);
        var names = names(partnershipId);
        var tiles = new ArrayList<Tile>();
        for (var indicator : store.indicators(partnershipId)) {
            tiles.add(new Tile(indicator, home.get(), series.of(indicator, home.get(), areas,
                    byIndicator.getOrDefault(indicator.id(), List.of()), targets.getOrDefault(indicator.id(), Map.of()), names)));
        }
        return tiles;
    }

    /** The area and those its figures are compared with: England, the region and the statistical neighbours. */
    private static List<Long> compared(List<Area> areas, Area area) {
        return areas.stream().filter(a -> a.id() == area.id() || a.kind() != AreaKind.LOCAL_AUTHORITY
                || a.statisticalNeighbour()).map(Area::id).toList();
    }

    /** One indicator's series, in the named area or the partnership's own. */
    public Tile tile(long partnershipId, String code, String areaName) {
        var indicator = store.indicator(partnershipId, code).orElseThrow(() -> new NotFound("The indicator " + code));
        var areas = store.areas(partnershipId);
        Optional<Area> area = areaName == null || areaName.isBlank() ? store.homeArea(partnershipId)
                : areas.stream().filter(a -> a.name().equalsIgnoreCase(areaName.trim())).findFirst();
        var chosen = area.orElseThrow(() -> new NotFound("The area " + (areaName == null ? "" : areaName)));
        return new Tile(indicator, chosen, series.of(indicator, chosen, areas, store.seriesIn(indicator.id(), compared(areas, chosen)),
                store.targets(indicator.id()), names(partnershipId)));
    }
}
