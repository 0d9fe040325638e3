package org.canopy.data;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.canopy.support.CanopyDatabaseTest;
import org.canopy.support.Requests;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Statistical neighbours configured by the administrator and loaded from CSV give an average; targets show in the series. */
@CanopyDatabaseTest
class BenchmarksTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @AfterEach
    void restoreDemo() {
        jdbc.sql("delete from observation where area_id in (select id from data_area where statistical_neighbour = true)").update();
        jdbc.sql("delete from data_area where statistical_neighbour = true").update();
        jdbc.sql("delete from indicator_target").update();
    }

    void addNeighbour(String name) throws Exception {
        mvc.perform(post("/dashboard/areas").with(Requests.signedIn(users, "coordinator")).with(csrf())
                .param("name", name).param("kind", "LOCAL_AUTHORITY").param("statisticalNeighbour", "true"))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void theNeighboursAverageAndTheTargetJoinTheSeries() throws Exception {
        addNeighbour("Neighbour A");
        addNeighbour("Neighbour B");
        mvc.perform(post("/api/v1/observations").with(Requests.user("coordinator")).contentType(new MediaType("text", "csv"))
                        .content("indicator,period,area,value,narrative\nCLA_RATE,2020-21,Neighbour A,50,\nCLA_RATE,2020-21,Neighbour B,61,\n"))
                .andExpect(status().isCreated());
        mvc.perform(post("/dashboard/indicators/CLA_RATE/targets").with(Requests.signedIn(users, "coordinator")).with(csrf())
                .param("targetPeriod", "2020-21").param("targetValue", "45")).andExpect(status().is3xxRedirection());
        // (50 + 61) / 2 = 55.5
        mvc.perform(get("/api/v1/indicators/CLA_RATE/series").with(Requests.user("viewer"))).andExpect(status().isOk())
                // The report's England and London figures are for 2019-20, a year with no local figure: still in the series.
                .andExpect(jsonPath("$[0].period").value("2019-20")).andExpect(jsonPath("$[0].value").doesNotExist())
                .andExpect(jsonPath("$[0].benchmarks.england").value(67)).andExpect(jsonPath("$[0].benchmarks.london").value(57))
                .andExpect(jsonPath("$[1].period").value("2020-21")).andExpect(jsonPath("$[1].value").value(42))
                .andExpect(jsonPath("$[1].benchmarks.statisticalNeighbours").value(55.5))
                .andExpect(jsonPath("$[1].target").value(45));
        mvc.perform(get("/dashboard/indicators/CLA_RATE").with(Requests.signedIn(users, "viewer"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("55.5")))
                .andExpect(content().string(Matchers.containsString("2020-21: 45 per 10,000")));
    }

    @Test
    void onlyTheAdministratorConfiguresAndTenNeighboursAtMost() throws Exception {
        mvc.perform(post("/dashboard/areas").with(Requests.signedIn(users, "police")).with(csrf()).param("name", "X")
                .param("kind", "LOCAL_AUTHORITY")).andExpect(status().isForbidden());
        mvc.perform(post("/dashboard/indicators/CLA_RATE/targets").with(Requests.signedIn(users, "executive")).with(csrf())
                .param("targetPeriod", "2020-21").param("targetValue", "45")).andExpect(status().isForbidden());
        for (int i = 1; i <= 10; i++) {
            addNeighbour("Neighbour " + i);
        }
        mvc.perform(post("/dashboard/areas").with(Requests.signedIn(users, "coordinator")).with(csrf()).param("name", "Neighbour 11")
                        .param("kind", "LOCAL_AUTHORITY").param("statisticalNeighbour", "true"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("already has its 10 statistical neighbours")));
        mvc.perform(post("/dashboard/indicators/CP_CATEGORY_NEGLECT/targets").with(Requests.signedIn(users, "coordinator")).with(csrf())
                        .param("targetPeriod", "2021-22").param("targetValue", "120"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("A percentage must be between 0 and 100")));
    }
}
