package org.canopy.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
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

/** The administrator adds indicators from a catalogue file, whole or not at all. */
@CanopyDatabaseTest
class IndicatorCatalogueTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    static final String FILE = """
            format: canopy-indicators/1
            areas:
              - {name: "Tower Hamlets", kind: LOCAL_AUTHORITY}
              - {name: "Newham", kind: LOCAL_AUTHORITY, statisticalNeighbour: true}
            indicators:
              - code: "SCHOOL_EXCLUSIONS"
                name: "Permanent exclusions from school"
                unit: COUNT
                polarity: LOWER_IS_BETTER
                frequency: ANNUAL
                sourceAgency: "Schools"
                planPriorities: [4]
                observations:
                  - {period: "2020-21", area: "Newham", value: 40, source: "A test figure"}
            """;

    @AfterEach
    void restoreDemo() {
        jdbc.sql("delete from observation where indicator_id in (select id from indicator where code = 'SCHOOL_EXCLUSIONS')").update();
        jdbc.sql("delete from indicator_priority where indicator_id in (select id from indicator where code = 'SCHOOL_EXCLUSIONS')").update();
        jdbc.sql("delete from indicator where code = 'SCHOOL_EXCLUSIONS'").update();
        jdbc.sql("delete from data_area where name = 'Newham'").update();
    }

    MockMultipartFile file(String content) {
        return new MockMultipartFile("file", "catalogue.yaml", "application/yaml", content.getBytes(StandardCharsets.UTF_8));
    }

    int indicators() {
        return jdbc.sql("select count(*) from indicator").query(Integer.class).single();
    }

    @Test
    void aCatalogueFileIsAddedWholeAndAnAreaHeldIsReused() throws Exception {
        mvc.perform(get("/admin/indicators/load").with(Requests.signedIn(users, "coordinator"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("name=\"_csrf\"")))
                .andExpect(content().string(Matchers.containsString("action=\"/admin/indicators/load\"")));
        int before = indicators();
        mvc.perform(multipart("/admin/indicators/load").file(file(FILE)).with(Requests.signedIn(users, "coordinator")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(indicators()).isEqualTo(before + 1);
        assertThat(jdbc.sql("select count(*) from data_area where name = 'Tower Hamlets'").query(Integer.class).single()).isEqualTo(1);
        mvc.perform(get("/api/v1/indicators").with(Requests.user("viewer"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.code == 'SCHOOL_EXCLUSIONS')].sourceAgency").value("Schools"));
        mvc.perform(get("/api/v1/indicators/SCHOOL_EXCLUSIONS/series").with(Requests.user("viewer")))
                .andExpect(jsonPath("$[0].benchmarks.statisticalNeighbours").value(40));

        // Loaded again: the code is taken, so nothing at all is added.
        mvc.perform(multipart("/admin/indicators/load").file(file(FILE.replace("Newham", "Hackney")))
                        .with(Requests.signedIn(users, "coordinator")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("The catalogue already has an indicator SCHOOL_EXCLUSIONS")));
        assertThat(indicators()).isEqualTo(before + 1);
        assertThat(jdbc.sql("select count(*) from data_area where name = 'Hackney'").query(Integer.class).single()).isZero();
    }

    @Test
    void aFaultyFileIsRefusedWithEveryProblemAndOnlyTheAdministratorLoads() throws Exception {
        int before = indicators();
        mvc.perform(multipart("/admin/indicators/load").file(file(FILE.replace("unit: COUNT", "unit: DOZENS")
                        .replace("\"Schools\"", "\"Nowhere Agency\""))).with(Requests.signedIn(users, "coordinator")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("indicators[0].unit")));
        mvc.perform(multipart("/admin/indicators/load").file(file(FILE.replace("\"Schools\"", "\"Nowhere Agency\"")))
                        .with(Requests.signedIn(users, "coordinator")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("There is no agency called &#39;Nowhere Agency&#39;")));
        mvc.perform(multipart("/admin/indicators/load").file(file(FILE)).with(Requests.signedIn(users, "police")).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(indicators()).isEqualTo(before);
    }
}
