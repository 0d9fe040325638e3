package org.canopy.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.canopy.data.dashboard.Dashboard;
import org.canopy.data.observations.DataStore;
import org.canopy.support.CanopyDatabaseTest;
import org.canopy.support.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A dashboard tile reads its series' latest periods only, however long the history behind it; the indicator's own
 * page still shows the whole series.
 */
@CanopyDatabaseTest
class RecentFiguresTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    Dashboard dashboard;

    @AfterEach
    void restoreDemo() {
        Figures.removeImported(jdbc);
    }

    @Test
    void aTileReadsTheLatestPeriodsAndThePageTheWholeSeries() throws Exception {
        // 44 years before the demo's 2020-21 figure (235): 45 periods in all.
        var rows = new StringBuilder();
        for (int year = 1976; year < 2020; year++) {
            rows.append("CP_COUNT,").append(year).append('-').append(String.format("%02d", (year + 1) % 100))
                    .append(",Tower Hamlets,").append(150 + year % 50).append(",\n");
        }
        Figures.importCsv(mvc, "coordinator", rows.toString()).andExpect(status().isCreated());
        long partnership = jdbc.sql("select id from partnership").query(Long.class).single();

        var tile = dashboard.tiles(partnership).stream().filter(t -> t.indicator().code().equals("CP_COUNT")).findFirst().orElseThrow();
        assertThat(tile.series()).hasSize(DataStore.RECENT_PERIODS);
        assertThat(tile.series().get(0).period()).isEqualTo("1981-82");
        assertThat(tile.latest().period()).isEqualTo("2020-21");
        assertThat(tile.latest().value()).isEqualByComparingTo("235");

        assertThat(dashboard.tile(partnership, "CP_COUNT", null).series()).hasSize(45);
        var page = mvc.perform(get("/dashboard/indicators/CP_COUNT").with(Requests.signedIn(users, "viewer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("1976-77").contains("2020-21");
    }
}
