package org.canopy.data.dashboard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Map;
import org.canopy.data.catalogue.AreaKind;
import org.canopy.data.checks.ValueRules;
import org.canopy.data.observations.DataStore;
import org.canopy.data.observations.DataViews;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.RecordChanged;
import org.canopy.web.FieldProblem;
import org.canopy.web.InvalidInput;
import org.canopy.web.NotFound;
import org.canopy.web.Period;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the partnership's figures are compared with: the areas (England, London and the configured
 * statistical neighbours, whose figures are imported like any other) and each indicator's targets.
 */
@Service
class Benchmarks {

    /** Statistical neighbours: the ten most comparable local authorities. */
    static final int MAX_NEIGHBOURS = 10;

    private final DataStore store;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    Benchmarks(DataStore store, JdbcClient jdbc, ApplicationEventPublisher events) {
        this.store = store;
        this.jdbc = jdbc;
        this.events = events;
    }

    @Transactional
    void addArea(CanopyUser admin, String name, String kindText, boolean neighbour) {
        requireAdministrator(admin);
        var problems = new ArrayList<FieldProblem>();
        String trimmed = name == null ? "" : name.strip();
        var areas = store.areas(admin.partnershipId());
        if (trimmed.isEmpty() || trimmed.length() > 200) {
            problems.add(FieldProblem.of("name", "Enter the area's name (up to 200 characters)"));
        } else if (areas.stream().anyMatch(a -> a.name().equalsIgnoreCase(trimmed))) {
            problems.add(FieldProblem.of("name", "There is already an area called " + trimmed));
        }
        AreaKind kind = null;
        try {
            kind = AreaKind.valueOf(kindText == null ? "" : kindText);
        } catch (IllegalArgumentException e) {
            problems.add(FieldProblem.of("kind", "Choose the kind of area"));
        }
        if (neighbour && kind != null && kind != AreaKind.LOCAL_AUTHORITY) {
            problems.add(FieldProblem.of("kind", "A statistical neighbour is a local authority"));
        }
        if (neighbour && areas.stream().filter(DataViews.Area::statisticalNeighbour).count() >= MAX_NEIGHBOURS) {
            problems.add(FieldProblem.of("name", "The partnership already has its " + MAX_NEIGHBOURS + " statistical neighbours"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        long id = store.createArea(admin.partnershipId(), trimmed, kind, neighbour);
        events.publishEvent(RecordChanged.by(admin, "data-area", id, "created", "Added the area " + trimmed
                + (neighbour ? " as a statistical neighbour" : ""), null, Map.of("name", trimmed, "kind", kind.name(),
                "statisticalNeighbour", neighbour)));
    }

    /** Sets (or replaces) an indicator's target for a period. */
    @Transactional
    void setTarget(CanopyUser admin, String code, String periodText, String valueText) {
        requireAdministrator(admin);
        var indicator = store.indicator(admin.partnershipId(), code).orElseThrow(() -> new NotFound("The indicator " + code));
        var problems = new ArrayList<FieldProblem>();
        var period = Period.parse(periodText);
        if (period.isEmpty()) {
            problems.add(FieldProblem.of("targetPeriod", "Enter the period like 2021-22, 2021-22-Q1 or 2021-04"));
        } else if (!indicator.frequency().fits(period.get())) {
            problems.add(FieldProblem.of("targetPeriod", indicator.name() + " is " + indicator.frequency().adjective()
                    + ": enter " + indicator.frequency().example()));
        }
        BigDecimal value = null;
        try {
            value = new BigDecimal(valueText == null ? "" : valueText.strip().replace(",", ""));
            String rule = ValueRules.check(indicator.unit(), value);
            if (rule != null) {
                problems.add(FieldProblem.of("targetValue", rule));
            }
        } catch (NumberFormatException e) {
            problems.add(FieldProblem.of("targetValue", "Enter the target as a number"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var before = store.targets(indicator.id()).get(period.get().label());
        jdbc.sql("delete from indicator_target where indicator_id = ? and period = ?").params(indicator.id(), period.get().label()).update();
        jdbc.sql("insert into indicator_target (indicator_id, period, target_value) values (?, ?, ?)")
                .params(indicator.id(), period.get().label(), value).update();
        events.publishEvent(RecordChanged.by(admin, "indicator-target", code + " " + period.get().label(), before == null ? "created" : "changed",
                "Set the " + period.get().label() + " target of " + indicator.name() + " to " + DataViews.format(value),
                before == null ? null : Map.of("target", before), Map.of("target", value)));
    }

    private static void requireAdministrator(CanopyUser user) {
        if (!user.isAdministrator()) {
            throw new AccessDeniedException("Only the partnership administrator sets areas and targets");
        }
    }
}
