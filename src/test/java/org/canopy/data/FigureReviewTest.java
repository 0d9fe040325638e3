package org.canopy.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.canopy.support.CanopyDatabaseTest;
import org.canopy.support.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * Figures that can be trusted: an agency's unaccepted figures are private, a contributor's upload waits for
 * the quality assurance group, every figure says where it came from, rates are checked against their counts
 * (the demo's included) and a period must fit its indicator.
 */
@CanopyDatabaseTest
class FigureReviewTest {

    /** Everyone who is neither health's contributor, nor the quality assurance group, nor the administrator. */
    static final List<String> NOT_HEALTH = List.of("executive", "police", "council", "scrutineer", "viewer");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    UserDetailsService users;

    @AfterEach
    void restoreDemo() {
        jdbc.sql("delete from data_submission_value").update();
        jdbc.sql("delete from data_submission").update();
        jdbc.sql("delete from data_quality_note").update();
        jdbc.sql("update indicator set expected_min = null, expected_max = null").update();
        Figures.removeImported(jdbc);
    }

    long agency(String name) {
        return jdbc.sql("select id from agency where name = ?").param(name).query(Long.class).single();
    }

    String page(String user, String url) throws Exception {
        return new String(mvc.perform(get(url).with(Requests.signedIn(users, user))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    @Test
    void anAgencysUnacceptedFiguresAreSeenOnlyByItsContributorsTheQualityAssuranceGroupAndTheAdministrator() throws Exception {
        long round = jdbc.sql("select id from data_round where period = '2021-22-Q1'").query(Long.class).single();
        long health = agency("Tower Hamlets Clinical Commissioning Group");
        long police = agency("Metropolitan Police");
        String draft = "/data/rounds/" + round + "/agencies/" + police;
        mvc.perform(put("/api/v1/data-rounds/" + round + "/submission").with(Requests.user("police"))
                .contentType("application/json").content("""
                        {"figures": [{"indicator": "DOMESTIC_ABUSE_CASES", "value": "812", "narrative": "A draft nobody else sees"}],
                         "version": -1}""")).andExpect(status().isOk());

        for (String user : List.of("executive", "health", "council", "scrutineer", "viewer")) {
            mvc.perform(get(draft).with(Requests.signedIn(users, user))).andExpect(status().isForbidden());
            mvc.perform(get("/api/v1/data-rounds/" + round + "/submission?agency=" + police).with(Requests.user(user)))
                    .andExpect(status().isForbidden());
        }
        for (String user : List.of("police", "coordinator")) {
            assertThat(page(user, draft)).contains("A draft nobody else sees");
        }
        mvc.perform(get("/api/v1/data-rounds/" + round + "/submission?agency=" + police).with(Requests.user("coordinator")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.figures[0].narrative").value("A draft nobody else sees"));
        // The round page links only what the person may open.
        assertThat(page("viewer", "/data/rounds/" + round)).contains("Metropolitan Police")
                .doesNotContain("/data/rounds/" + round + "/agencies/" + police + "\"");
        mvc.perform(get("/data/rounds/" + round + "/agencies/" + health).with(Requests.signedIn(users, "police")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/data/rounds/" + round + "/agencies/999999").with(Requests.signedIn(users, "police")))
                .andExpect(status().isNotFound());
    }

    @Test
    void aPoliceUploadWaitsForReviewAndReachesTheDashboardOnlyWhenAccepted() throws Exception {
        var body = mvc.perform(post("/api/v1/observations").with(Requests.user("police")).contentType("text/csv")
                        .content(Figures.HEADER + "DOMESTIC_ABUSE_CASES,2020-21-Q3,,812,Rising after lockdown\n"))
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.stored").value(0))
                .andExpect(jsonPath("$.submittedForReview").value(1)).andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andReturn().getResponse().getContentAsString();
        long upload = json.readTree(body).get("upload").asLong();
        assertThat(Figures.value(jdbc, "DOMESTIC_ABUSE_CASES", "2020-21-Q3")).isNull();
        assertThat(page("viewer", "/dashboard/indicators/DOMESTIC_ABUSE_CASES")).doesNotContain("812");
        assertThat(page("coordinator", "/dashboard")).contains("1 upload of figures waiting for review");

        for (String user : List.of("police", "coordinator")) {
            assertThat(page(user, "/data/uploads/" + upload)).contains("Waiting for review").contains("812");
            assertThat(page(user, "/data/uploads")).containsPattern("an API upload</a></td>\\s*<td[^>]*>[^<]*</td>\\s*"
                    + "<td class=\"govuk-table__cell govuk-table__cell--numeric\">1</td>");
        }
        for (String user : List.of("executive", "health", "council", "scrutineer", "viewer")) {
            mvc.perform(get("/data/uploads/" + upload).with(Requests.signedIn(users, user))).andExpect(status().isForbidden());
            assertThat(page(user, "/data/uploads")).doesNotContain("/data/uploads/" + upload + "\"");
        }
        mvc.perform(get("/data/uploads/999999").with(Requests.signedIn(users, "police"))).andExpect(status().isNotFound());
        // The contributor cannot accept their own figures.
        mvc.perform(post("/data/uploads/" + upload + "/review").with(Requests.signedIn(users, "police")).with(csrf())
                .param("decision", "accept").param("version", "0")).andExpect(status().isForbidden());
        assertThat(page("coordinator", "/data/uploads/" + upload)).contains("Quality assurance review");
        mvc.perform(post("/data/uploads/" + upload + "/review").with(Requests.signedIn(users, "coordinator")).with(csrf())
                .param("decision", "accept").param("version", "0")).andExpect(status().is3xxRedirection());

        assertThat(Figures.value(jdbc, "DOMESTIC_ABUSE_CASES", "2020-21-Q3")).isEqualByComparingTo("812");
        assertThat(page("viewer", "/dashboard/indicators/DOMESTIC_ABUSE_CASES"))
                .contains("Submitted by Police contributor in an API upload, accepted by Partnership coordinator on");
        assertThat(page("viewer", "/dashboard")).contains("Submitted by Police contributor in an API upload");
    }

    @Test
    void aPageUploadIsPreviewedThenStoredOrAbandoned() throws Exception {
        var file = new MockMultipartFile("file", "quarter.csv", "text/csv",
                (Figures.HEADER + "DOMESTIC_ABUSE_CASES,2020-21-Q3,Tower Hamlets,812,\n").getBytes(StandardCharsets.UTF_8));
        var location = mvc.perform(multipart("/dashboard/import").file(file).with(csrf()).with(Requests.signedIn(users, "police")))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/data/uploads/*"))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(page("police", location)).contains("1 new figure").contains("Nothing is stored yet").contains("Submit for review");
        mvc.perform(post(location + "/abandon").with(Requests.signedIn(users, "police")).with(csrf()).param("version", "0"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from figure_upload where status = 'ABANDONED'").query(Integer.class).single()).isEqualTo(1);

        // The administrator's preview says what it replaces, and storing it goes live at once.
        Figures.importCsv(mvc, "coordinator", "CIN_COUNT,2018-19,Tower Hamlets,2790,\n").andExpect(status().isCreated());
        var admin = new MockMultipartFile("file", "history.csv", "text/csv",
                (Figures.HEADER + "CIN_COUNT,2018-19,Tower Hamlets,2810,\nCIN_COUNT,2017-18,Tower Hamlets,2700,\n")
                        .getBytes(StandardCharsets.UTF_8));
        var preview = mvc.perform(multipart("/dashboard/import").file(admin).with(csrf()).with(Requests.signedIn(users, "coordinator")))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(page("coordinator", preview)).contains("1 new figure").contains("1 figure that replaces one held")
                .contains("2,790").contains("2,810");
        assertThat(Figures.value(jdbc, "CIN_COUNT", "2018-19")).isEqualByComparingTo("2790");
        Figures.storeLatestUpload(mvc, users, jdbc, "coordinator");
        assertThat(Figures.value(jdbc, "CIN_COUNT", "2018-19")).isEqualByComparingTo("2810");
        var indicator = page("viewer", "/dashboard/indicators/CIN_COUNT");
        assertThat(indicator).contains("Imported by Partnership coordinator from history.csv on")
                .contains("Earlier values of these figures").contains("2,790");
    }

    @Test
    void aDryRunListsNewReplacedAndRefusedRowsAndStoresNothing() throws Exception {
        int before = Figures.observations(jdbc);
        mvc.perform(post("/api/v1/observations?dryRun=true").with(Requests.user("coordinator")).contentType("text/csv")
                        .content(Figures.HEADER + "CIN_COUNT,2020-21,Tower Hamlets,2950,\nCIN_COUNT,2019-20,,2900,\n"
                                + "CIN_COUNT,2021-03,Tower Hamlets,2900,\n"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.new[0].period").value("2019-20"))
                .andExpect(jsonPath("$.new[0].area").value("Tower Hamlets"))
                .andExpect(jsonPath("$.replaced[0].replaces").value(2944))
                .andExpect(jsonPath("$.refused[0].row").value(4))
                .andExpect(jsonPath("$.refused[0].message").value("CIN_COUNT is annual: its period is a financial year like"
                        + " 2020-21, or a calendar year like 2015, not '2021-03'"));
        assertThat(Figures.observations(jdbc)).isEqualTo(before);
    }

    @Test
    void theDataQualityPageListsTheDemosRateThatDisagreesWithTheOthersWithItsArithmetic() throws Exception {
        // 2,944 children in need at 407 per 10,000 and 306 looked after at 42 imply about 72,334 children; 235 on plans
        // among 72,334 children is 32.5 per 10,000, not the report's 34.
        String quality = page("viewer", "/data/quality");
        assertThat(quality).contains("1 open flag").contains("235 (children subject to a child protection plan) and a population of"
                + " about 72,334").contains("give 32.5 per 10,000, not 34");
        assertThat(page("viewer", "/dashboard")).contains("1 open data quality flag");
        assertThat(quality).doesNotContain("Record the explanation");
        assertThat(page("coordinator", "/data/quality")).contains("Record the explanation").contains("Correct the figure");
    }

    @Test
    void aRateImportedThroughTheApiThatDisagreesWithItsCountIsFlaggedWithItsArithmetic() throws Exception {
        mvc.perform(post("/api/v1/observations").with(Requests.user("coordinator")).contentType("text/csv")
                        .content(Figures.HEADER + "CHILDREN_AGED_0_17,2019-20,Tower Hamlets,72000,\n"
                                + "CIN_COUNT,2019-20,Tower Hamlets,2810,\nCIN_RATE,2019-20,Tower Hamlets,500,\n"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.warnings[0]").value(org.hamcrest.Matchers.containsString(
                        "2,810 (children in need) and a population of 72,000")));
        assertThat(page("coordinator", "/data/quality")).contains("2 open flags")
                .contains("2,810 (children in need) and a population of 72,000 (Children aged 0 to 17 (ONS mid-year estimate))"
                        + " give 390.3 per 10,000, not 500 (Children in need per 10,000 children, 2019-20)");
    }

    @Test
    void theRateCheckRunsOnARoundsFiguresAndOnAnIndicatorFile() throws Exception {
        // An annual round: the council's children in need, looked after and child protection rates for 2021-22.
        jdbc.sql("""
                insert into data_round (partnership_id, period, period_start, due_date, opened_by, opened_at)
                select partnership_id, '2021-22', date '2021-04-01', due_date, opened_by, opened_at from data_round
                where period = '2021-22-Q1'""").update();
        long round = jdbc.sql("select id from data_round where period = '2021-22'").query(Long.class).single();
        try {
            mvc.perform(put("/api/v1/data-rounds/" + round + "/submission").with(Requests.user("council"))
                            .contentType("application/json").content("""
                                    {"figures": [{"indicator": "CIN_COUNT", "value": "3000"}, {"indicator": "CIN_RATE", "value": "415"},
                                                 {"indicator": "CLA_COUNT", "value": "310"}, {"indicator": "CLA_RATE", "value": "43"},
                                                 {"indicator": "CP_COUNT", "value": "240"}, {"indicator": "CP_RATE", "value": "40"}],
                                     "version": -1}"""))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.figures[?(@.indicator == 'CP_RATE')].flag").value(org.hamcrest.Matchers.contains(
                            org.hamcrest.Matchers.containsString("give 33.2 per 10,000, not 40"))))
                    .andExpect(jsonPath("$.figures[?(@.indicator == 'CIN_COUNT')].flag").value(org.hamcrest.Matchers.contains(
                            org.hamcrest.Matchers.nullValue())));
        } finally {
            jdbc.sql("delete from data_submission_value").update();
            jdbc.sql("delete from data_submission").update();
            jdbc.sql("delete from data_round where id = ?").param(round).update();
        }

        // An indicator file whose figures disagree: loaded whole, and the page says a flag is open.
        String file = """
                format: canopy-indicators/1
                areas:
                  - name: "Tower Hamlets"
                    kind: LOCAL_AUTHORITY
                indicators:
                  - code: "EXCLUSIONS_TEST_COUNT"
                    name: "Exclusions (test)"
                    unit: COUNT
                    polarity: LOWER_IS_BETTER
                    frequency: ANNUAL
                    observations: [{period: "2020-21", area: "Tower Hamlets", value: 100}]
                  - code: "EXCLUSIONS_TEST_RATE"
                    name: "Exclusions per 10,000 (test)"
                    unit: RATE_PER_10000
                    polarity: LOWER_IS_BETTER
                    frequency: ANNUAL
                    rateOf: "EXCLUSIONS_TEST_COUNT"
                    populationIndicator: "EXCLUSIONS_TEST_PUPILS"
                    observations: [{period: "2020-21", area: "Tower Hamlets", value: 50}]
                  - code: "EXCLUSIONS_TEST_PUPILS"
                    name: "Pupils (test)"
                    unit: COUNT
                    polarity: NEUTRAL
                    frequency: ANNUAL
                    observations: [{period: "2020-21", area: "Tower Hamlets", value: 45000}]
                """;
        try {
            mvc.perform(multipart("/admin/indicators/load").file(new MockMultipartFile("file", "test.yaml", "text/yaml",
                            file.getBytes(StandardCharsets.UTF_8))).with(Requests.signedIn(users, "coordinator")).with(csrf()))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("success",
                            org.hamcrest.Matchers.containsString("2 data quality flags are open")));
            // 45,000 pupils held for 2020-21: 100 exclusions are 22.2 per 10,000, not 50.
            assertThat(page("coordinator", "/data/quality")).contains("100 (exclusions (test)) and a population of 45,000"
                    + " (Pupils (test)) give 22.2 per 10,000, not 50");
        } finally {
            jdbc.sql("""
                    delete from observation where indicator_id in (select id from indicator where code like 'EXCLUSIONS_TEST%')""").update();
            jdbc.sql("delete from indicator where code like 'EXCLUSIONS_TEST%'").update();
        }
    }

    @Test
    void theQualityAssuranceGroupExplainsOrCorrectsAFlag() throws Exception {
        mvc.perform(post("/api/v1/observations").with(Requests.user("coordinator")).contentType("text/csv")
                .content(Figures.HEADER + "CHILDREN_AGED_0_17,2019-20,Tower Hamlets,72000,\n"
                        + "CIN_COUNT,2019-20,Tower Hamlets,2810,\nCIN_RATE,2019-20,Tower Hamlets,500,\n")).andExpect(status().isCreated());
        String key = flagKey();
        mvc.perform(post("/data/quality/explain").with(Requests.signedIn(users, "viewer")).with(csrf())
                .param("key", key).param("explanation", "x")).andExpect(status().isForbidden());
        mvc.perform(post("/data/quality/explain").with(Requests.signedIn(users, "coordinator")).with(csrf())
                .param("key", key).param("explanation", "")).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(
                        org.hamcrest.Matchers.containsString("Enter the explanation")));
        mvc.perform(post("/data/quality/explain").with(Requests.signedIn(users, "coordinator")).with(csrf())
                .param("key", key).param("explanation", "The count was taken at another date than the rate"))
                .andExpect(status().is3xxRedirection());
        assertThat(page("viewer", "/data/quality")).contains("1 open flag").contains("Explained flags")
                .contains("The count was taken at another date than the rate");

        mvc.perform(post("/data/quality/correct").with(Requests.signedIn(users, "coordinator")).with(csrf())
                .param("key", key).param("figure", "CIN_RATE").param("value", "390.3").param("reason", "Recomputed from the count"))
                .andExpect(status().is3xxRedirection());
        assertThat(Figures.value(jdbc, "CIN_RATE", "2019-20")).isEqualByComparingTo("390.3");
        assertThat(page("viewer", "/data/quality")).contains("1 open flag").doesNotContain("Explained flags");
        assertThat(page("viewer", "/dashboard/indicators/CIN_RATE")).contains("Earlier values of these figures")
                .contains("Corrected on the data quality page: Recomputed from the count");
    }

    String flagKey() {
        return "rate|" + jdbc.sql("select id from data_area where name = 'Tower Hamlets'").query(Long.class).single()
                + "|2019-20|CHILDREN_AGED_0_17|CIN_COUNT=2810,CIN_RATE=500,CHILDREN_AGED_0_17=72000";
    }

    @Test
    void aFigureOutsideTheExpectedRangeIsAWarningTheContributorExplains() throws Exception {
        mvc.perform(post("/dashboard/indicators/DOMESTIC_ABUSE_CASES/range").with(Requests.signedIn(users, "police")).with(csrf())
                .param("expectedMin", "0").param("expectedMax", "500")).andExpect(status().isForbidden());
        mvc.perform(post("/dashboard/indicators/DOMESTIC_ABUSE_CASES/range").with(Requests.signedIn(users, "coordinator")).with(csrf())
                .param("expectedMin", "0").param("expectedMax", "500")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/api/v1/observations").with(Requests.user("police")).contentType("text/csv")
                        .content(Figures.HEADER + "DOMESTIC_ABUSE_CASES,2020-21-Q3,,812,\n"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("812 is outside the range the partnership expects of Domestic"
                        + " abuse cases recorded by the police (0 to 500). Explain it in the row's narrative."));
        mvc.perform(post("/api/v1/observations").with(Requests.user("police")).contentType("text/csv")
                        .content(Figures.HEADER + "DOMESTIC_ABUSE_CASES,2020-21-Q3,,812,Lockdowns lifted\n"))
                .andExpect(status().isAccepted());
    }

    @Test
    void tilesShowTheComparisonsAndSourcesTheSeedsGive() throws Exception {
        String dashboard = page("viewer", "/dashboard");
        int tile = dashboard.indexOf("Children looked after per 10,000 children</a>");
        assertThat(tile).isPositive();
        String cla = dashboard.substring(tile, dashboard.indexOf("</li>", tile));
        assertThat(cla).contains("England 67. ").contains("London 57.").contains("(2019-20)")
                .contains("Safeguarding partnership annual report 2020-21, &#39;Data regarding Children and Young People: Children Looked After&#39;");
        assertThat(dashboard).contains("Needs discussion").contains("Signals need at least 12 periods of figures")
                .doesNotContain("Too few periods for signals");
    }

    @Test
    void theCountFieldAsksForAWholeNumber() throws Exception {
        long round = jdbc.sql("select id from data_round where period = '2021-22-Q1'").query(Long.class).single();
        String form = page("police", "/data/rounds/" + round + "/agencies/" + agency("Metropolitan Police"));
        assertThat(form).contains("A whole number, like 235").contains("inputmode=\"numeric\"").doesNotContain("12.5");
    }
}
