package org.canopy.data.dashboard;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.canopy.data.observations.DataViews.SeriesPoint;
import org.canopy.data.escalations.Escalations;
import org.canopy.data.imports.FigureUploads;
import org.canopy.data.imports.ObservationImport;
import org.canopy.data.observations.DataStore;
import org.canopy.data.observations.DataViews;
import org.canopy.data.observations.Spc;
import org.canopy.data.publication.PublicPartnership;
import org.canopy.data.publication.Publication;
import org.canopy.data.quality.DataQuality;
import org.canopy.data.rounds.DataRounds;
import org.canopy.partnership.AgencyDirectory;
import org.canopy.partnership.CanopyUser;
import org.canopy.plan.PlanPriorities;
import org.canopy.plan.PriorityRef;
import org.canopy.reporting.TableExport;
import org.canopy.partnership.DataVersion;
import org.canopy.web.FormSubmission;
import org.canopy.web.RenderCache;
import org.canopy.web.Revalidation;
import org.springframework.web.context.request.NativeWebRequest;
import org.canopy.web.InvalidInput;
import org.springframework.http.ContentDisposition;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The dashboard, indicator pages with control charts, imports, exports and the public view. */
@Controller
public class DashboardController {

    private final Dashboard dashboard;
    private final Charts charts;
    private final ObservationImport imports;
    private final DataStore store;
    private final AgencyDirectory agencies;
    private final PlanPriorities priorities;
    private final PublicPartnership publicPartnership;
    private final DataVersion versions;
    /** Charts by ETag: 40 trend charts a dashboard, drawn once per change instead of once per request (16 MB at most). */
    private final RenderCache<byte[]> drawn = RenderCache.ofBytes(16L << 20);
    private final DataRounds rounds;
    private final Escalations escalations;
    private final Benchmarks benchmarks;
    private final Publication publication;
    private final FigureUploads uploads;
    private final DataQuality quality;

    DashboardController(FigureUploads uploads, DataQuality quality, Dashboard dashboard, Charts charts, ObservationImport imports, DataStore store,
            AgencyDirectory agencies, PlanPriorities priorities, PublicPartnership publicPartnership, DataRounds rounds,
            Escalations escalations, Benchmarks benchmarks, Publication publication, DataVersion versions) {
        this.versions = versions;
        this.uploads = uploads;
        this.quality = quality;
        this.publication = publication;
        this.benchmarks = benchmarks;
        this.rounds = rounds;
        this.escalations = escalations;
        this.dashboard = dashboard;
        this.charts = charts;
        this.imports = imports;
        this.store = store;
        this.agencies = agencies;
        this.priorities = priorities;
        this.publicPartnership = publicPartnership;
    }

    @GetMapping("/dashboard")
    String dashboard(@AuthenticationPrincipal CanopyUser user, @RequestParam(required = false) Long priority,
            @RequestParam(required = false) Long agency, Model model) {
        var tiles = filter(dashboard.tiles(user.partnershipId()), priority, agency);
        var planPriorities = priorities.priorities(user.partnershipId());
        model.addAttribute("tiles", tiles);
        var withFigures = tiles.stream().filter(t -> t.latest() != null).toList();
        model.addAttribute("withFigures", withFigures);
        model.addAttribute("withoutFigures", tiles.stream().filter(t -> t.latest() == null).toList());
        // Each tile's concerns are worked out once: those with any lead; the rest are grouped by the first plan
        // priority they measure, in the plan's order.
        var attention = new ArrayList<Dashboard.Tile>();
        Map<Long, List<Dashboard.Tile>> byPriority = new java.util.HashMap<>();
        var unlinked = new ArrayList<Dashboard.Tile>();
        for (var t : withFigures) {
            if (!t.concerns().isEmpty()) {
                attention.add(t);
                continue;
            }
            Long first = firstPriority(t, planPriorities);
            (first == null ? unlinked : byPriority.computeIfAbsent(first, k -> new ArrayList<>())).add(t);
        }
        model.addAttribute("attention", attention);
        var groups = new java.util.LinkedHashMap<String, List<Dashboard.Tile>>();
        for (var p : planPriorities) {
            if (byPriority.containsKey(p.id())) {
                groups.put(p.number() + ". " + p.title(), byPriority.get(p.id()));
            }
        }
        if (!unlinked.isEmpty()) {
            groups.put("The borough and the partnership (no plan priority)", unlinked);
        }
        model.addAttribute("groups", groups);
        model.addAttribute("lateSubmissions", rounds.rounds(user.partnershipId()).stream().filter(DataRounds.Round::open)
                .flatMap(r -> rounds.progress(r).stream().filter(DataRounds.AgencyProgress::late)
                        .map(a -> Map.entry(r, a))).toList());
        model.addAttribute("openQualityFlags", quality.openFlags(user.partnershipId()));
        model.addAttribute("uploadsWaiting", uploads.waitingForReview(user.partnershipId()));
        // Each plan numbers its priorities from 1: the filter groups them by plan so "1." is never ambiguous.
        model.addAttribute("prioritiesByPlan", planPriorities.stream().collect(java.util.stream.Collectors.groupingBy(
                PriorityRef::planTitle, java.util.LinkedHashMap::new, java.util.stream.Collectors.toList())));
        model.addAttribute("agencies", agencies.agencies(user.partnershipId()));
        model.addAttribute("priority", priority);
        model.addAttribute("agency", agency);
        model.addAttribute("minPoints", Spc.MIN_POINTS);
        model.addAttribute("mayImport", ObservationImport.mayImport(user));
        model.addAttribute("openEscalations", escalations.escalations(user.partnershipId()).stream()
                .filter(e -> e.status() == org.canopy.governance.EscalationStatus.OPEN).count());
        model.addAttribute("due", rounds.dueFrom(user));
        return "data/dashboard";
    }

    @GetMapping("/dashboard/areas")
    String areas(@AuthenticationPrincipal CanopyUser user, Model model) {
        model.addAttribute("areas", store.areas(user.partnershipId()));
        model.addAttribute("maxNeighbours", Benchmarks.MAX_NEIGHBOURS);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "data/areas";
    }

    @PostMapping("/dashboard/areas")
    String addArea(@AuthenticationPrincipal CanopyUser user, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        return FormSubmission.on(model).keeping("form", form).submit(() -> {
            benchmarks.addArea(user, form.get("name"), form.get("kind"), "true".equals(form.get("statisticalNeighbour")));
            redirect.addFlashAttribute("success", "Added " + form.get("name").strip());
            return "redirect:/dashboard/areas";
        }, () -> areas(user, model));
    }

    @PostMapping("/dashboard/indicators/{code}/targets")
    String setTarget(@AuthenticationPrincipal CanopyUser user, @PathVariable String code, @RequestParam Map<String, String> form,
            Model model, RedirectAttributes redirect) {
        return FormSubmission.on(model).keeping("targetForm", form).submit(() -> {
            benchmarks.setTarget(user, code, form.get("targetPeriod"), form.get("targetValue"));
            redirect.addFlashAttribute("success", "The target was set");
            return "redirect:/dashboard/indicators/" + code;
        }, () -> indicator(user, code, null, model));
    }

    @PostMapping("/dashboard/indicators/{code}/range")
    String setRange(@AuthenticationPrincipal CanopyUser user, @PathVariable String code, @RequestParam Map<String, String> form,
            Model model, RedirectAttributes redirect) {
        return FormSubmission.on(model).keeping("rangeForm", form).submit(() -> {
            quality.setExpectedRange(user, code, form.get("expectedMin"), form.get("expectedMax"));
            redirect.addFlashAttribute("success", "The expected range was set");
            return "redirect:/dashboard/indicators/" + code;
        }, () -> indicator(user, code, null, model));
    }

    /** The id of the first plan priority (in the plan's order) the tile's indicator measures, or null. */
    private static Long firstPriority(Dashboard.Tile tile, List<org.canopy.plan.PriorityRef> planPriorities) {
        return planPriorities.stream().map(org.canopy.plan.PriorityRef::id)
                .filter(id -> tile.indicator().priorityIds().contains(id)).findFirst().orElse(null);
    }

    public boolean isReviewer(CanopyUser user) {
        return rounds.isReviewer(user);
    }

    private static List<Dashboard.Tile> filter(List<Dashboard.Tile> tiles, Long priority, Long agency) {
        return tiles.stream()
                .filter(t -> priority == null || t.indicator().priorityIds().contains(priority))
                .filter(t -> agency == null || agency.equals(t.indicator().sourceAgencyId()))
                .toList();
    }

    /** The indicator's page; also the page a refused form on it shows again. */
    @GetMapping("/dashboard/indicators/{code}")
    public String indicator(@AuthenticationPrincipal CanopyUser user, @PathVariable String code,
            @RequestParam(required = false) String area, Model model) {
        var tile = dashboard.tile(user.partnershipId(), code, area);
        model.addAttribute("tile", tile);
        model.addAttribute("areas", store.areas(user.partnershipId()));
        model.addAttribute("minPoints", Spc.MIN_POINTS);
        var linked = priorities.priorities(user.partnershipId()).stream()
                .filter(p -> tile.indicator().priorityIds().contains(p.id())).toList();
        model.addAttribute("linkedPriorities", linked);
        model.addAttribute("escalations", escalations.forIndicator(user.partnershipId(), code));
        model.addAttribute("targets", new java.util.TreeMap<>(store.targets(tile.indicator().id())));
        model.addAttribute("revisions", store.revisions(tile.indicator().id(), tile.area().id()));
        model.addAttribute("names", dashboard.names(user.partnershipId()));
        if (!model.containsAttribute("rangeForm")) {
            model.addAttribute("rangeForm", Map.of());
        }
        model.addAttribute("mayEscalate", rounds.isReviewer(user));
        if (!model.containsAttribute("escalationForm")) {
            model.addAttribute("escalationForm", Map.of());
        }
        if (!model.containsAttribute("targetForm")) {
            model.addAttribute("targetForm", Map.of());
        }
        return "data/indicator";
    }

    @GetMapping(value = "/dashboard/indicators/{code}/chart.svg", produces = "image/svg+xml")
    void chart(@AuthenticationPrincipal CanopyUser user, @PathVariable String code,
            @RequestParam(required = false) String area, NativeWebRequest request, HttpServletResponse response) throws IOException {
        svg(user, request, response, "control", code, area, () -> {
            var tile = dashboard.tile(user.partnershipId(), code, area);
            return charts.controlChart("Control chart: " + tile.indicator().name(), tile.series());
        });
    }

    @GetMapping(value = "/dashboard/indicators/{code}/trend.svg", produces = "image/svg+xml")
    void trend(@AuthenticationPrincipal CanopyUser user, @PathVariable String code, NativeWebRequest request,
            HttpServletResponse response) throws IOException {
        svg(user, request, response, "trend", code, null, () -> {
            var tile = dashboard.tile(user.partnershipId(), code, null);
            return charts.sparkline("Trend: " + tile.indicator().name(), tile.series());
        });
    }

    /**
     * A chart is drawn once per change of the partnership's data (kept by its ETag, which holds the data version)
     * and a browser holding it gets a 304. JFreeSVG styles with attributes, so the image gets a CSP of its own: no
     * script, inline style only.
     */
    private void svg(CanopyUser user, NativeWebRequest request, HttpServletResponse response, String kind, String code,
            String area, java.util.function.Supplier<String> draw) throws IOException {
        String tag = Revalidation.chartTag(user.partnershipId(), versions.current(user.partnershipId()), kind, code,
                String.valueOf(area));
        if (Revalidation.notModified(request, tag)) {
            return;
        }
        org.canopy.web.SvgImage.write(response, drawn.get(tag, key -> draw.get().getBytes(StandardCharsets.UTF_8)));
    }

    @GetMapping("/dashboard/export.csv")
    void exportCsv(@AuthenticationPrincipal CanopyUser user, HttpServletResponse response) throws IOException {
        download(response, dashboardTable(user), "csv");
    }

    @GetMapping("/dashboard/export.xlsx")
    void exportXlsx(@AuthenticationPrincipal CanopyUser user, HttpServletResponse response) throws IOException {
        download(response, dashboardTable(user), "xlsx");
    }

    @GetMapping("/dashboard/indicators/{code}/export.{format:csv|xlsx}")
    void exportSeries(@AuthenticationPrincipal CanopyUser user, @PathVariable String code, @PathVariable String format,
            @RequestParam(required = false) String area, HttpServletResponse response) throws IOException {
        var tile = dashboard.tile(user.partnershipId(), code, area);
        List<List<Object>> rows = new ArrayList<>();
        tile.series().forEach(p -> rows.add(row(tile, p)));
        download(response, new TableExport.Table(tile.indicator().code() + " " + tile.area().name(), HEADER, rows), format);
    }

    static final List<String> HEADER = List.of("Indicator", "Name", "Unit", "Area", "Period", "Value", "England", "London",
            "Statistical neighbours", "Target", "Mean", "Lower process limit", "Upper process limit", "Signal", "Narrative",
            "Source");

    private TableExport.Table dashboardTable(CanopyUser user) {
        List<List<Object>> rows = new ArrayList<>();
        for (var tile : dashboard.tiles(user.partnershipId())) {
            tile.series().forEach(p -> rows.add(row(tile, p)));
        }
        return new TableExport.Table("Data dashboard", HEADER, rows);
    }

    private static List<Object> row(Dashboard.Tile tile, SeriesPoint p) {
        var row = new ArrayList<Object>();
        row.add(tile.indicator().code());
        row.add(tile.indicator().name());
        row.add(tile.indicator().unit().label());
        row.add(tile.area().name());
        row.add(p.period());
        row.add(p.value());
        row.add(p.england());
        row.add(p.london());
        row.add(p.statisticalNeighbours());
        row.add(p.target());
        row.add(p.mean());
        row.add(p.lower());
        row.add(p.upper());
        row.add(p.signal().words());
        row.add(p.narrative());
        row.add(p.source());
        return row;
    }

    public static void download(HttpServletResponse response, TableExport.Table table, String format) throws IOException {
        response.setHeader("Content-Disposition", ContentDisposition.attachment()
                .filename(table.title() + "." + format, StandardCharsets.UTF_8).build().toString());
        if (format.equals("csv")) {
            response.setContentType("text/csv; charset=UTF-8");
            TableExport.csv(table, response.getOutputStream());
        } else {
            response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            TableExport.xlsx(table, response.getOutputStream());
        }
    }

    @GetMapping("/dashboard/import")
    String importForm(@AuthenticationPrincipal CanopyUser user, Model model) {
        requireImporter(user);
        model.addAttribute("agencies", user.isAdministrator() ? agencies.agencies(user.partnershipId())
                : agencies.agencies(user.partnershipId()).stream().filter(a -> a.id() == user.agencyId()).toList());
        return "data/import";
    }

    @PostMapping("/dashboard/import")
    String importFile(@AuthenticationPrincipal CanopyUser user, @RequestParam(required = false) MultipartFile file,
            Model model, RedirectAttributes redirect, HttpServletResponse response) throws IOException {
        requireImporter(user);
        return refusedAs400(response, FormSubmission.on(model).keeping("errorAnchor", "file").submit(() -> {
            if (file == null || file.isEmpty()) {
                throw new InvalidInput("file", "Choose a CSV or Excel file of figures to import");
            }
            String original = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "an upload"
                    : java.nio.file.Path.of(file.getOriginalFilename()).getFileName().toString();
            String name = original.toLowerCase();
            var rows = imports.readFile(name, file.getInputStream());
            // Check before it counts: nothing is stored until the person has seen the preview.
            var checked = imports.check(user, rows, true);
            if (!checked.refused().isEmpty()) {
                model.addAttribute("refusedCount", checked.refusedCount());
                model.addAttribute("acceptableRows", checked.rows().size());
                throw new InvalidInput(checked.refused());
            }
            long id = uploads.stage(user, original, checked);
            return "redirect:/data/uploads/" + id;
        }, () -> importForm(user, model)));
    }

    /** A refused upload is the form again with its error summary, answered as 400 Bad Request (not 200). */
    public static String refusedAs400(HttpServletResponse response, String view) {
        if (!view.startsWith("redirect:")) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        return view;
    }

    /** A CSV template of one agency's indicators for a period, ready to fill in. */
    @GetMapping("/dashboard/import/template.csv")
    void template(@AuthenticationPrincipal CanopyUser user, @RequestParam long agency,
            @RequestParam(defaultValue = "") String period, HttpServletResponse response) throws IOException {
        requireImporter(user);
        if (!user.isAdministrator() && (user.agencyId() == null || user.agencyId() != agency)) {
            throw new AccessDeniedException("Contributors download their own agency's template");
        }
        var home = store.homeArea(user.partnershipId()).map(a -> a.name()).orElse("");
        List<List<Object>> rows = store.indicators(user.partnershipId()).stream()
                .filter(i -> i.sourceAgencyId() != null && i.sourceAgencyId() == agency)
                .map(i -> List.<Object>of(i.code(), period, home, "", ""))
                .collect(Collectors.toList());
        response.setHeader("Content-Disposition", ContentDisposition.attachment()
                .filename("figures-template.csv", StandardCharsets.UTF_8).build().toString());
        response.setContentType("text/csv; charset=UTF-8");
        TableExport.csv(new TableExport.Table("Template", ObservationImport.HEADER, rows), response.getOutputStream());
    }

    private static void requireImporter(CanopyUser user) {
        if (!ObservationImport.mayImport(user)) {
            throw new AccessDeniedException("Only agency contributors and administrators submit figures");
        }
    }

    /** The published view: public indicators only, no narrative, small counts suppressed. */
    @GetMapping("/public/indicators")
    String publicIndicators(@RequestParam(required = false) Long partnership, Model model) {
        long partnershipId = publicPartnership.resolve(partnership);
        var all = dashboard.tiles(partnershipId);
        var tiles = all.stream().filter(t -> t.indicator().isPublic()).toList();
        model.addAttribute("tiles", tiles.stream().filter(t -> !t.figures().isEmpty()).toList());
        var cells = publication.cells(all);
        model.addAttribute("published", tiles.stream().collect(Collectors.toMap(t -> t.indicator().code(),
                t -> t.figures().stream().map(p -> shown(t, cells.get(t.indicator().code()).get(p.period()))).toList())));
        return "data/public";
    }

    /** A published cell as the page shows it: "c", or the number with its unit. */
    private static String shown(Dashboard.Tile tile, Object cell) {
        return cell instanceof BigDecimal value ? DataViews.format(value) + tile.indicator().unit().suffix() : String.valueOf(cell);
    }

}
