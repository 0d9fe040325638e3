package org.canopy.data.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.io.input.BOMInputStream;
import org.canopy.data.observations.DataViews.Area;
import org.canopy.data.observations.DataViews.Indicator;
import org.canopy.data.checks.FigureChecks;
import org.canopy.data.checks.ValueRules;
import org.canopy.data.observations.DataStore;
import org.canopy.data.observations.DataViews;
import org.canopy.data.observations.ObservationRow;
import org.canopy.data.observations.ObservationWriter;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.RecordChanged;
import org.canopy.partnership.Role;
import org.canopy.privacy.IdentifierGuard;
import org.canopy.web.FieldProblem;
import org.canopy.web.InvalidInput;
import org.canopy.web.JsonInput;
import org.canopy.web.StorableText;
import org.canopy.web.Period;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Imports observations (CSV, Excel or JSON rows of indicator, period, area, value, narrative): every row
 * is checked first and every faulty row is listed with its number and reason; then all rows are stored
 * in one transaction, or none. A row for a period and area already held replaces it, so re-running an
 * import does not duplicate anything.
 */
@Service
public class ObservationImport {

    public static final List<String> HEADER = List.of("indicator", "period", "area", "value", "narrative");
    private final DataStore store;
    private final ObservationWriter writer;
    private final IdentifierGuard guard;
    private final FigureChecks figureChecks;
    private final FigureUploads uploads;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ImportLimits limits;

    ObservationImport(DataStore store, ObservationWriter writer, IdentifierGuard guard, FigureChecks figureChecks,
            FigureUploads uploads, ApplicationEventPublisher events, Clock clock, ImportLimits limits) {
        this.limits = limits;
        this.store = store;
        this.writer = writer;
        this.guard = guard;
        this.figureChecks = figureChecks;
        this.uploads = uploads;
        this.events = events;
        this.clock = clock;
    }

    /** Administrators import for every agency; agency contributors only for their own agency's indicators. */
    public static boolean mayImport(CanopyUser user) {
        return user.isAdministrator() || user.role() == Role.AGENCY_CONTRIBUTOR;
    }

    /** Reads an uploaded file of figures, Excel when its name ends in .xlsx and CSV otherwise, within the limits. */
    public List<ObservationRow> readFile(String fileName, InputStream in) {
        return fileName != null && fileName.toLowerCase().endsWith(".xlsx") ? readXlsx(in, limits) : readCsv(in, limits);
    }

    public static List<ObservationRow> readCsv(InputStream in, ImportLimits limits) {
        try (var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get()
                .parse(new InputStreamReader(BOMInputStream.builder().setInputStream(in).get(), StandardCharsets.UTF_8))) {
            var missing = HEADER.stream().filter(h -> !parser.getHeaderNames().contains(h)).toList();
            if (missing.size() > 1 || (missing.size() == 1 && !missing.get(0).equals("narrative"))) {
                throw new InvalidInput("file", "The first line must be the header " + String.join(",", HEADER)
                        + " (missing: " + String.join(", ", missing) + ")");
            }
            var rows = new ArrayList<ObservationRow>();
            // Indicator, period and area repeat across a file: one String each, not one per row, keeps a
            // million-row import's memory (and the garbage collector's copying) down.
            Map<String, String> repeated = new HashMap<>();
            for (var record : parser) {
                int row = (int) record.getRecordNumber() + 1;
                tooMany(rows.size(), row, limits);
                // A short row's missing cells are empty, so validation names them with the row number.
                rows.add(new ObservationRow(row, shared(repeated, cell(record, "indicator", row, limits)),
                        shared(repeated, cell(record, "period", row, limits)), shared(repeated, cell(record, "area", row, limits)),
                        cell(record, "value", row, limits), cell(record, "narrative", row, limits)));
            }
            return rows;
        } catch (IOException | IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            if (e instanceof InvalidInput invalid) {
                throw invalid;
            }
            throw new InvalidInput("file", "The file could not be read as CSV: " + e.getMessage());
        }
    }

    private static String cell(org.apache.commons.csv.CSVRecord record, String column, int row, ImportLimits limits) {
        return checked(record.isMapped(column) && record.isSet(column) ? record.get(column) : null, column, row, limits);
    }

    /** A cell within the limit of characters (the narrative's own 4,000 is checked with the row). */
    private static String checked(String value, String column, int row, ImportLimits limits) {
        if (value != null && value.length() > limits.maxCellCharacters()) {
            throw new InvalidInput(List.of(new FieldProblem(column, "A cell of the " + column + " column holds more than "
                    + String.format("%,d", limits.maxCellCharacters()) + " characters, the most a cell may hold", row)));
        }
        String unstorable = StorableText.problem(value);
        if (unstorable != null) {
            throw new InvalidInput(List.of(new FieldProblem(column, "A cell of the " + column + " column " + unstorable, row)));
        }
        return value;
    }

    /** Refuses the file once it has more rows than the limit, before reading on. */
    private static void tooMany(int read, int row, ImportLimits limits) {
        if (read >= limits.maxRows()) {
            throw new InvalidInput(List.of(new FieldProblem("file", "The file has more than " + String.format("%,d", limits.maxRows())
                    + " rows of figures, the most one import takes: split it into smaller files", row)));
        }
    }

    private static String shared(Map<String, String> repeated, String value) {
        if (value == null || repeated.size() >= 100_000) {
            return value;
        }
        String known = repeated.putIfAbsent(value, value);
        return known == null ? value : known;
    }

    public static List<ObservationRow> readXlsx(InputStream in, ImportLimits limits) {
        byte[] bytes = WorkbookSize.read(in, limits);
        try (var workbook = new ReadableWorkbook(new java.io.ByteArrayInputStream(bytes), new ReadingOptions(true, false));
                var sheet = workbook.getFirstSheet().openStream()) {
            var sheetRows = sheet.iterator();
            if (!sheetRows.hasNext()) {
                throw new InvalidInput("file", "The workbook's first sheet is empty");
            }
            var header = new ArrayList<String>();
            sheetRows.next().forEach(c -> header.add(c == null ? "" : c.getText().trim().toLowerCase()));
            if (!header.containsAll(HEADER.subList(0, 4))) {
                throw new InvalidInput("file", "The first row must be the header " + String.join(", ", HEADER));
            }
            var rows = new ArrayList<ObservationRow>();
            while (sheetRows.hasNext()) {
                var row = sheetRows.next();
                String[] cells = new String[HEADER.size()];
                for (int c = 0; c < HEADER.size(); c++) {
                    int index = header.indexOf(HEADER.get(c));
                    cells[c] = index < 0 || !row.hasCell(index) ? null : checked(shown(row.getCell(index)), HEADER.get(c), row.getRowNum(), limits);
                }
                if (java.util.Arrays.stream(cells).allMatch(c -> c == null || c.isBlank())) {
                    continue;
                }
                tooMany(rows.size(), row.getRowNum(), limits);
                rows.add(new ObservationRow(row.getRowNum(), cells[0], cells[1], cells[2], cells[3], cells[4]));
            }
            return rows;
        } catch (InvalidInput e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // A damaged or foreign file fails inside the reader in many ways (XML, zip, a cell's format): all are the file's.
            throw new InvalidInput("file", "The file could not be read as an Excel workbook (.xlsx)");
        }
    }

    /**
     * A cell's text as the spreadsheet shows it where that differs from what it stores: a percentage is kept
     * as a fraction (55.5% as 0.555) and "2021-03" typed into a cell becomes a date shown as Mar-21.
     */
    private static String shown(Cell cell) {
        if (cell == null || cell.getType() != CellType.NUMBER || cell.getDataFormatString() == null) {
            return cell == null ? null : cell.getText();
        }
        // Quoted text and [colour] or [locale] sections are not part of the number's format.
        String format = cell.getDataFormatString().replaceAll("\"[^\"]*\"|\\[[^\\]]*\\]", "").toLowerCase();
        if (format.contains("%")) {
            return cell.asNumber().movePointRight(2).stripTrailingZeros().toPlainString();
        }
        if (format.contains("y") || format.contains("d")) {
            return YearMonth.from(cell.asDate()).toString();
        }
        return cell.getText();
    }

    List<ObservationRow> readJson(JsonNode array) {
        if (array == null || !array.isArray()) {
            throw new InvalidInput("body", "Send a JSON list of rows, each with indicator, period, area, value and narrative");
        }
        var rows = new ArrayList<ObservationRow>();
        // JSON rows are numbered from 1, the first item of the list (a file's row 1 is its header).
        int n = 0;
        for (JsonNode item : array) {
            n++;
            tooMany(rows.size(), n, limits);
            if (!item.isObject()) {
                throw new InvalidInput(List.of(new FieldProblem("body", "Each row must be an object with indicator, period, area, value and narrative", n)));
            }
            rows.add(new ObservationRow(n, text(item, "indicator", n), text(item, "period", n), text(item, "area", n),
                    text(item, "value", n), text(item, "narrative", n)));
        }
        return rows;
    }

    private String text(JsonNode item, String field, int row) {
        try {
            return checked(JsonInput.text(item, field), field, row, limits);
        } catch (InvalidInput e) {
            throw new InvalidInput(e.problems().stream().map(p -> new FieldProblem(p.field(), p.message(), row)).toList());
        }
    }

    /** The problems a check lists, the first {@code limit}, and how many there were in all. */
    private static final class Refusals {
        private final List<FieldProblem> listed = new ArrayList<>();
        private final int limit;
        private int count;

        Refusals(int limit) {
            this.limit = limit;
        }

        void add(FieldProblem problem) {
            count++;
            if (listed.size() < limit) {
                listed.add(problem);
            }
        }

        int count() {
            return count;
        }

        /** The listed problems, with a last one counting those left out. */
        List<FieldProblem> listed() {
            if (count <= listed.size()) {
                return listed;
            }
            var shown = new ArrayList<>(listed);
            shown.add(FieldProblem.of("file", "There are " + String.format("%,d", count - listed.size()) + " more problems in the file ("
                    + String.format("%,d", count) + " in all): correct the first " + listed.size() + ", then check the file for the same mistakes"));
            return shown;
        }
    }

    /** A row that passed every check: what it would store, the figure it would replace (null: a new one), any warning. */
    record CheckedRow(int row, Indicator indicator, Area area, Period period, BigDecimal value, String narrative,
            BigDecimal replaces, String warning) {

        /** The row as {@link ObservationWriter} stores it. */
        Object[] stored(String explanation) {
            return new Object[] {indicator.id(), area.id(), period.label(), period.start(), value, narrative, explanation};
        }
    }

    /**
     * A checked file: the rows that may be stored, and the problems with their reasons (the first of them, then one
     * saying how many more there are) out of {@code refusedCount} in all.
     */
    public record Checked(List<CheckedRow> rows, List<FieldProblem> refused, int refusedCount) {

        List<String> warnings() {
            return rows.stream().filter(r -> r.warning() != null).map(r -> "Row " + r.row() + ": " + r.warning()).toList();
        }
    }

    /** What an import did: figures stored at once, or an upload submitted to the quality assurance group. */
    record Outcome(int stored, Long uploadId, int submitted, List<String> warnings) {
    }

    /**
     * Checks every row. A blank area is the partnership's own; a period must fit its indicator's frequency.
     * Warnings (a rate that disagrees with its count and population; with {@code detailed}, a value far from its
     * own history or outside the partnership's expected range) do not refuse a row: the person explains them.
     * With {@code detailed} each row also says which figure it would replace.
     */
    public Checked check(CanopyUser user, List<ObservationRow> rows, boolean detailed) {
        if (!mayImport(user)) {
            throw new AccessDeniedException("Only agency contributors and administrators submit figures");
        }
        if (rows.isEmpty()) {
            throw new InvalidInput("file", "The file has no rows to import");
        }
        Map<String, Indicator> indicators = new HashMap<>();
        store.indicators(user.partnershipId()).forEach(i -> indicators.put(i.code(), i));
        var allAreas = store.areas(user.partnershipId());
        Map<String, Area> areas = new HashMap<>();
        allAreas.forEach(a -> areas.put(a.name().toLowerCase(), a));
        var home = DataStore.homeArea(allAreas).orElse(null);
        var problems = new Refusals(limits.listedProblems());
        var valid = new ArrayList<CheckedRow>(rows.size());
        // An indicator, period label and area seen earlier in the file: a small record, not a string built per row.
        record Seen(long indicatorId, String period, long areaId) { }
        var seen = new HashSet<Seen>();
        for (var row : rows) {
            int before = problems.count();
            var indicator = row.indicator() == null ? null : indicators.get(row.indicator().trim());
            if (indicator == null) {
                problems.add(new FieldProblem("indicator", "There is no indicator with the code '"
                        + (row.indicator() == null ? "" : row.indicator()) + "'", row.row()));
            } else if (!user.isAdministrator() && (indicator.sourceAgencyId() == null
                    || !indicator.sourceAgencyId().equals(user.agencyId()))) {
                problems.add(new FieldProblem("indicator", "Your agency does not submit " + indicator.code()
                        + (indicator.sourceAgency() == null ? "" : " (it comes from " + indicator.sourceAgency() + ")"), row.row()));
            }
            var period = Period.parse(row.period());
            if (period.isEmpty()) {
                problems.add(new FieldProblem("period", "'" + (row.period() == null ? "" : row.period())
                        + "' is not a period like 2020-21, 2020-21-Q3, 2021-03 or 2015", row.row()));
            } else if (indicator != null && !indicator.frequency().fits(period.get())) {
                problems.add(new FieldProblem("period", indicator.code() + " is " + indicator.frequency().adjective()
                        + ": its period is " + indicator.frequency().example() + ", not '" + period.get().label() + "'", row.row()));
            }
            // A blank or absent area is the partnership's own, in CSV and JSON alike.
            boolean ownArea = row.area() == null || row.area().isBlank();
            var area = ownArea ? home : areas.get(row.area().trim().toLowerCase());
            if (area == null) {
                problems.add(new FieldProblem("area", ownArea ? "The partnership has no area of its own yet: name the area"
                        : "There is no area called '" + row.area() + "'", row.row()));
            }
            BigDecimal value = null;
            try {
                value = new BigDecimal(row.value() == null ? "" : row.value().trim().replace(",", ""));
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem("value", "'" + (row.value() == null ? "" : row.value()) + "' is not a number", row.row()));
            }
            if (value != null && indicator != null) {
                String rangeProblem = ValueRules.check(indicator.unit(), value);
                if (rangeProblem != null) {
                    problems.add(new FieldProblem("value", rangeProblem, row.row()));
                }
            }
            String narrative = row.narrative() == null || row.narrative().isBlank() ? null : row.narrative().strip();
            if (narrative != null && narrative.length() > 4000) {
                problems.add(new FieldProblem("narrative", "The narrative must be 4000 characters or fewer", row.row()));
            } else if (narrative != null) {
                for (var found : guard.scan(narrative)) {
                    problems.add(new FieldProblem("narrative", "The narrative contains what looks like " + found.kind().label()
                            + " (characters " + (found.start() + 1) + " to " + found.end() + "): remove it", row.row()));
                }
            }
            if (indicator != null && area != null && period.isPresent()
                    && !seen.add(new Seen(indicator.id(), period.get().label(), area.id()))) {
                problems.add(new FieldProblem("period", "This indicator, period and area appear earlier in the file too", row.row()));
            }
            if (problems.count() == before) {
                valid.add(new CheckedRow(row.row(), indicator, area, period.get(), value, narrative, null, null));
            }
        }
        return new Checked(warn(user.partnershipId(), indicators, valid, detailed), problems.listed(), problems.count());
    }

    /** The rows with their warnings and, when detailed, the figures they replace. */
    private List<CheckedRow> warn(long partnershipId, Map<String, Indicator> indicators, List<CheckedRow> rows, boolean detailed) {
        Map<String, String> rateWarnings = figureChecks.rateWarnings(partnershipId, indicators, rows.stream()
                .map(r -> new FigureChecks.Incoming(r.indicator(), r.area().id(), r.period().label(), r.value())).toList());
        Map<String, List<DataViews.Observation>> history = new HashMap<>();
        if (detailed) {
            var areaIds = rows.stream().map(r -> r.area().id()).distinct().toList();
            for (var o : store.observations(partnershipId, areaIds)) {
                history.computeIfAbsent(o.indicatorId() + "|" + o.areaId(), k -> new ArrayList<>()).add(o);
            }
        }
        var warned = new ArrayList<CheckedRow>(rows.size());
        for (var r : rows) {
            var warnings = new ArrayList<String>();
            String rate = rateWarnings.isEmpty() ? null
                    : rateWarnings.get(FigureChecks.key(r.indicator().code(), r.area().id(), r.period().label()));
            if (rate != null) {
                warnings.add(rate);
            }
            BigDecimal replaces = null;
            if (detailed) {
                var series = history.getOrDefault(r.indicator().id() + "|" + r.area().id(), List.of());
                replaces = series.stream().filter(o -> o.period().equals(r.period().label())).map(DataViews.Observation::value)
                        .findFirst().orElse(null);
                String outlier = FigureChecks.outlierWarning(r.indicator(), series, r.period(), r.value());
                if (outlier != null) {
                    warnings.add(outlier);
                }
            }
            warned.add(warnings.isEmpty() && replaces == null ? r : new CheckedRow(r.row(), r.indicator(), r.area(), r.period(),
                    r.value(), r.narrative(), replaces, warnings.isEmpty() ? null : String.join(" ", warnings)));
        }
        return warned;
    }

    /**
     * Imports rows sent at once (the API): the administrator's figures are stored and live at once, recorded as
     * imported; a contributor's go to the quality assurance group as their agency's upload, each warned row
     * explained by its narrative. All rows or none.
     */
    @Transactional
    Outcome importRows(CanopyUser user, String fileName, List<ObservationRow> rows) {
        var checked = check(user, rows, !user.isAdministrator());
        if (!checked.refused().isEmpty()) {
            throw new InvalidInput(checked.refused());
        }
        if (!user.isAdministrator()) {
            var unexplained = checked.rows().stream().filter(r -> r.warning() != null && r.narrative() == null)
                    .map(r -> new FieldProblem("narrative", r.warning() + " Explain it in the row's narrative.", r.row())).toList();
            if (!unexplained.isEmpty()) {
                throw new InvalidInput(unexplained);
            }
            long id = uploads.submitAtOnce(user, fileName, checked);
            return new Outcome(0, id, checked.rows().size(), checked.warnings());
        }
        int stored = storeLive(user, fileName, checked.rows(), Map.of());
        return new Outcome(stored, null, 0, checked.warnings());
    }

    /** Stores the administrator's checked rows at once, recorded as imported from the file. */
    int storeLive(CanopyUser admin, String fileName, List<CheckedRow> rows, Map<Integer, String> explanations) {
        // A view, not a copy: each row's stored form is made when the writer reads it, so a large import does not
        // hold a second array per row for the whole transaction.
        List<Object[]> stored = new java.util.AbstractList<>() {
            @Override
            public Object[] get(int index) {
                var r = rows.get(index);
                return r.stored(explanations.get(r.row()));
            }

            @Override
            public int size() {
                return rows.size();
            }
        };
        writer.write(ObservationWriter.Provenance.imported(admin.getUsername(), LocalDateTime.now(clock), fileName), stored);
        events.publishEvent(RecordChanged.by(admin, "observation-import", LocalDateTime.now(clock).toString(), "imported",
                "Imported " + stored.size() + " figures from " + fileName, null, Map.of("rows", stored.size(), "file", fileName)));
        return stored.size();
    }

}
