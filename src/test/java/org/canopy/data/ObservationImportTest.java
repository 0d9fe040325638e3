package org.canopy.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.stream.Stream;
import org.canopy.support.CanopyDatabaseTest;
import org.canopy.support.Requests;
import org.dhatim.fastexcel.Workbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Imports land whole or not at all, replace rather than duplicate, and refuse identifiers without echoing them. */
@CanopyDatabaseTest
@ExtendWith(OutputCaptureExtension.class)
class ObservationImportTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    // Periods the demo holds no figure for, so the demo's own figures are never replaced.
    static final String GOOD = """
            CIN_COUNT,2016-17,Tower Hamlets,2810,Steady after the 2015 peak
            CIN_COUNT,2017-18,Tower Hamlets,2875,
            CHILD_POVERTY,2017-18,Tower Hamlets,55.5,
            """;

    @AfterEach
    void removeImported() {
        Figures.removeImported(jdbc);
    }

    /** A bad last row: the row, the field and the message the import must name. */
    static Stream<Arguments> badLastRows() {
        return Stream.of(
                Arguments.of("NO_SUCH_INDICATOR,2017-18,Tower Hamlets,12,", "indicator",
                        "There is no indicator with the code 'NO_SUCH_INDICATOR'"),
                Arguments.of("CHILD_POVERTY,2018-19,Tower Hamlets,120,", "value", "A percentage must be between 0 and 100"));
    }

    @ParameterizedTest
    @MethodSource("badLastRows")
    void aBadLastRowIsNamedAndNothingIsStored(String badRow, String field, String message) throws Exception {
        int before = Figures.observations(jdbc);

        // Header is row 1, so the three good rows are 2 to 4 and the bad one is row 5.
        Figures.importCsv(mvc, "coordinator", GOOD + badRow + "\n")
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].row").value(5))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].message").value(message));

        assertThat(Figures.observations(jdbc)).isEqualTo(before);
    }

    @Test
    void aRowWithMissingColumnsIsNamed() throws Exception {
        int before = Figures.observations(jdbc);

        // The short row's missing area is the partnership's own; its missing value is refused.
        Figures.importCsv(mvc, "coordinator", "CIN_COUNT,2016-17,Tower Hamlets,2810,\nCIN_COUNT,2017-18\n")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].row").value(org.hamcrest.Matchers.contains(3)))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("value")));

        assertThat(Figures.observations(jdbc)).isEqualTo(before);
    }

    @Test
    void everyFaultyRowIsListed() throws Exception {
        Figures.importCsv(mvc, "coordinator", """
                CIN_COUNT,2016-17,Tower Hamlets,2810,
                CIN_COUNT,2016-17x,Tower Hamlets,2810,
                CIN_COUNT,2017-18,Atlantis,2810,
                CIN_COUNT,2018-19,Tower Hamlets,many,
                CIN_COUNT,2016-17,Tower Hamlets,2811,
                """)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].row").value(org.hamcrest.Matchers.contains(3, 4, 5, 6)))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("period", "area", "value",
                        "period")));
    }

    @Test
    void runningTheSameImportTwiceReplacesRatherThanDuplicates() throws Exception {
        int before = Figures.observations(jdbc);

        Figures.importCsv(mvc, "coordinator", GOOD).andExpect(status().isCreated()).andExpect(jsonPath("$.stored").value(3));
        assertThat(Figures.observations(jdbc)).isEqualTo(before + 3);
        Figures.importCsv(mvc, "coordinator", GOOD.replace("2875", "2880").replace("55.5", "56.1"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.stored").value(3));

        assertThat(Figures.observations(jdbc)).isEqualTo(before + 3);
        assertThat(Figures.value(jdbc, "CIN_COUNT", "2016-17")).isEqualByComparingTo("2810");
        assertThat(Figures.value(jdbc, "CIN_COUNT", "2017-18")).isEqualByComparingTo("2880");
        assertThat(Figures.value(jdbc, "CHILD_POVERTY", "2017-18")).isEqualByComparingTo("56.1");
        assertThat(jdbc.sql("select narrative from observation where period = '2016-17' and recorded_by = 'coordinator'")
                .query(String.class).single()).isEqualTo("Steady after the 2015 peak");
    }

    @Test
    void jsonRowsImportToo() throws Exception {
        int before = Figures.observations(jdbc);

        mvc.perform(Requests.json(post("/api/v1/observations"), """
                [{"indicator": "CIN_COUNT", "period": "2016-17", "area": "Tower Hamlets", "value": 2810,
                  "narrative": "From the CIN census"},
                 {"indicator": "CHILD_POVERTY", "period": "2017-18", "area": "Tower Hamlets", "value": "55.5"}]""")
                .with(Requests.user("coordinator")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.stored").value(2));

        assertThat(Figures.observations(jdbc)).isEqualTo(before + 2);
        assertThat(Figures.value(jdbc, "CIN_COUNT", "2016-17")).isEqualByComparingTo("2810");
        assertThat(Figures.value(jdbc, "CHILD_POVERTY", "2017-18")).isEqualByComparingTo("55.5");
    }

    @Test
    void aBadJsonRowStoresNothing() throws Exception {
        int before = Figures.observations(jdbc);

        mvc.perform(Requests.json(post("/api/v1/observations"), """
                [{"indicator": "CIN_COUNT", "period": "2016-17", "area": "Tower Hamlets", "value": 2810},
                 {"indicator": "CIN_COUNT", "period": "2017-18", "area": "Tower Hamlets", "value": -4}]""")
                .with(Requests.user("coordinator")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("value"))
                .andExpect(jsonPath("$.errors[0].row").value(2))
                .andExpect(jsonPath("$.errors[0].message").value("A figure cannot be below zero"));

        assertThat(Figures.observations(jdbc)).isEqualTo(before);
    }

    @Test
    void anExcelWorkbookImportsThroughThePage() throws Exception {
        int before = Figures.observations(jdbc);

        mvc.perform(multipart("/dashboard/import").file(workbook(List.of(
                        List.of("CIN_COUNT", "2016-17", "Tower Hamlets", "2810", "From the CIN census"),
                        List.of("CHILD_POVERTY", "2017-18", "Tower Hamlets", "55.5", ""))))
                        .with(csrf()).with(Requests.signedIn(users, "coordinator")))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/data/uploads/*"));
        // Checked, previewed, not yet stored.
        assertThat(Figures.observations(jdbc)).isEqualTo(before);
        Figures.storeLatestUpload(mvc, users, jdbc, "coordinator");

        assertThat(Figures.observations(jdbc)).isEqualTo(before + 2);
        assertThat(Figures.value(jdbc, "CHILD_POVERTY", "2017-18")).isEqualByComparingTo("55.5");
    }

    @Test
    void excelPercentagesAndMonthsAreReadAsTheyAreShown() throws Exception {
        // Excel keeps 55.5% as 0.555 with a percent format, and turns "2021-03" typed into a cell into the date
        // 1 March 2021 shown as Mar-21. Read raw, they would be 0.555 per cent and a day number.
        var bytes = new ByteArrayOutputStream();
        var workbook = new Workbook(bytes, "Canopy test", "1.0");
        var sheet = workbook.newWorksheet("Figures");
        List<String> header = List.of("indicator", "period", "area", "value");
        for (int c = 0; c < header.size(); c++) {
            sheet.value(0, c, header.get(c));
        }
        sheet.value(1, 0, "CHILD_POVERTY");
        sheet.value(1, 1, "2017-18");
        sheet.value(1, 2, "Tower Hamlets");
        sheet.value(1, 3, 0.555);
        sheet.style(1, 3).format("0.0%").set();
        sheet.value(2, 0, "CIN_COUNT");
        sheet.value(2, 1, java.time.LocalDate.of(2021, 3, 1));
        sheet.style(2, 1).format("mmm-yy").set();
        sheet.value(2, 2, "Tower Hamlets");
        sheet.value(2, 3, 2950);
        workbook.finish();

        // The month is read as the month it shows, so the annual indicator refuses it by name.
        mvc.perform(multipart("/dashboard/import").file(new MockMultipartFile("file", "figures.xlsx",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bytes.toByteArray()))
                        .with(csrf()).with(Requests.signedIn(users, "coordinator")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("CIN_COUNT is annual: its period is a financial year like 2020-21, or a calendar year like 2015, not &#39;2021-03&#39;")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("1 row was fine")));
        assertThat(Figures.value(jdbc, "CHILD_POVERTY", "2017-18")).isNull();

        var percent = new ByteArrayOutputStream();
        var only = new Workbook(percent, "Canopy test", "1.0");
        var first = only.newWorksheet("Figures");
        for (int c = 0; c < header.size(); c++) {
            first.value(0, c, header.get(c));
        }
        first.value(1, 0, "CHILD_POVERTY");
        first.value(1, 1, "2017-18");
        first.value(1, 2, "Tower Hamlets");
        first.value(1, 3, 0.555);
        first.style(1, 3).format("0.0%").set();
        only.finish();
        mvc.perform(multipart("/dashboard/import").file(new MockMultipartFile("file", "figures.xlsx",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", percent.toByteArray()))
                        .with(csrf()).with(Requests.signedIn(users, "coordinator")))
                .andExpect(status().is3xxRedirection());
        Figures.storeLatestUpload(mvc, users, jdbc, "coordinator");
        // 0.555 * 100 = 55.5
        assertThat(Figures.value(jdbc, "CHILD_POVERTY", "2017-18")).isEqualByComparingTo("55.5");
    }

    @Test
    void aBadExcelRowIsShownOnThePageAndNothingIsStored() throws Exception {
        int before = Figures.observations(jdbc);

        String page = mvc.perform(multipart("/dashboard/import").file(workbook(List.of(
                        List.of("CIN_COUNT", "2016-17", "Tower Hamlets", "2810", ""),
                        List.of("CHILD_POVERTY", "2017-18", "Tower Hamlets", "120", ""))))
                        .with(csrf()).with(Requests.signedIn(users, "coordinator")))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("There is a problem").contains("Row 3: A percentage must be between 0 and 100");
        assertThat(Figures.observations(jdbc)).isEqualTo(before);
    }

    @Test
    void aNarrativeWithAnNhsNumberIsRefusedWithoutRepeatingIt(CapturedOutput output) throws Exception {
        int before = Figures.observations(jdbc);
        String narrative = "Checked against NHS number 943 476 5919 on the return";
        // "943 476 5919" starts at index 27: characters 28 to 39, counted from 1.
        assertThat(narrative.indexOf("943 476 5919")).isEqualTo(27);

        String body = Figures.importCsv(mvc, "coordinator", "CIN_COUNT,2016-17,Tower Hamlets,2810," + narrative + "\n")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].row").value(2))
                .andExpect(jsonPath("$.errors[0].field").value("narrative"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("NHS number"),
                        org.hamcrest.Matchers.containsString("characters 28 to 39"))))
                .andReturn().getResponse().getContentAsString();

        assertThat(Figures.observations(jdbc)).isEqualTo(before);
        assertThat(body).doesNotContain("943 476 5919").doesNotContain("9434765919").doesNotContain("5919");
        assertThat(output.getAll()).doesNotContain("943 476 5919").doesNotContain("9434765919");
        // The capture sees the application's log, so the check above could fail.
        org.slf4j.LoggerFactory.getLogger(ObservationImportTest.class).warn("capture works");
        assertThat(output.getAll()).contains("capture works");
    }

    static MockMultipartFile workbook(List<List<String>> rows) throws Exception {
        var bytes = new ByteArrayOutputStream();
        var workbook = new Workbook(bytes, "Canopy test", "1.0");
        var sheet = workbook.newWorksheet("Figures");
        List<String> header = List.of("indicator", "period", "area", "value", "narrative");
        for (int c = 0; c < header.size(); c++) {
            sheet.value(0, c, header.get(c));
        }
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                String cell = rows.get(r).get(c);
                if (c == 3) {
                    // Figures as numbers, as a spreadsheet holds them.
                    sheet.value(r + 1, c, Double.parseDouble(cell));
                } else if (!cell.isEmpty()) {
                    sheet.value(r + 1, c, cell);
                }
            }
        }
        workbook.finish();
        return new MockMultipartFile("file", "figures.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bytes.toByteArray());
    }
}
