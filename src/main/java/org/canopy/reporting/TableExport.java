package org.canopy.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.BorderSide;
import org.dhatim.fastexcel.BorderStyle;
import org.dhatim.fastexcel.Workbook;

/**
 * Writes one table (a header row and data rows) as CSV or as an Excel workbook. Numbers stay numbers
 * and dates stay dates in Excel; CSV cells that a spreadsheet would run as a formula are defused.
 */
public final class TableExport {

    /** Excel refuses a longer sheet name. */
    static final int SHEET_NAME_LIMIT = 31;

    /** A titled table: {@code rows} hold Strings, Numbers, LocalDates or nulls. The title names the sheet too. */
    public record Table(String title, List<String> header, List<List<Object>> rows) {
    }

    private TableExport() {
    }

    /** CSV (RFC 4180, UTF-8 with a byte-order mark so Excel reads the accents). */
    public static void csv(Table table, OutputStream out) {
        try {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            var writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            try (var printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder()
                    .setHeader(table.header().toArray(String[]::new)).get())) {
                for (var row : table.rows()) {
                    printer.printRecord(row.stream().map(TableExport::csvCell).toList());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An .xlsx workbook with one sheet in Arial: a bold, shaded, frozen header row with filters, text wrapped and
     * every cell aligned to the top, dates as dates, and column widths that fit their contents (up to 60 characters).
     */
    public static void xlsx(Table table, OutputStream out) {
        try {
            var workbook = new Workbook(out, "Canopy", "1.0");
            workbook.setGlobalDefaultFont("Arial", 11);
            workbook.properties().setTitle(table.title());
            var sheet = workbook.newWorksheet(sheetName(table.title()));
            int columns = table.header().size();
            for (int c = 0; c < columns; c++) {
                sheet.value(0, c, table.header().get(c));
                sheet.style(0, c).bold().fillColor("F3F2F1").borderStyle(BorderSide.BOTTOM, BorderStyle.THIN)
                        .wrapText(true).verticalAlignment("top").set();
            }
            sheet.freezePane(0, 1);
            if (columns > 0) {
                sheet.setAutoFilter(0, 0, Math.max(1, table.rows().size()), columns - 1);
            }
            int[] widths = new int[columns];
            for (int c = 0; c < widths.length; c++) {
                widths[c] = Math.max(8, table.header().get(c).length());
            }
            for (int r = 0; r < table.rows().size(); r++) {
                var row = table.rows().get(r);
                for (int c = 0; c < row.size(); c++) {
                    Object value = row.get(c);
                    if (value instanceof Number n) {
                        sheet.value(r + 1, c, n);
                        sheet.style(r + 1, c).verticalAlignment("top").set();
                    } else if (value instanceof LocalDate d) {
                        sheet.value(r + 1, c, d);
                        sheet.style(r + 1, c).format("yyyy-mm-dd").verticalAlignment("top").set();
                    } else if (value != null) {
                        sheet.value(r + 1, c, value.toString());
                        sheet.style(r + 1, c).wrapText(true).verticalAlignment("top").set();
                    }
                    if (c < widths.length) {
                        widths[c] = Math.max(widths[c], Math.min(60, value == null ? 0 : value.toString().length()));
                    }
                }
            }
            for (int c = 0; c < widths.length; c++) {
                sheet.width(c, widths[c] + 2);
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object csvCell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        // A leading =, +, - or @ would be run as a formula by a spreadsheet (CSV injection).
        if (!(value instanceof Number) && !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    /**
     * A name Excel accepts: no \\ / ? * [ ] :, no apostrophe at either end, at most 31 characters. A longer name
     * keeps its whole first words and, when it ends in a period ("2016-19", "2021-22-Q1", "2021-03"), that period.
     */
    static String sheetName(String name) {
        String cleaned = name == null ? "" : name.replaceAll("[\\\\/?*\\[\\]:]", " ").replaceAll("\\s+", " ")
                .replaceAll("^[' ]+|[' ]+$", "");
        if (cleaned.isEmpty()) {
            return "Table";
        }
        if (cleaned.length() <= SHEET_NAME_LIMIT) {
            return cleaned;
        }
        int lastSpace = cleaned.lastIndexOf(' ');
        String period = lastSpace > 0 && cleaned.substring(lastSpace + 1).matches("\\d{4}(-\\d{2}(-Q[1-4])?)?")
                ? cleaned.substring(lastSpace) : "";
        String words = cleaned.substring(0, cleaned.length() - period.length());
        int room = SHEET_NAME_LIMIT - period.length() - 1; // one for the ellipsis
        String kept = words.substring(0, room);
        int wordEnd = kept.lastIndexOf(' ');
        if (words.charAt(room) != ' ' && wordEnd > room / 2) {
            kept = kept.substring(0, wordEnd); // a whole word, not part of one
        }
        return kept.strip() + "\u2026" + period;
    }
}
