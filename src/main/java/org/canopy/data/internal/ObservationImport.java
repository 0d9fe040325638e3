package org.canopy.data.internal;

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
import org.canopy.data.internal.DataViews.Area;
import org.canopy.data.internal.DataViews.Indicator;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.RecordChanged;
import org.canopy.partnership.Role;
import org.canopy.privacy.IdentifierGuard;
import org.canopy.web.FieldProblem;
import org.canopy.web.InvalidInput;
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
class ObservationImport {

    static final List<String> HEADER = List.of("indicator", "period", "area", "value", "narrative");
    private final DataStore store;
    private final ObservationWriter writer;
    private final IdentifierGuard guard;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ObservationImport(DataStore store, ObservationWriter writer, IdentifierGuard guard, ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.writer = writer;
        this.guard = guard;
        this.events = events;
        this.clock = clock;
    }

    /** Administrators import for every agency; agency contributors only for their own agency's indicators. */
    static boolean mayImport(CanopyUser user) {
        return user.isAdministrator() || user.role() == Role.AGENCY_CONTRIBUTOR;
    }

    static List<ObservationRow> readCsv(InputStream in) {
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
                // A short row's missing cells are empty, so validation names them with the row number.
                rows.add(new ObservationRow((int) record.getRecordNumber() + 1, shared(repeated, cell(record, "indicator")),
                        shared(repeated, cell(record, "period")), shared(repeated, cell(record, "area")), cell(record, "value"),
                        cell(record, "narrative")));
            }
            return rows;
        } catch (IOException | IllegalArgumentException e) {
            if (e instanceof InvalidInput invalid) {
                throw invalid;
            }
            throw new InvalidInput("file", "The file could not be read as CSV: " + e.getMessage());
        }
    }

    private static String cell(org.apache.commons.csv.CSVRecord record, String column) {
        return record.isMapped(column) && record.isSet(column) ? record.get(column) : null;
    }

    private static String shared(Map<String, String> repeated, String value) {
        if (value == null || repeated.size() >= 100_000) {
            return value;
        }
        String known = repeated.putIfAbsent(value, value);
        return known == null ? value : known;
    }

    static List<ObservationRow> readXlsx(InputStream in) {
        try (var workbook = new ReadableWorkbook(in, new ReadingOptions(true, false))) {
            var sheetRows = workbook.getFirstSheet().read();
            if (sheetRows.isEmpty()) {
                throw new InvalidInput("file", "The workbook's first sheet is empty");
            }
            var header = new ArrayList<String>();
            sheetRows.get(0).forEach(c -> header.add(c == null ? "" : c.getText().trim().toLowerCase()));
            if (!header.containsAll(HEADER.subList(0, 4))) {
                throw new InvalidInput("file", "The first row must be the header " + String.join(", ", HEADER));
            }
            var rows = new ArrayList<ObservationRow>();
            for (int r = 1; r < sheetRows.size(); r++) {
                var row = sheetRows.get(r);
                String[] cells = new String[HEADER.size()];
                for (int c = 0; c < HEADER.size(); c++) {
                    int index = header.indexOf(HEADER.get(c));
                    cells[c] = index < 0 || !row.hasCell(index) ? null : shown(row.getCell(index));
                }
                if (java.util.Arrays.stream(cells).allMatch(c -> c == null || c.isBlank())) {
                    continue;
                }
                rows.add(new ObservationRow(row.getRowNum(), cells[0], cells[1], cells[2], cells[3], cells[4]));
            }
            return rows;
        } catch (IOException e) {
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

    static List<ObservationRow> readJson(JsonNode array) {
        if (array == null || !array.isArray()) {
            throw new InvalidInput("body", "Send a JSON list of rows, each with indicator, period, area, value and narrative");
        }
        var rows = new ArrayList<ObservationRow>();
        // JSON rows are numbered from 1, the first item of the list (a file's row 1 is its header).
        int n = 0;
        for (JsonNode item : array) {
            n++;
            rows.add(new ObservationRow(n, text(item, "indicator"), text(item, "period"), text(item, "area"),
                    text(item, "value"), text(item, "narrative")));
        }
        return rows;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    /** Validates every row, then stores all of them; returns how many were stored. */
    @Transactional
    int importRows(CanopyUser user, List<ObservationRow> rows) {
        if (!mayImport(user)) {
            throw new AccessDeniedException("Only agency contributors and administrators submit figures");
        }
        if (rows.isEmpty()) {
            throw new InvalidInput("file", "The file has no rows to import");
        }
        Map<String, Indicator> indicators = new HashMap<>();
        store.indicators(user.partnershipId()).forEach(i -> indicators.put(i.code(), i));
        Map<String, Area> areas = new HashMap<>();
        store.areas(user.partnershipId()).forEach(a -> areas.put(a.name().toLowerCase(), a));
        var problems = new ArrayList<FieldProblem>();
        var valid = new ArrayList<Object[]>(rows.size());
        var seen = new HashSet<String>();
        for (var row : rows) {
            int before = problems.size();
            var indicator = row.indicator() == null ? null : indicators.get(row.indicator().trim());
            if (indicator == null) {
                problems.add(new FieldProblem("indicator", "There is no indicator with the code '"
                        + (row.indicator() == null ? "" : row.indicator()) + "'", row.row()));
            } else if (!user.isAdministrator() && (indicator.sourceAgencyId() == null
                    || !indicator.sourceAgencyId().equals(user.agencyId()))) {
                problems.add(new FieldProblem("indicator", "Your agency does not submit " + indicator.code()
                        + (indicator.sourceAgency() == null ? "" : " (it comes from " + indicator.sourceAgency() + ")"), row.row()));
            }
            var period = DataPeriod.parse(row.period());
            if (period.isEmpty()) {
                problems.add(new FieldProblem("period", "'" + (row.period() == null ? "" : row.period())
                        + "' is not a period like 2020-21, 2020-21-Q3, 2021-03 or 2015", row.row()));
            }
            var area = row.area() == null ? null : areas.get(row.area().trim().toLowerCase());
            if (area == null) {
                problems.add(new FieldProblem("area", "There is no area called '" + (row.area() == null ? "" : row.area())
                        + "'", row.row()));
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
                    && !seen.add(indicator.code() + "|" + period.get().label() + "|" + area.id())) {
                problems.add(new FieldProblem("period", "This indicator, period and area appear earlier in the file too", row.row()));
            }
            if (problems.size() == before) {
                valid.add(new Object[] {indicator.id(), area.id(), period.get().label(), period.get().start(), value, narrative});
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        store(user.getUsername(), valid);
        events.publishEvent(RecordChanged.by(user, "observation-import", LocalDateTime.now(clock).toString(), "imported",
                "Imported " + valid.size() + " figures", null, Map.of("rows", valid.size())));
        return valid.size();
    }

    /** Replaces rows already held (same indicator, area and period) and inserts the rest, in bulk. */
    private void store(String actor, List<Object[]> rows) {
        writer.write(actor, LocalDateTime.now(clock), rows);
    }

}
