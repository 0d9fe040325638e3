package org.canopy.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.canopy.support.CanopyDatabaseTest;
import org.canopy.support.Requests;
import org.dhatim.fastexcel.Workbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * No file of figures takes the server down: a workbook that inflates past 64 MB or 100 times its size is refused from
 * its zip before a cell is read, a cell past 10,000 characters and a file past 1,000,000 rows are refused, each with a
 * 400 that says which limit; a damaged workbook is a 400 too; and a file of 150,000 faulty rows answers with the first
 * 100 problems and the count, not a page of megabytes. The round's upload shares the reader.
 */
@CanopyDatabaseTest
@ExtendWith(OutputCaptureExtension.class)
class ImportLimitsTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JsonMapper json;

    @AfterEach
    void removeImported() {
        Figures.removeImported(jdbc);
    }

    /** A real workbook whose one narrative cell holds {@code size} letters, written as the sheet's XML (inline text). */
    static byte[] workbookWithCell(long size) throws IOException {
        var small = new ByteArrayOutputStream();
        var workbook = new Workbook(small, "Canopy test", "1.0");
        var sheet = workbook.newWorksheet("Figures");
        String[] header = {"indicator", "period", "area", "value", "narrative"};
        for (int c = 0; c < header.length; c++) {
            sheet.value(0, c, header[c]);
        }
        sheet.value(1, 0, "CIN_COUNT");
        workbook.finish();
        var out = new ByteArrayOutputStream();
        try (var source = org.apache.commons.compress.archivers.zip.ZipFile.builder()
                        .setSeekableByteChannel(new org.apache.commons.compress.utils.SeekableInMemoryByteChannel(small.toByteArray())).get();
                var zip = new ZipOutputStream(out)) {
            for (var entry : java.util.Collections.list(source.getEntries())) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/"
                            + "spreadsheetml/2006/main\"><sheetData><row r=\"1\">"
                            + "<c r=\"A1\" t=\"inlineStr\"><is><t>indicator</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>period</t></is></c>"
                            + "<c r=\"C1\" t=\"inlineStr\"><is><t>area</t></is></c><c r=\"D1\" t=\"inlineStr\"><is><t>value</t></is></c>"
                            + "<c r=\"E1\" t=\"inlineStr\"><is><t>narrative</t></is></c></row><row r=\"2\">"
                            + "<c r=\"A2\" t=\"inlineStr\"><is><t>CIN_COUNT</t></is></c><c r=\"B2\" t=\"inlineStr\"><is><t>2016-17</t></is></c>"
                            + "<c r=\"D2\"><v>2810</v></c><c r=\"E2\" t=\"inlineStr\"><is><t>").getBytes(StandardCharsets.UTF_8));
                    byte[] letters = new byte[64 * 1024];
                    java.util.Arrays.fill(letters, (byte) 'a');
                    for (long left = size; left > 0; left -= letters.length) {
                        zip.write(letters, 0, (int) Math.min(letters.length, left));
                    }
                    zip.write("</t></is></c></row></sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
                } else {
                    try (var in = source.getInputStream(entry)) {
                        in.transferTo(zip);
                    }
                }
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private MvcResult upload(String name, byte[] bytes) throws Exception {
        return mvc.perform(multipart("/dashboard/import").file(new MockMultipartFile("file", name, XLSX, bytes))
                .with(csrf()).with(Requests.signedIn(users, "police"))).andReturn();
    }

    private static String page(MvcResult result) throws Exception {
        return HtmlUtils.htmlUnescape(result.getResponse().getContentAsString());
    }

    @Test
    void aWorkbookInflatingPast64MegabytesIsRefusedFromItsZipBeforeACellIsRead(CapturedOutput output) throws Exception {
        int before = Figures.observations(jdbc);
        byte[] bomb = workbookWithCell(100L * 1024 * 1024);
        assertThat(bomb.length).as("a small file").isLessThan(1024 * 1024);
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long used = runtime.totalMemory() - runtime.freeMemory();
        var result = upload("figures.xlsx", bomb);
        long grown = runtime.totalMemory() - runtime.freeMemory() - used;
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(page(result)).contains("There is a problem")
                .contains("The workbook holds more than 64 MB of data once opened, the most Canopy reads");
        // The 100 MB cell was never held: what the request allocated stays far below the cell's size.
        assertThat(grown).as("bytes allocated and still held").isLessThan(60L * 1024 * 1024);
        assertThat(Figures.observations(jdbc)).isEqualTo(before);
        assertThat(output.getAll()).doesNotContain("\tat org.");
    }

    @Test
    void aWorkbookInflatingHundredsOfTimesItsSizeIsRefusedAsABomb() throws Exception {
        var result = upload("figures.xlsx", workbookWithCell(20L * 1024 * 1024));
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(page(result)).contains("The workbook inflates to more than 100 times its own size when opened");
    }

    @Test
    void aCellPastTenThousandCharactersIsRefusedInWorkbooksCsvAndJson() throws Exception {
        var workbook = upload("figures.xlsx", workbookWithCell(10_001));
        assertThat(workbook.getResponse().getStatus()).isEqualTo(400);
        assertThat(page(workbook)).contains("Row 2: A cell of the narrative column holds more than 10,000 characters, the most a cell may hold");

        String csv = "indicator,period,area,value,narrative\nCIN_COUNT,2016-17,Tower Hamlets,2810," + "a".repeat(10_001) + "\n";
        var page = mvc.perform(multipart("/dashboard/import").file(new MockMultipartFile("file", "figures.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8))).with(csrf()).with(Requests.signedIn(users, "police"))).andReturn();
        assertThat(page.getResponse().getStatus()).isEqualTo(400);
        assertThat(page(page)).contains("A cell of the narrative column holds more than 10,000 characters");

        var api = mvc.perform(Requests.json(post("/api/v1/observations"), "[{\"indicator\": \"CIN_COUNT\", \"period\": \"2016-17\", "
                + "\"value\": \"2810\", \"narrative\": \"" + "a".repeat(10_001) + "\"}]").with(Requests.user("coordinator"))).andReturn();
        assertThat(api.getResponse().getStatus()).isEqualTo(400);
        var error = json.readTree(api.getResponse().getContentAsString()).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("narrative");
        assertThat(error.get("row").asInt()).isEqualTo(1);
    }

    @Test
    void aFilePastAMillionRowsIsRefusedSayingTheLimit() throws Exception {
        var csv = new StringBuilder(14_000_100).append("indicator,period,area,value\n");
        for (int i = 0; i <= 1_000_000; i++) {
            csv.append("CIN_COUNT,2016-17,,1\n");
        }
        var api = mvc.perform(post("/api/v1/observations").contentType("text/csv").content(csv.toString())
                .with(Requests.user("coordinator"))).andReturn();
        assertThat(api.getResponse().getStatus()).isEqualTo(400);
        var error = json.readTree(api.getResponse().getContentAsString()).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("file");
        assertThat(error.get("message").asString()).isEqualTo(
                "The file has more than 1,000,000 rows of figures, the most one import takes: split it into smaller files");
        assertThat(error.get("row").asInt()).isEqualTo(1_000_002);
    }

    @Test
    void aFileOfManyFaultyRowsAnswersWithASummaryNotEveryRow() throws Exception {
        var csv = new StringBuilder().append("indicator,period,area,value\n");
        for (int i = 0; i < 150_000; i++) {
            csv.append("NOPE,2016-17,,1\n");
        }
        var result = mvc.perform(multipart("/dashboard/import").file(new MockMultipartFile("file", "figures.csv", "text/csv",
                csv.toString().getBytes(StandardCharsets.UTF_8))).with(csrf()).with(Requests.signedIn(users, "police"))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        String page = page(result);
        assertThat(page).contains("Row 101: There is no indicator with the code 'NOPE'")
                .doesNotContain("Row 102: There is no indicator")
                .contains("There are 149,900 more problems in the file (150,000 in all): correct the first 100")
                .contains("150,000 problems in the file, the first listed above; 0 rows were fine.");
        assertThat(result.getResponse().getContentAsByteArray().length).as("the page's size").isLessThan(200_000);

        var api = mvc.perform(post("/api/v1/observations").contentType("text/csv").content(csv.toString())
                .with(Requests.user("coordinator"))).andReturn();
        assertThat(api.getResponse().getStatus()).isEqualTo(400);
        assertThat(json.readTree(api.getResponse().getContentAsString()).get("errors").size()).isEqualTo(101);
    }

    @Test
    void aDamagedWorkbookIsA400OnTheImportAndTheRoundsUpload() throws Exception {
        byte[] good = workbookWithCell(10);
        byte[] cut = java.util.Arrays.copyOf(good, good.length / 2);
        for (byte[] bytes : new byte[][] {cut, "not a workbook at all".getBytes(StandardCharsets.UTF_8)}) {
            var result = upload("figures.xlsx", bytes);
            assertThat(result.getResponse().getStatus()).isEqualTo(400);
            assertThat(page(result)).contains("The file could not be read as an Excel workbook (.xlsx)");
        }
        long round = jdbc.sql("select min(id) from data_round").query(Long.class).single();
        long police = jdbc.sql("select agency_id from canopy_user where username = 'police'").query(Long.class).single();
        var round400 = mvc.perform(multipart("/data/rounds/" + round + "/agencies/" + police + "/upload")
                .file(new MockMultipartFile("file", "figures.xlsx", XLSX, cut)).with(csrf())
                .with(Requests.signedIn(users, "police"))).andReturn();
        assertThat(round400.getResponse().getStatus()).isEqualTo(400);
        assertThat(page(round400)).contains("The file could not be read as an Excel workbook (.xlsx)");
        var bomb = mvc.perform(multipart("/data/rounds/" + round + "/agencies/" + police + "/upload")
                .file(new MockMultipartFile("file", "figures.xlsx", XLSX, workbookWithCell(100L * 1024 * 1024))).with(csrf())
                .with(Requests.signedIn(users, "police"))).andReturn();
        assertThat(bomb.getResponse().getStatus()).isEqualTo(400);
        assertThat(page(bomb)).contains("The workbook holds more than 64 MB of data once opened");
        assertThat(MediaType.TEXT_HTML.isCompatibleWith(MediaType.parseMediaType(bomb.getResponse().getContentType()))).isTrue();
    }
}
