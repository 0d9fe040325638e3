package org.canopy.data.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.canopy.governance.Groups;
import org.canopy.partnership.AgencyDirectory;
import org.canopy.partnership.DemoPartnershipCreated;
import org.canopy.partnership.RecordChanged;
import org.canopy.plan.PlanPriorities;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo mode: the indicator catalogue the two seeds name, with only the figures they state (each with
 * its source quoted) and the England and London comparisons they give. Nothing is invented.
 */
@Component
class DemoIndicators {

    static final String RESOURCE = "demo/indicators.yaml";
    static final String ACTOR = "demo";

    private final IndicatorFileReader reader;
    private final DataStore store;
    private final AgencyDirectory agencies;
    private final PlanPriorities priorities;
    private final Groups groups;
    private final JdbcClient jdbc;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Clock clock;
    private final DataRounds rounds;

    DemoIndicators(IndicatorFileReader reader, DataStore store, AgencyDirectory agencies, PlanPriorities priorities,
            Groups groups, JdbcClient jdbc, org.springframework.context.ApplicationEventPublisher events, Clock clock,
            DataRounds rounds) {
        this.rounds = rounds;
        this.reader = reader;
        this.store = store;
        this.agencies = agencies;
        this.priorities = priorities;
        this.groups = groups;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    @Order(3)
    void on(DemoPartnershipCreated event) {
        long partnershipId = event.partnershipId();
        var file = reader.read(seedFile());
        load(partnershipId, file);
        // The quarter after the report's year, asking agencies for their quarterly figures: a request, not data.
        rounds.openForDemo(partnershipId, DEMO_ROUND, java.time.LocalDate.now(clock).plusDays(14));
    }

    static final String DEMO_ROUND = "2021-22-Q1";

    /** Stores a whole catalogue for a partnership: areas, indicators, links and observations. */
    void load(long partnershipId, IndicatorFile file) {
        Map<String, Long> areaIds = new HashMap<>();
        for (var area : file.areas()) {
            areaIds.put(area.name(), store.createArea(partnershipId, area.name(), area.kind(), area.statisticalNeighbour()));
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
                var period = DataPeriod.parse(o.period()).orElseThrow();
                jdbc.sql("""
                        insert into observation (indicator_id, area_id, period, period_start, observed_value, source, quote,
                                                 recorded_by, recorded_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(id, areaIds.get(o.area()), period.label(), period.start(), o.value(), o.source(), o.quote(),
                                ACTOR, now)
                        .update();
                observations++;
            }
        }
        events.publishEvent(new RecordChanged(partnershipId, ACTOR, "indicator-catalogue", "demo", "loaded",
                "Loaded the demo indicator catalogue: " + file.indicators().size() + " indicators, " + observations
                        + " figures from the seeds", null, Map.of("indicators", file.indicators().size())));
    }

    static String seedFile() {
        try (var in = new ClassPathResource(RESOURCE).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("The demo indicator file " + RESOURCE + " is missing", e);
        }
    }
}
