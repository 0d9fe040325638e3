package org.canopy.data.quality;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.canopy.data.observations.DataViews.Indicator;
import org.canopy.data.checks.RateConsistency;
import org.canopy.data.checks.ValueRules;
import org.canopy.data.observations.DataStore;
import org.canopy.data.observations.DataViews;
import org.canopy.data.observations.ObservationWriter;
import org.canopy.data.rounds.DataRounds;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.RecordChanged;
import org.canopy.privacy.IdentifierGuard;
import org.canopy.web.FieldProblem;
import org.canopy.web.InvalidInput;
import org.canopy.web.NotFound;
import org.canopy.web.Period;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The data quality page's reading of the stored figures: every rate that disagrees with its count and the
 * population it is per (see {@link RateConsistency}), worked out from the figures as they stand, so a flag
 * disappears when a figure is corrected. The quality assurance group corrects a figure or explains the flag;
 * an explanation holds while the figures keep the values it was given for.
 */
@Service
public class DataQuality {

    /** A figure a flag is about. */
    record Figure(String code, String name, String shown) {
    }

    /** An open or explained inconsistency, with the arithmetic. */
    record Flag(String key, String period, String area, String message, String rateCode, List<Figure> figures,
            String explanation, String explainedBy, LocalDateTime explainedAt) {

        public boolean explained() {
            return explanation != null;
        }
    }

    private final DataStore store;
    private final JdbcClient jdbc;
    private final ObservationWriter writer;
    private final DataRounds rounds;
    private final IdentifierGuard guard;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    private final FiguresVersion figuresVersion;

    DataQuality(DataStore store, JdbcClient jdbc, ObservationWriter writer, DataRounds rounds, IdentifierGuard guard,
            ApplicationEventPublisher events, Clock clock, FiguresVersion figuresVersion) {
        this.figuresVersion = figuresVersion;
        this.store = store;
        this.jdbc = jdbc;
        this.writer = writer;
        this.rounds = rounds;
        this.guard = guard;
        this.events = events;
        this.clock = clock;
    }

    /** A rate check's finding, with the key an explanation of it is recorded against (worked out once). */
    private record Finding(RateConsistency.Inconsistency found, String key) {
    }

    /** The rate checks' findings at a version of the figures, kept until the figures, catalogue or areas change. */
    private record Findings(long figuresVersion, List<Finding> found) {
    }

    /** Per partnership, the latest findings: reading every rate, count and population held grows with the history. */
    private final Map<Long, Findings> findings = new java.util.concurrent.ConcurrentHashMap<>();

    /** Every inconsistency among the partnership's stored figures, open ones first. */
    List<Flag> flags(long partnershipId) {
        var indicators = indicatorsByCode(partnershipId);
        Map<Long, String> areaNames = new HashMap<>();
        store.areas(partnershipId).forEach(a -> areaNames.put(a.id(), a.name()));
        Map<String, Object[]> notes = new HashMap<>();
        jdbc.sql("select flag_key, explanation, explained_by, explained_at from data_quality_note where partnership_id = ?")
                .param(partnershipId).query(rs -> {
                    notes.put(rs.getString(1), new Object[] {rs.getString(2), rs.getString(3),
                            rs.getObject(4, LocalDateTime.class)});
                });
        var flags = new ArrayList<Flag>();
        for (var finding : findings(partnershipId, indicators)) {
            var found = finding.found();
            var figures = found.figures().entrySet().stream().map(e -> {
                var indicator = indicators.get(e.getKey());
                return new Figure(e.getKey(), indicator.name(), DataViews.format(e.getValue()) + indicator.unit().suffix());
            }).toList();
            var note = notes.get(finding.key());
            flags.add(new Flag(finding.key(), found.period(), areaNames.get(found.areaId()), found.message(), found.rateCode(),
                    figures, note == null ? null : (String) note[0], note == null ? null : (String) note[1],
                    note == null ? null : (LocalDateTime) note[2]));
        }
        flags.sort(java.util.Comparator.comparing(Flag::explained).thenComparing(Flag::period).thenComparing(Flag::key));
        return flags;
    }

    private Map<String, Indicator> indicatorsByCode(long partnershipId) {
        Map<String, Indicator> indicators = new HashMap<>();
        store.indicators(partnershipId).forEach(i -> indicators.put(i.code(), i));
        return indicators;
    }

    /**
     * The rate checks' findings about the partnership's current indicators, worked out again only when the figures
     * version has moved. The version is read before the figures: a change committed in between is then read with the
     * older version, and the next reader, seeing the newer one, works the findings out again; never the other way
     * round. A finding about an indicator removed since is left out (the catalogue's change moves the version; this
     * guards the gap).
     */
    private List<Finding> findings(long partnershipId, Map<String, Indicator> indicators) {
        long version = figuresVersion.current(partnershipId);
        var kept = findings.get(partnershipId);
        if (kept == null || kept.figuresVersion() != version) {
            var found = new ArrayList<Finding>();
            store.rateFigures(partnershipId, RateConsistency.relatedCodes(indicators.values())).forEach((group, values) -> {
                String period = group.substring(0, group.indexOf('|'));
                long areaId = Long.parseLong(group.substring(group.indexOf('|') + 1));
                RateConsistency.check(period, areaId, indicators, values).forEach(f -> found.add(new Finding(f, f.key())));
            });
            kept = new Findings(version, List.copyOf(found));
            findings.put(partnershipId, kept);
        }
        return kept.found().stream().filter(f -> indicators.keySet().containsAll(f.found().figures().keySet())).toList();
    }

    /** A flag's short name in the history: the figure flagged, its period and area (the key itself is too long). */
    private static String recordId(Flag flag) {
        String id = (flag.rateCode() == null ? flag.figures().get(0).code() : flag.rateCode()) + " " + flag.period() + " " + flag.area();
        return id.length() <= 60 ? id : id.substring(0, 60);
    }

    /**
     * How many flags are open (not explained): counted from the kept findings' keys, without wording every flag (a
     * fresh dashboard at a million figures spent most of its time formatting flags only to count them).
     */
    public long openFlags(long partnershipId) {
        var explained = new java.util.HashSet<>(jdbc.sql("select flag_key from data_quality_note where partnership_id = ?")
                .param(partnershipId).query(String.class).list());
        return findings(partnershipId, indicatorsByCode(partnershipId)).stream().filter(f -> !explained.contains(f.key())).count();
    }

    private Flag flag(CanopyUser user, String key) {
        if (!rounds.isReviewer(user)) {
            throw new AccessDeniedException("Only the quality assurance group's chairs and the administrator correct or explain figures");
        }
        return flags(user.partnershipId()).stream().filter(f -> f.key().equals(key)).findFirst()
                .orElseThrow(() -> new NotFound("The data quality flag (the figures may have changed since)"));
    }

    /** Records why the figures disagree; the flag then shows as explained. */
    @Transactional
    void explain(CanopyUser user, String key, String explanation) {
        var flag = flag(user, key);
        var problems = new ArrayList<FieldProblem>();
        String text = guard.freeText("explanation", "The explanation", explanation, true, 2000, problems, FieldProblem::of);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var now = LocalDateTime.now(clock);
        int changed = jdbc.sql("update data_quality_note set explanation = ?, explained_by = ?, explained_at = ? where partnership_id = ? and flag_key = ?")
                .params(text, user.getUsername(), now, user.partnershipId(), key).update();
        if (changed == 0) {
            jdbc.sql("insert into data_quality_note (partnership_id, flag_key, explanation, explained_by, explained_at) values (?, ?, ?, ?, ?)")
                    .params(user.partnershipId(), key, text, user.getUsername(), now).update();
        }
        events.publishEvent(RecordChanged.by(user, "data-quality-flag", recordId(flag), "explained", "Explained a data quality flag: "
                + flag.message(), flag.explained() ? Map.of("explanation", flag.explanation()) : null, Map.of("explanation", text)));
    }

    /** Sets the range of values the partnership expects of an indicator; a figure entered outside it is a warning. */
    @Transactional
    public void setExpectedRange(CanopyUser user, String code, String minText, String maxText) {
        if (!rounds.isReviewer(user)) {
            throw new AccessDeniedException("Only the quality assurance group's chairs and the administrator set expected ranges");
        }
        var indicator = store.indicator(user.partnershipId(), code).orElseThrow(() -> new NotFound("The indicator " + code));
        var problems = new ArrayList<FieldProblem>();
        BigDecimal min = number("expectedMin", "the lowest expected value", minText, problems);
        BigDecimal max = number("expectedMax", "the highest expected value", maxText, problems);
        if (min != null && max != null && min.compareTo(max) > 0) {
            problems.add(FieldProblem.of("expectedMax", "The highest expected value must not be below the lowest"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        store.setExpectedRange(indicator.id(), min, max);
        var before = new java.util.LinkedHashMap<String, Object>();
        before.put("min", indicator.expectedMin());
        before.put("max", indicator.expectedMax());
        var after = new java.util.LinkedHashMap<String, Object>();
        after.put("min", min);
        after.put("max", max);
        events.publishEvent(RecordChanged.by(user, "indicator", indicator.id(), "changed", "Set the expected range of "
                + indicator.name() + " to " + (min == null ? "no minimum" : DataViews.format(min)) + " to "
                + (max == null ? "no maximum" : DataViews.format(max)), before, after));
    }

    private static BigDecimal number(String field, String label, String text, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.trim().replace(",", ""));
        } catch (NumberFormatException e) {
            problems.add(FieldProblem.of(field, "Enter " + label + " as a number, or leave it blank"));
            return null;
        }
    }

    /** Replaces one of the flag's figures with a corrected value, kept in the figure's history with the reason. */
    @Transactional
    void correct(CanopyUser user, String key, String code, String valueText, String reason) {
        var flag = flag(user, key);
        var problems = new ArrayList<FieldProblem>();
        if (flag.figures().stream().noneMatch(f -> f.code().equals(code))) {
            problems.add(FieldProblem.of("figure", "Choose one of the figures the flag is about"));
        }
        var indicator = store.indicator(user.partnershipId(), code == null ? "" : code).orElse(null);
        BigDecimal value = null;
        try {
            value = new BigDecimal(valueText == null ? "" : valueText.trim().replace(",", ""));
            if (indicator != null && ValueRules.check(indicator.unit(), value) != null) {
                problems.add(FieldProblem.of("value", ValueRules.check(indicator.unit(), value)));
            }
        } catch (NumberFormatException e) {
            problems.add(FieldProblem.of("value", "Enter the corrected figure as a number, like 32.5"));
        }
        String why = guard.freeText("reason", "The reason", reason, true, 2000, problems, FieldProblem::of);
        if (!problems.isEmpty() || indicator == null) {
            throw new InvalidInput(problems);
        }
        var area = store.areas(user.partnershipId()).stream().filter(a -> a.name().equals(flag.area())).findFirst().orElseThrow();
        var period = Period.parse(flag.period()).orElseThrow();
        var held = store.seriesIn(indicator.id(), List.of(area.id())).stream()
                .filter(o -> o.period().equals(period.label())).findFirst().orElseThrow();
        var now = LocalDateTime.now(clock);
        writer.write(new ObservationWriter.Provenance(user.getUsername(), now, null, null, null, null),
                List.<Object[]>of(new Object[] {indicator.id(), area.id(), period.label(), period.start(), value, held.narrative(),
                        "Corrected on the data quality page: " + why}));
        events.publishEvent(RecordChanged.by(user, "observation", held.id(), "corrected", "Corrected " + indicator.name() + " for "
                + period.label() + " from " + DataViews.format(held.value()) + " to " + DataViews.format(value) + ": " + why,
                Map.of("value", held.value().toPlainString()), Map.of("value", value.toPlainString(), "reason", why)));
    }
}
