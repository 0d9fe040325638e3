package org.canopy.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.canopy.support.CanopyDatabaseTest;
import org.canopy.support.Requests;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** Who may read and submit figures: every role reads, contributors submit for their own agency only, tenants apart. */
@CanopyDatabaseTest
class DataAuthorizationTest {

    static final List<String> READ_PAGES = List.of("/dashboard", "/dashboard/indicators/CIN_COUNT",
            "/dashboard/indicators/CIN_COUNT/chart.svg", "/dashboard/indicators/CIN_COUNT/trend.svg",
            "/dashboard/indicators/CIN_COUNT/export.csv", "/dashboard/indicators/CIN_COUNT/export.xlsx",
            "/dashboard/export.csv", "/dashboard/export.xlsx", "/data/quality", "/data/uploads");

    static final List<String> READ_API = List.of("/api/v1/indicators", "/api/v1/indicators/CIN_COUNT/series");

    static final List<String> SUBMITTERS = List.of("coordinator", "police", "health", "council");

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @AfterEach
    void removeImported() {
        Figures.removeImported(jdbc);
    }

    @Test
    void everyRoleReadsEveryDataPageAndEndpoint() throws Exception {
        for (String user : Requests.DEMO_USERS) {
            for (String page : READ_PAGES) {
                mvc.perform(get(page).with(Requests.signedIn(users, user))).andExpect(status().isOk());
            }
            for (String path : READ_API) {
                mvc.perform(get(path).with(Requests.user(user))).andExpect(status().isOk());
            }
        }
    }

    @Test
    void nobodySignedInIsSentToSignInOrGets401() throws Exception {
        for (String page : READ_PAGES) {
            mvc.perform(get(page)).andExpect(status().is3xxRedirection())
                    .andExpect(header().string("Location", Matchers.endsWith("/sign-in")));
        }
        mvc.perform(get("/dashboard/import")).andExpect(status().is3xxRedirection());
        for (String path : READ_API) {
            mvc.perform(get(path)).andExpect(status().isUnauthorized())
                    .andExpect(header().string("Content-Type", "application/problem+json"));
        }
        int before = Figures.observations(jdbc);
        mvc.perform(post("/api/v1/observations").contentType("text/csv")
                .content(Figures.HEADER + "CIN_COUNT,2016-17,Tower Hamlets,2810,\n")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/observations").with(httpBasic("coordinator", "wrong")).contentType("text/csv")
                .content(Figures.HEADER + "CIN_COUNT,2016-17,Tower Hamlets,2810,\n")).andExpect(status().isUnauthorized());
        assertThat(Figures.observations(jdbc)).isEqualTo(before);
    }

    @Test
    void aContributorSubmitsOnlyTheirOwnAgencysIndicators() throws Exception {
        int before = Figures.observations(jdbc);

        Figures.importCsv(mvc, "police", "CHILD_MENTAL_HEALTH_PREVALENCE,2020-21,Tower Hamlets,12.5,\n")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].row").value(2))
                .andExpect(jsonPath("$.errors[0].field").value("indicator"))
                .andExpect(jsonPath("$.errors[0].message").value("Your agency does not submit CHILD_MENTAL_HEALTH_PREVALENCE"
                        + " (it comes from Tower Hamlets Clinical Commissioning Group)"));
        // One row of someone else's in an otherwise good file refuses the whole file.
        Figures.importCsv(mvc, "police", "DOMESTIC_ABUSE_CASES,2020-21-Q3,Tower Hamlets,812,\n"
                + "CHILD_MENTAL_HEALTH_PREVALENCE,2020-21,Tower Hamlets,12.5,\n")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].row").value(3));
        Figures.importCsv(mvc, "council", "DOMESTIC_ABUSE_CASES,2020-21-Q3,Tower Hamlets,812,\n")
                .andExpect(status().isBadRequest());
        assertThat(Figures.observations(jdbc)).isEqualTo(before);

        // Their own agency's figures are taken, and wait for the quality assurance group (FigureReviewTest).
        Figures.importCsv(mvc, "police", "DOMESTIC_ABUSE_CASES,2020-21-Q3,Tower Hamlets,812,\n")
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.stored").value(0))
                .andExpect(jsonPath("$.submittedForReview").value(1));
        Figures.importCsv(mvc, "health", "CHILD_MENTAL_HEALTH_PREVALENCE,2020-21,Tower Hamlets,12.5,\n")
                .andExpect(status().isAccepted());
        assertThat(Figures.observations(jdbc)).isEqualTo(before);
    }

    @Test
    void readersCannotSubmitAtAll() throws Exception {
        int before = Figures.observations(jdbc);
        var file = new MockMultipartFile("file", "figures.csv", "text/csv",
                (Figures.HEADER + "CIN_COUNT,2016-17,Tower Hamlets,2810,\n").getBytes());

        for (String user : Requests.DEMO_USERS) {
            if (SUBMITTERS.contains(user)) {
                mvc.perform(get("/dashboard/import").with(Requests.signedIn(users, user))).andExpect(status().isOk());
                continue;
            }
            Figures.importCsv(mvc, user, "CIN_COUNT,2016-17,Tower Hamlets,2810,\n").andExpect(status().isForbidden())
                    .andExpect(header().string("Content-Type", "application/problem+json"));
            mvc.perform(Requests.json(post("/api/v1/observations"),
                    "[{\"indicator\":\"CIN_COUNT\",\"period\":\"2016-17\",\"area\":\"Tower Hamlets\",\"value\":2810}]")
                    .with(Requests.user(user))).andExpect(status().isForbidden());
            mvc.perform(get("/dashboard/import").with(Requests.signedIn(users, user))).andExpect(status().isForbidden());
            mvc.perform(multipart("/dashboard/import").file(file).with(csrf()).with(Requests.signedIn(users, user)))
                    .andExpect(status().isForbidden());
        }

        assertThat(Figures.observations(jdbc)).isEqualTo(before);
    }

    @Test
    void theImportPageNeedsItsCsrfToken() throws Exception {
        int before = Figures.observations(jdbc);
        var file = new MockMultipartFile("file", "figures.csv", "text/csv",
                (Figures.HEADER + "CIN_COUNT,2016-17,Tower Hamlets,2810,\n").getBytes());

        mvc.perform(multipart("/dashboard/import").file(file).with(Requests.signedIn(users, "coordinator")))
                .andExpect(status().isForbidden());

        assertThat(Figures.observations(jdbc)).isEqualTo(before);
    }

    @Test
    void aContributorDownloadsOnlyTheirOwnAgencysTemplate() throws Exception {
        long police = agencyId("Metropolitan Police");
        long ccg = agencyId("Tower Hamlets Clinical Commissioning Group");

        String template = mvc.perform(get("/dashboard/import/template.csv").param("agency", Long.toString(police))
                        .param("period", "2021-22-Q1").with(Requests.signedIn(users, "police")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(template).contains("DOMESTIC_ABUSE_CASES,2021-22-Q1,Tower Hamlets").doesNotContain("CHILD_MENTAL_HEALTH");

        mvc.perform(get("/dashboard/import/template.csv").param("agency", Long.toString(ccg))
                .with(Requests.signedIn(users, "police"))).andExpect(status().isForbidden());
        mvc.perform(get("/dashboard/import/template.csv").param("agency", Long.toString(ccg))
                .with(Requests.signedIn(users, "coordinator"))).andExpect(status().isOk());
    }

    @Test
    void anotherPartnershipsFiguresStayApart() throws Exception {
        long demo = jdbc.sql("select partnership_id from canopy_user where username = 'viewer'").query(Long.class).single();
        long other = otherPartnership();
        try {
            var demoCodes = jdbc.sql("select code from indicator where partnership_id = ? order by code").param(demo)
                    .query(String.class).list();
            mvc.perform(get("/api/v1/indicators").with(Requests.user("viewer"))).andExpect(status().isOk())
                    .andExpect(jsonPath("$[*].code").value(Matchers.contains(demoCodes.toArray())));
            mvc.perform(get("/api/v1/indicators/OTHER_ONLY/series").with(Requests.user("viewer")))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/indicators/CIN_COUNT/series").with(Requests.user("viewer")))
                    .andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].value").value(2944.0));

            mvc.perform(get("/api/v1/indicators").with(Requests.user("elsewhere")))
                    .andExpect(jsonPath("$[*].code").value(Matchers.contains("CIN_COUNT", "OTHER_ONLY")));
            mvc.perform(get("/api/v1/indicators/CIN_COUNT/series").with(Requests.user("elsewhere")))
                    .andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].value").value(1234.0));
            mvc.perform(get("/api/v1/indicators/RAPID_REVIEWS/series").with(Requests.user("elsewhere")))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/dashboard/indicators/RAPID_REVIEWS").with(Requests.signedIn(users, "elsewhere")))
                    .andExpect(status().isNotFound());
            assertThat(mvc.perform(get("/dashboard/export.csv").with(Requests.signedIn(users, "elsewhere")))
                    .andReturn().getResponse().getContentAsString()).contains("1234").doesNotContain("Tower Hamlets");

            // Its administrator cannot write into the demo partnership's catalogue or areas.
            int before = Figures.observations(jdbc);
            Figures.importCsv(mvc, "elsewhere", "RAPID_REVIEWS,2019-20,Tower Hamlets,4,\n")
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.length()").value(2));
            assertThat(Figures.observations(jdbc)).isEqualTo(before);

            // With two partnerships the public view must be told which one.
            mvc.perform(get("/api/v1/public/indicators/CIN_COUNT/series")).andExpect(status().isBadRequest());
            mvc.perform(get("/api/v1/public/indicators/CIN_COUNT/series").param("partnership", Long.toString(other)))
                    .andExpect(jsonPath("$[0].value").value(1234.0));
        } finally {
            jdbc.sql("delete from observation where indicator_id in (select id from indicator where partnership_id = ?)")
                    .param(other).update();
            jdbc.sql("delete from indicator where partnership_id = ?").param(other).update();
            jdbc.sql("delete from data_area where partnership_id = ?").param(other).update();
            jdbc.sql("delete from canopy_user where partnership_id = ?").param(other).update();
            jdbc.sql("delete from partnership where id = ?").param(other).update();
        }
    }

    /** A second tenant with its own area, a CIN_COUNT of its own and an administrator, "elsewhere" (password demo). */
    long otherPartnership() {
        jdbc.sql("insert into partnership (name, area) values ('Elsewhere partnership', 'Elsewhere')").update();
        long id = jdbc.sql("select id from partnership where name = 'Elsewhere partnership'").query(Long.class).single();
        String demoPassword = jdbc.sql("select password_hash from canopy_user where username = 'viewer'")
                .query(String.class).single();
        jdbc.sql("""
                insert into canopy_user (partnership_id, username, display_name, password_hash, role)
                values (?, 'elsewhere', 'Elsewhere administrator', ?, 'ADMINISTRATOR')""").params(id, demoPassword).update();
        jdbc.sql("insert into data_area (partnership_id, name, kind) values (?, 'Elsewhere', 'LOCAL_AUTHORITY')")
                .param(id).update();
        for (String code : List.of("CIN_COUNT", "OTHER_ONLY")) {
            jdbc.sql("""
                    insert into indicator (partnership_id, code, name, unit, polarity, frequency, is_public)
                    values (?, ?, ?, 'COUNT', 'NEUTRAL', 'ANNUAL', true)""").params(id, code, "Elsewhere " + code).update();
        }
        jdbc.sql("""
                insert into observation (indicator_id, area_id, period, period_start, observed_value, recorded_by, recorded_at)
                select i.id, a.id, '2020-21', date '2020-04-01', 1234, 'demo', current_timestamp
                from indicator i, data_area a where i.partnership_id = ? and i.code = 'CIN_COUNT' and a.partnership_id = ?""")
                .params(id, id).update();
        return id;
    }

    long agencyId(String name) {
        return jdbc.sql("select id from agency where name = ?").param(name).query(Long.class).single();
    }
}
