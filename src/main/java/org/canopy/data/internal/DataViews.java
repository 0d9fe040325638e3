package org.canopy.data.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/** The read side of the data dashboard. */
final class DataViews {

    private DataViews() {
    }

    record Area(long id, String name, AreaKind kind, boolean statisticalNeighbour) {
    }

    record Indicator(long id, String code, String name, String definition, Unit unit, Polarity polarity,
            Frequency frequency, Long sourceAgencyId, String sourceAgency, String populationBase, String seedIndicator,
            String comparisonNote, boolean isPublic, List<Long> priorityIds, List<Long> groupIds) {
    }

    record Observation(long id, long indicatorId, long areaId, String period, LocalDate periodStart, BigDecimal value,
            String narrative, String source, String quote, String recordedBy) {
    }

    /** One period of an indicator's series in the partnership's own area, with comparisons and its SPC reading. */
    record SeriesPoint(String period, LocalDate periodStart, BigDecimal value, String narrative, String source,
            String quote, BigDecimal england, BigDecimal london, BigDecimal statisticalNeighbours, BigDecimal target,
            Double mean, Double lower, Double upper, Spc.Signal signal) {

        /** The value as shown: whole numbers without decimals, others to one place. */
        public String shown() {
            return format(value);
        }

        public String shownEngland() {
            return format(england);
        }

        public String shownLondon() {
            return format(london);
        }

        public String shownNeighbours() {
            return format(statisticalNeighbours);
        }

        /** The signal in words, for the templates (SpEL cannot call the package-private controller's method). */
        public String signalWords() {
            return DashboardController.signalWords(signal);
        }
    }

    static String format(BigDecimal value) {
        if (value == null) {
            return "";
        }
        var stripped = value.stripTrailingZeros();
        if (stripped.scale() <= 0) {
            return String.format("%,d", stripped.toBigInteger());
        }
        return String.format("%,.1f", value.setScale(1, RoundingMode.HALF_UP));
    }
}
