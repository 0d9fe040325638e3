package org.canopy.data.observations;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.canopy.data.catalogue.AreaKind;
import org.canopy.data.catalogue.Frequency;
import org.canopy.data.catalogue.Polarity;
import org.canopy.data.catalogue.Unit;

/** The read side of the data dashboard. */
public final class DataViews {

    private DataViews() {
    }

    public record Area(long id, String name, AreaKind kind, boolean statisticalNeighbour) {
    }

    public record Indicator(long id, String code, String name, String definition, Unit unit, Polarity polarity,
            Frequency frequency, Long sourceAgencyId, String sourceAgency, String populationBase, String seedIndicator,
            String comparisonNote, boolean isPublic, List<Long> priorityIds, List<Long> groupIds, String rateOfCode,
            String populationCode, String partOfCode, BigDecimal expectedMin, BigDecimal expectedMax) {
    }

    public record Observation(long id, long indicatorId, long areaId, String period, LocalDate periodStart, BigDecimal value,
            String narrative, String source, String quote, String recordedBy, LocalDateTime recordedAt, String submittedBy,
            String acceptedBy, LocalDateTime acceptedAt, String importFile, String explanation) {

        /**
         * Where the figure came from, in words: submitted and accepted (with names), imported from a file, or the
         * source a catalogue file quotes. {@code names} turns a username into the person's name.
         */
        public String provenance(java.util.function.Function<String, String> names) {
            String on = recordedAt == null ? "" : " on " + date(recordedAt.toLocalDate());
            if (acceptedBy != null) {
                return "Submitted by " + names.apply(submittedBy) + (importFile == null ? "" : " in " + importFile)
                        + ", accepted by " + names.apply(acceptedBy)
                        + (acceptedAt == null ? "" : " on " + date(acceptedAt.toLocalDate()));
            }
            if (importFile != null) {
                return "Imported by " + names.apply(recordedBy) + " from " + importFile + on;
            }
            if (source != null) {
                return source;
            }
            return "Recorded by " + names.apply(recordedBy) + on;
        }
    }

    /** An earlier value of a figure, kept when it was replaced. */
    record Revision(String period, long areaId, BigDecimal value, String narrative, String explanation, String recordedBy,
            LocalDateTime recordedAt, String replacedBy, LocalDateTime replacedAt) {

        public String shown() {
            return format(value);
        }
    }

    /** One period of an indicator's series in the partnership's own area, with comparisons and its SPC reading. */
    public record SeriesPoint(String period, LocalDate periodStart, BigDecimal value, String narrative, String source,
            String quote, BigDecimal england, BigDecimal london, BigDecimal statisticalNeighbours, BigDecimal target,
            Double mean, Double lower, Double upper, Spc.Signal signal, String provenance, String explanation) {

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

        public String shownTarget() {
            return format(target);
        }

        /** The signal in words, with a symbol that does not rely on colour. */
        public String signalWords() {
            return signal.words();
        }
    }

    /** A stored value without the database's trailing zeros (2944.0000 is 2944), never in exponent form. */
    public static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        var stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static final java.time.format.DateTimeFormatter DATE =
            java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK);

    /** A date as GOV.UK writes it: 1 December 2026. */
    static String date(LocalDate date) {
        return DATE.format(date);
    }

    public static String format(BigDecimal value) {
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
