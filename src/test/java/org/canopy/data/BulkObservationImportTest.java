package org.canopy.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.List;
import org.canopy.support.CanopyDatabaseTest;
import org.canopy.support.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The bulk storing path of the observation import (COPY through a staging table on PostgreSQL, MERGE on
 * H2): thousands of rows land, a re-run replaces them with the new values, and a bad last row stores nothing.
 */
@CanopyDatabaseTest
class BulkObservationImportTest {

    static final String NARRATIVE = "Steady after the review,\n\"seen\" within\tfive days \\ no change";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void removeImported() {
        jdbc.sql("delete from observation where recorded_by = 'coordinator'").update();
    }

    /** 10 annual indicators x 3 areas x {@code months} financial years from 1900-01 on, each value a whole number up to 100. */
    static String csv(int firstMonth, int months, int offset, String narrative, List<String> codes) {
        var csv = new StringBuilder("indicator,period,area,value,narrative\n");
        for (int m = firstMonth; m < firstMonth + months; m++) {
            // Financial years: the demo's indicators are annual, and a figure's period must fit its indicator.
            String period = String.format("%d-%02d", 1900 + m, (1901 + m) % 100);
            for (String code : codes) {
                for (String area : List.of("Tower Hamlets", "London", "England")) {
                    csv.append(code).append(',').append(period).append(',').append(area).append(',')
                            .append((m + offset + code.length()) % 100).append(",\"")
                            .append(narrative.replace("\"", "\"\"")).append("\"\n");
                }
            }
        }
        return csv.toString();
    }

    List<String> codes() {
        return jdbc.sql("select code from indicator where frequency = 'ANNUAL' order by code").query(String.class).list().subList(0, 10);
    }

    int imported() {
        return jdbc.sql("select count(*) from observation where recorded_by = 'coordinator'").query(Integer.class).single();
    }

    @Test
    void thousandsOfRowsLandAndARerunReplacesThem() throws Exception {
        var codes = codes();
        int before = jdbc.sql("select count(*) from observation").query(Integer.class).single();
        mvc.perform(post("/api/v1/observations").with(Requests.user("coordinator")).contentType("text/csv")
                .content(csv(0, 100, 0, NARRATIVE, codes))).andExpect(status().isCreated())
                .andExpect(jsonPath("$.stored").value(3000));
        assertThat(imported()).isEqualTo(3000);
        assertThat(jdbc.sql("select distinct narrative from observation where recorded_by = 'coordinator'")
                .query(String.class).list()).containsExactly(NARRATIVE);

        mvc.perform(post("/api/v1/observations").with(Requests.user("coordinator")).contentType("text/csv")
                .content(csv(0, 100, 1, "Revised", codes))).andExpect(status().isCreated())
                .andExpect(jsonPath("$.stored").value(3000));
        assertThat(jdbc.sql("select count(*) from observation").query(Integer.class).single()).isEqualTo(before + 3000);
        String code = codes.get(0);
        var revised = jdbc.sql("""
                select o.observed_value, o.narrative, o.version from observation o join indicator i on i.id = o.indicator_id
                join data_area a on a.id = o.area_id where i.code = ? and a.name = 'London' and o.period = '1914-15'""")
                .params(code).query((rs, n) -> List.of(rs.getBigDecimal(1), rs.getString(2), rs.getInt(3))).single();
        // 1914-15 is year index 14: value (14 + 1 + code length) % 100.
        assertThat((BigDecimal) revised.get(0)).isEqualByComparingTo(BigDecimal.valueOf((15 + code.length()) % 100));
        assertThat(revised.subList(1, 3)).containsExactly("Revised", 1);
        assertThat(jdbc.sql("select count(*) from observation where recorded_by = 'coordinator' and version = 1")
                .query(Integer.class).single()).isEqualTo(3000);
    }

    @Test
    void aBadLastRowStoresNothing() throws Exception {
        String file = csv(0, 100, 0, "Fine", codes()) + codes().get(0) + ",2095-96,London,not a number,\n";
        mvc.perform(post("/api/v1/observations").with(Requests.user("coordinator")).contentType("text/csv").content(file))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].row").value(3002))
                .andExpect(jsonPath("$.errors[0].field").value("value"));
        assertThat(imported()).isZero();
    }
}
