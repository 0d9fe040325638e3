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
import org.dhatim.fastexcel.Workbook;

/**
 * Writes one table (a header row and data rows) as CSV or as an Excel workbook. Numbers stay numbers
 * and dates stay dates in Excel; CSV cells that a spreadsheet would run as a formula are defused.
 */
public final class TableExport {

    /** A titled table: {@code rows} hold Strings, Numbers, LocalDates or nulls. */
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

    /** An .xlsx workbook with one sheet, a bold frozen header row and sensible column widths. */
    public static void xlsx(Table table, OutputStream out) {
        try {
            var workbook = new Workbook(out, "Canopy", "1.0");
            var sheet = workbook.newWorksheet(sheetName(table.title()));
            for (int c = 0; c < table.header().size(); c++) {
                sheet.value(0, c, table.header().get(c));
                sheet.style(0, c).bold().set();
            }
            sheet.freezePane(0, 1);
            int[] widths = new int[table.header().size()];
            for (int c = 0; c < widths.length; c++) {
                widths[c] = Math.max(8, table.header().get(c).length());
            }
            for (int r = 0; r < table.rows().size(); r++) {
                var row = table.rows().get(r);
                for (int c = 0; c < row.size(); c++) {
                    Object value = row.get(c);
                    if (value instanceof Number n) {
                        sheet.value(r + 1, c, n);
                    } else if (value instanceof LocalDate d) {
                        sheet.value(r + 1, c, d);
                        sheet.style(r + 1, c).format("yyyy-mm-dd").set();
                    } else if (value != null) {
                        sheet.value(r + 1, c, value.toString());
                        sheet.style(r + 1, c).wrapText(true).set();
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

    private static String sheetName(String title) {
        String cleaned = title.replaceAll("[\\\\/?*\\[\\]:]", " ").trim();
        return cleaned.isEmpty() ? "Sheet1" : cleaned.substring(0, Math.min(31, cleaned.length()));
    }
}
