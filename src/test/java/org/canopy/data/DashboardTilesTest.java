package org.canopy.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.canopy.support.CanopyDatabaseTest;
import org.canopy.support.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The dashboard reads every tile at once (only the areas a tile shows, all targets in one query); each
 * indicator page reads its own. Both must give the same series, with a statistical neighbour and an
 * area that is neither home nor compared holding figures too.
 */
@CanopyDatabaseTest
class DashboardTilesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @AfterEach
    void removeAdded() {
        jdbc.sql("delete from observation where recorded_by = 'coordinator'").update();
        jdbc.sql("delete from data_area where name in ('Hackney', 'Elsewhere')").update();
    }

    @Test
    void theDashboardShowsWhatEachIndicatorPageShows() throws Exception {
        long partnership = jdbc.sql("select partnership_id from data_area where name = 'Tower Hamlets'").query(Long.class).single();
        jdbc.sql("insert into data_area (partnership_id, name, kind, statistical_neighbour) values (?, 'Hackney', 'LOCAL_AUTHORITY', true)")
                .param(partnership).update();
        jdbc.sql("insert into data_area (partnership_id, name, kind) values (?, 'Elsewhere', 'LOCAL_AUTHORITY')")
                .param(partnership).update();
        List<String> codes = jdbc.sql("select code from indicator where partnership_id = ? and frequency = 'ANNUAL' order by code").param(partnership)
                .query(String.class).list();
        var csv = new StringBuilder("indicator,period,area,value,narrative\n");
        for (String code : codes.subList(0, 5)) {
            for (String area : List.of("Tower Hamlets", "England", "Hackney", "Elsewhere")) {
                for (int month = 1; month <= 12; month++) {
                    csv.append(String.format("%s,%d-%02d,%s,%d,\n", code, 2029 + month, (2030 + month) % 100, area,
                            (month * 7 + area.length()) % 90));
                }
            }
        }
        mvc.perform(post("/api/v1/observations").with(Requests.user("coordinator")).contentType("text/csv")
                .content(csv.toString())).andExpect(status().isCreated());

        var dashboard = lines(export("/dashboard/export.csv"));
        var oneByOne = new ArrayList<String>();
        for (String code : codes) {
            oneByOne.addAll(lines(export("/dashboard/indicators/" + code + "/export.csv")));
        }
        assertThat(dashboard).hasSizeGreaterThan(5 * 12).containsExactlyElementsOf(oneByOne)
                .anyMatch(line -> line.contains(",2030-31,"));
    }

    @Test
    void pagesNameTheSignalOnceASeriesIsLongEnough() throws Exception {
        String code = jdbc.sql("select min(code) from indicator where frequency = 'ANNUAL'").query(String.class).single();
        var csv = new StringBuilder("indicator,period,area,value,narrative\n");
        for (int year = 1; year <= 12; year++) {
            csv.append(String.format("%s,%d-%02d,Tower Hamlets,%d,\n", code, 2029 + year, (2030 + year) % 100, year % 3));
        }
        mvc.perform(post("/api/v1/observations").with(Requests.user("coordinator")).contentType("text/csv")
                .content(csv.toString())).andExpect(status().isCreated());
        for (String page : List.of("/dashboard", "/dashboard/indicators/" + code)) {
            assertThat(export(page)).as(page).contains("No signal");
        }
    }

    String export(String url) throws Exception {
        return new String(mvc.perform(get(url).with(Requests.signedIn(users, "coordinator")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    static List<String> lines(String csv) {
        var lines = Arrays.asList(csv.split("\r\n"));
        return lines.subList(1, lines.size());
    }
}
