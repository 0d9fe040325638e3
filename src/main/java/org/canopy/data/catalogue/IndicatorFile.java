package org.canopy.data.catalogue;

import java.math.BigDecimal;
import java.util.List;

/** An indicator catalogue as read from a file (format {@code canopy-indicators/1}), already validated. */
public record IndicatorFile(List<AreaEntry> areas, List<IndicatorEntry> indicators) {

    static final String FORMAT = "canopy-indicators/1";

    record AreaEntry(String name, AreaKind kind, boolean statisticalNeighbour) {
    }

    public record IndicatorEntry(String code, String name, String definition, Unit unit, Polarity polarity,
            Frequency frequency, String sourceAgency, String populationBase, List<Integer> planPriorities,
            List<String> partnershipPriorities, String seedIndicator, boolean isPublic, String comparisonNote,
            List<ObservationEntry> observations, String rateOf, String populationIndicator, String partOf) {
    }

    record ObservationEntry(String period, String area, BigDecimal value, String source, String quote) {
    }
}
