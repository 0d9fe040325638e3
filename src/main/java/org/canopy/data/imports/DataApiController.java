package org.canopy.data.imports;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.canopy.data.observations.DataViews.SeriesPoint;
import org.canopy.data.catalogue.Frequency;
import org.canopy.data.catalogue.Polarity;
import org.canopy.data.catalogue.Unit;
import org.canopy.data.dashboard.Dashboard;
import org.canopy.data.observations.DataStore;
import org.canopy.data.observations.DataViews;
import org.canopy.data.observations.ObservationRow;
import org.canopy.data.publication.PublicPartnership;
import org.canopy.data.publication.Publication;
import org.canopy.partnership.CanopyUser;
import org.canopy.privacy.Suppression;
import org.canopy.web.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** The Data part of API.md. */
@RestController
@RequestMapping("/api/v1")
class DataApiController {

    record IndicatorJson(String code, String name, String definition, Unit unit, Polarity polarity, Frequency frequency,
            String sourceAgency, String populationBase, List<Long> priorityIds, boolean isPublic) {
    }

    private final DataStore store;
    private final Dashboard dashboard;
    private final ObservationImport imports;
    private final PublicPartnership publicPartnership;
    private final JsonMapper json;
    private final Publication publication;

    DataApiController(DataStore store, Dashboard dashboard, ObservationImport imports, PublicPartnership publicPartnership,
            JsonMapper json, Publication publication) {
        this.publication = publication;
        this.store = store;
        this.dashboard = dashboard;
        this.imports = imports;
        this.publicPartnership = publicPartnership;
        this.json = json;
    }

    @GetMapping("/indicators")
    List<IndicatorJson> indicators(@AuthenticationPrincipal CanopyUser user) {
        return store.indicators(user.partnershipId()).stream()
                .map(i -> new IndicatorJson(i.code(), i.name(), i.definition(), i.unit(), i.polarity(), i.frequency(),
                        i.sourceAgency(), i.populationBase(), i.priorityIds(), i.isPublic()))
                .toList();
    }

    @PostMapping(value = "/observations", consumes = "text/csv")
    ResponseEntity<Map<String, Object>> importCsv(@AuthenticationPrincipal CanopyUser user,
            @RequestParam(defaultValue = "false") boolean dryRun, @RequestBody byte[] body) {
        return imported(user, dryRun, imports.readFile("an API upload.csv", new java.io.ByteArrayInputStream(body)));
    }

    @PostMapping(value = "/observations", consumes = "application/json")
    ResponseEntity<Map<String, Object>> importJson(@AuthenticationPrincipal CanopyUser user,
            @RequestParam(defaultValue = "false") boolean dryRun, @RequestBody String body) throws IOException {
        return imported(user, dryRun, imports.readJson(json.readTree(body)));
    }

    /**
     * {@code dryRun}: 200 with the rows that are new, that replace a figure, that are refused, and the warnings;
     * nothing is stored. Otherwise the administrator's figures are stored (201, as API.md says); a contributor's
     * go to the quality assurance group (202, "submittedForReview"), reaching the dashboard when accepted.
     */
    private ResponseEntity<Map<String, Object>> imported(CanopyUser user, boolean dryRun, List<ObservationRow> rows) {
        var body = new LinkedHashMap<String, Object>();
        if (dryRun) {
            var checked = imports.check(user, rows, true);
            body.put("dryRun", true);
            body.put("new", checked.rows().stream().filter(r -> r.replaces() == null).map(DataApiController::row).toList());
            body.put("replaced", checked.rows().stream().filter(r -> r.replaces() != null).map(DataApiController::row).toList());
            body.put("refused", checked.refused().stream().map(p -> {
                var m = new LinkedHashMap<String, Object>();
                m.put("row", p.row());
                m.put("field", p.field());
                m.put("message", p.message());
                return m;
            }).toList());
            body.put("warnings", checked.warnings());
            return ResponseEntity.ok(body);
        }
        var outcome = imports.importRows(user, "an API upload", rows);
        body.put("stored", outcome.stored());
        if (outcome.uploadId() != null) {
            body.put("submittedForReview", outcome.submitted());
            body.put("upload", outcome.uploadId());
            body.put("status", FigureUploads.Status.SUBMITTED.name());
        }
        body.put("warnings", outcome.warnings());
        return ResponseEntity.status(outcome.uploadId() == null ? HttpStatus.CREATED : HttpStatus.ACCEPTED).body(body);
    }

    private static Map<String, Object> row(ObservationImport.CheckedRow r) {
        var m = new LinkedHashMap<String, Object>();
        m.put("row", r.row());
        m.put("indicator", r.indicator().code());
        m.put("period", r.period().label());
        m.put("area", r.area().name());
        m.put("value", r.value());
        m.put("replaces", r.replaces());
        m.put("warning", r.warning());
        return m;
    }

    @GetMapping("/indicators/{code}/series")
    List<Map<String, Object>> series(@AuthenticationPrincipal CanopyUser user, @PathVariable String code,
            @RequestParam(required = false) String area) {
        var tile = dashboard.tile(user.partnershipId(), code, area);
        return tile.series().stream().map(p -> point(p, p.value(), true)).toList();
    }

    /** Public indicators only, no narrative, counts of 1 to 5 published as "c". */
    @SuppressWarnings("unchecked")
    @GetMapping("/public/indicators/{code}/series")
    List<Map<String, Object>> publicSeries(@PathVariable String code, @RequestParam(required = false) Long partnership) {
        long partnershipId = publicPartnership.resolve(partnership);
        var indicator = store.indicator(partnershipId, code).filter(DataViews.Indicator::isPublic)
                .orElseThrow(() -> new NotFound("The public indicator " + code));
        var tiles = dashboard.tiles(partnershipId);
        var tile = tiles.stream().filter(t -> t.indicator().code().equals(indicator.code())).findFirst().orElseThrow();
        var unit = indicator.unit();
        var cells = publication.cells(tiles).getOrDefault(indicator.code(), Map.of());
        // n times the mean, less the n - 1 published points, is the suppressed one: so a series with a
        // suppressed count publishes its mean and limits as suppressed too (null, too few points, stays null).
        boolean anySuppressed = cells.containsValue(Suppression.SUPPRESSED);
        return tile.series().stream().map(p -> {
            var point = point(p, p.value() == null ? null : cells.get(p.period()), false);
            if (unit == Unit.COUNT) {
                var benchmarks = (Map<String, Object>) point.get("benchmarks");
                benchmarks.put("england", nearestTen(p.england()));
                benchmarks.put("london", nearestTen(p.london()));
            }
            if (anySuppressed) {
                var spc = (Map<String, Object>) point.get("spc");
                for (String derived : List.of("mean", "lower", "upper")) {
                    spc.computeIfPresent(derived, (k, v) -> Suppression.SUPPRESSED);
                }
            }
            return point;
        }).toList();
    }

    /** National and regional counts are published rounded to the nearest 10, as England's statistics are. */
    static BigDecimal nearestTen(BigDecimal count) {
        return count == null ? null : count.setScale(-1, RoundingMode.HALF_UP).setScale(0);
    }

    private static Map<String, Object> point(SeriesPoint p, Object value, boolean withNarrative) {
        var map = new LinkedHashMap<String, Object>();
        map.put("period", p.period());
        map.put("value", value);
        if (withNarrative) {
            map.put("narrative", p.narrative());
            map.put("source", p.source());
        }
        var benchmarks = new LinkedHashMap<String, Object>();
        benchmarks.put("england", p.england());
        benchmarks.put("london", p.london());
        benchmarks.put("statisticalNeighbours", p.statisticalNeighbours());
        map.put("benchmarks", benchmarks);
        var spc = new LinkedHashMap<String, Object>();
        spc.put("mean", p.mean());
        spc.put("lower", p.lower());
        spc.put("upper", p.upper());
        spc.put("signal", p.signal());
        map.put("spc", spc);
        map.put("target", p.target());
        return map;
    }
}
