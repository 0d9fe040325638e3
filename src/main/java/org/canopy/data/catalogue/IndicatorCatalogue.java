package org.canopy.data.catalogue;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.canopy.data.observations.DataStore;
import org.canopy.data.observations.DataViews;
import org.canopy.governance.Groups;
import org.canopy.partnership.AgencyDirectory;
import org.canopy.partnership.RecordChanged;
import org.canopy.plan.PlanPriorities;
import org.canopy.web.FieldProblem;
import org.canopy.web.InvalidInput;
import org.canopy.web.Period;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds an indicator catalogue file (format {@code canopy-indicators/1}) to a partnership: its areas
 * (reusing those already held by name), indicators with their agency and priority links, and the
 * figures it states with their sources. Whole or not at all: a code already in the catalogue, an area
 * held with another kind or an unknown agency refuses the file, with each problem named by its path.
 */
@Service
class IndicatorCatalogue {

    private final DataStore store;
    private final AgencyDirectory agencies;
    private final PlanPriorities priorities;
    private final Groups groups;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    IndicatorCatalogue(DataStore store, AgencyDirectory agencies, PlanPriorities priorities, Groups groups, JdbcClient jdbc,
            ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.agencies = agencies;
        this.priorities = priorities;
        this.groups = groups;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Stores the file's catalogue for the partnership; returns how many indicators were added. */
    @Transactional
    int load(long partnershipId, String actor, IndicatorFile file) {
        var problems = new ArrayList<FieldProblem>();
        Map<String, Long> areaIds = new HashMap<>();
        var held = store.areas(partnershipId);
        for (int i = 0; i < file.areas().size(); i++) {
            var area = file.areas().get(i);
            var existing = held.stream().filter(a -> a.name().equalsIgnoreCase(area.name())).findFirst();
            if (existing.isPresent() && existing.get().kind() != area.kind()) {
                problems.add(FieldProblem.of("areas[" + i + "].kind", "The area '" + area.name() + "' is already held as "
                        + existing.get().kind().name()));
            }
            existing.ifPresent(a -> areaIds.put(area.name(), a.id()));
        }
        var codes = store.indicators(partnershipId).stream().map(DataViews.Indicator::code).toList();
        for (int i = 0; i < file.indicators().size(); i++) {
            var entry = file.indicators().get(i);
            if (codes.contains(entry.code())) {
                problems.add(FieldProblem.of("indicators[" + i + "].code", "The catalogue already has an indicator " + entry.code()));
            }
            for (int j = 0; j < entry.observations().size(); j++) {
                var period = Period.parse(entry.observations().get(j).period());
                if (period.isPresent() && !entry.frequency().fits(period.get())) {
                    problems.add(FieldProblem.of("indicators[" + i + "].observations[" + j + "].period", entry.code() + " is "
                            + entry.frequency().adjective() + ": its period is " + entry.frequency().example() + ", not '"
                            + period.get().label() + "'"));
                }
            }
            if (entry.sourceAgency() != null && agencies.byName(partnershipId, entry.sourceAgency()).isEmpty()) {
                problems.add(FieldProblem.of("indicators[" + i + "].sourceAgency", "There is no agency called '"
                        + entry.sourceAgency() + "': add it first"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        for (var area : file.areas()) {
            areaIds.computeIfAbsent(area.name(), name -> store.createArea(partnershipId, name, area.kind(), area.statisticalNeighbour()));
        }
        Map<Integer, Long> priorityIds = new HashMap<>();
        // The newest plan's numbering wins where several plans share a number.
        for (var p : priorities.priorities(partnershipId)) {
            priorityIds.putIfAbsent(p.number(), p.id());
        }
        var now = LocalDateTime.now(clock);
        int observations = 0;
        for (var entry : file.indicators()) {
            Long agencyId = entry.sourceAgency() == null ? null
                    : agencies.byName(partnershipId, entry.sourceAgency()).map(a -> a.id()).orElse(null);
            List<Long> linked = entry.planPriorities().stream().map(priorityIds::get).filter(id -> id != null).toList();
            List<Long> groupIds = entry.partnershipPriorities().stream()
                    .map(name -> groups.byName(partnershipId, name).map(g -> g.id()).orElse(null))
                    .filter(id -> id != null).toList();
            long id = store.createIndicator(partnershipId, entry, agencyId, linked, groupIds);
            for (var o : entry.observations()) {
                var period = Period.parse(o.period()).orElseThrow();
                jdbc.sql("""
                        insert into observation (indicator_id, area_id, period, period_start, observed_value, source, quote,
                                                 recorded_by, recorded_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(id, areaIds.get(o.area()), period.label(), period.start(), o.value(), o.source(), o.quote(),
                                actor, now)
                        .update();
                observations++;
            }
        }
        events.publishEvent(new RecordChanged(partnershipId, actor, "indicator-catalogue", now.toString(), "loaded",
                "Added " + file.indicators().size() + " indicators and " + observations + " figures to the catalogue", null,
                Map.of("indicators", file.indicators().stream().map(IndicatorFile.IndicatorEntry::code).toList(),
                        "figures", observations)));
        return file.indicators().size();
    }
}
