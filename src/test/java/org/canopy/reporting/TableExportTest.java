package org.canopy.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;

/** The Excel workbook a person opens: a sheet name Excel accepts that still says what it is, and a house style. */
class TableExportTest {

    @Test
    void sheetNamesFitExcelsThirtyOneCharactersAndStayMeaningful() {
        // Titles the exports use: a plan, an agency's round template, a series, the dashboard.
        assertThat(TableExport.sheetName("Tower Hamlets Children and Families Plan 2016-19"))
                .isEqualTo("Tower Hamlets Children\u2026 2016-19");
        assertThat(TableExport.sheetName("Tower Hamlets Clinical Commissioning Group 2021-22-Q1"))
                .isEqualTo("Tower Hamlets\u2026 2021-22-Q1");
        assertThat(TableExport.sheetName("Metropolitan Police 2021-22-Q1")).isEqualTo("Metropolitan Police 2021-22-Q1");
        assertThat(TableExport.sheetName("Data dashboard")).isEqualTo("Data dashboard");
        assertThat(TableExport.sheetName("Children looked after per 10,000 children aged under 18"))
                .isEqualTo("Children looked after per\u2026");
        // Characters Excel refuses, and an apostrophe at either end.
        assertThat(TableExport.sheetName("'Audit: [draft] 2020/21?'")).isEqualTo("Audit draft 2020 21");
        assertThat(TableExport.sheetName("  ")).isEqualTo("Table");
        for (String title : List.of("Tower Hamlets Children and Families Plan 2016-19",
                "An agency with a very long name indeed that goes on 2021-22-Q1", "x".repeat(80))) {
            assertThat(TableExport.sheetName(title)).hasSizeLessThanOrEqualTo(31);
        }
    }

    @Test
    void theWorkbookCarriesADefaultStyle() throws Exception {
        var table = new TableExport.Table("Tower Hamlets Children and Families Plan 2016-19",
                List.of("Priority", "Action text", "Due"),
                List.of(Arrays.asList(7, "Strengthen the early help offer with schools", LocalDate.of(2019, 3, 31)),
                        Arrays.asList(8, null, null)));
        var out = new ByteArrayOutputStream();
        TableExport.xlsx(table, out);

        try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(workbook.getFirstSheet().getName()).isEqualTo("Tower Hamlets Children\u2026 2016-19");
            var rows = workbook.getFirstSheet().read();
            assertThat(rows.get(0).getCellText(1)).isEqualTo("Action text");
            assertThat(rows.get(1).getCell(2).asDate().toLocalDate()).isEqualTo(LocalDate.of(2019, 3, 31));
        }
        var parts = unzip(out.toByteArray());
        assertThat(parts.get("xl/styles.xml")).contains("name val=\"Arial\"").contains("<font><b/>")
                .contains("F3F2F1").contains("<bottom style=\"thin\"").contains("formatCode=\"yyyy-mm-dd\"")
                .contains("vertical=\"top\"").contains("wrapText=\"true\"");
        assertThat(parts.get("xl/worksheets/sheet1.xml")).contains("state=\"frozen\"").contains("<autoFilter ref=\"A1:C3\"")
                .contains("<col min=\"2\" max=\"2\" width=\"46");
        assertThat(parts.get("docProps/core.xml")).contains("<dc:title>Tower Hamlets Children and Families Plan 2016-19</dc:title>");
    }

    private static Map<String, String> unzip(byte[] xlsx) throws Exception {
        // ZipFile, not ZipInputStream: fastexcel streams its entries with sizes after the data.
        var file = Files.createTempFile("export", ".xlsx");
        try (var zip = new ZipFile(Files.write(file, xlsx).toFile())) {
            var parts = new HashMap<String, String>();
            for (var entry : Collections.list(zip.entries())) {
                parts.put(entry.getName(), new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
            }
            return parts;
        } finally {
            Files.delete(file);
        }
    }
}
