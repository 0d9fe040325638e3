package org.canopy.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.List;
import org.canopy.support.CanopyDatabaseTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The storing paths of one import side by side: on H2 rows of an indicator and area that hold no figure yet are
 * plain inserts and the others go through the revision copy and MERGE; on PostgreSQL all go through COPY and the
 * upsert. Whichever path a row takes, it stores the same values and provenance, a figure held is replaced (its
 * version up, its earlier value kept as a revision) and a figure not named in the file is left alone.
 */
@CanopyDatabaseTest
class ObservationWriterPathsTest {

    static final String AREA = "Writer paths test area";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    String a;
    String b;

    @BeforeEach
    void newArea() {
        long partnership = jdbc.sql("select partnership_id from data_area where name = 'Tower Hamlets'").query(Long.class).single();
        jdbc.sql("insert into data_area (partnership_id, name, kind) values (?, ?, 'LOCAL_AUTHORITY')").params(partnership, AREA)
                .update();
        var codes = jdbc.sql("select code from indicator where frequency = 'ANNUAL' and unit = 'COUNT' order by code")
                .query(String.class).list();
        a = codes.get(0);
        b = codes.get(1);
    }

    @AfterEach
    void removeAll() {
        Figures.removeImported(jdbc);
        jdbc.sql("delete from data_area where name = ?").param(AREA).update();
    }

    record Stored(BigDecimal value, String narrative, int version, String recordedBy, String importFile) {
    }

    Stored stored(String code, String area, String period) {
        return jdbc.sql("""
                select o.observed_value, o.narrative, o.version, o.recorded_by, o.import_file from observation o
                join indicator i on i.id = o.indicator_id join data_area d on d.id = o.area_id
                where i.code = ? and d.name = ? and o.period = ?""").params(code, area, period)
                .query((rs, n) -> new Stored(rs.getBigDecimal(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5)))
                .optional().orElse(null);
    }

    List<BigDecimal> revisions(String code, String area, String period) {
        return jdbc.sql("""
                select r.observed_value from observation_revision r join indicator i on i.id = r.indicator_id
                join data_area d on d.id = r.area_id where i.code = ? and d.name = ? and r.period = ?""")
                .params(code, area, period).query(BigDecimal.class).list();
    }

    @Test
    void newSeriesAndHeldSeriesInOneFileBothStoreAndReplace() throws Exception {
        // First import: the test area's series of indicator a holds two years; b holds nothing anywhere in 1900s.
        Figures.importCsv(mvc, "coordinator", a + ",1900-01," + AREA + ",10,First\n" + a + ",1901-02," + AREA + ",11,First\n")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.stored").value(2));
        assertThat(stored(a, AREA, "1900-01")).isEqualTo(new Stored(new BigDecimal("10.0000"), "First", 0, "coordinator",
                "an API upload"));

        // Second import: a held series (one figure replaced, one year new to it) and two series new to the table.
        Figures.importCsv(mvc, "coordinator", String.join("\n",
                        a + ",1901-02," + AREA + ",21,Revised",
                        b + ",1900-01," + AREA + ",30,",
                        a + ",1902-03," + AREA + ",22,Added to a held series",
                        b + ",1901-02," + AREA + ",\"31\",\"New, \"\"quoted\"\"\"") + "\n")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.stored").value(4));

        assertThat(stored(a, AREA, "1900-01")).as("not in the second file: untouched")
                .isEqualTo(new Stored(new BigDecimal("10.0000"), "First", 0, "coordinator", "an API upload"));
        assertThat(stored(a, AREA, "1901-02")).as("replaced")
                .isEqualTo(new Stored(new BigDecimal("21.0000"), "Revised", 1, "coordinator", "an API upload"));
        assertThat(revisions(a, AREA, "1901-02")).containsExactly(new BigDecimal("11.0000"));
        assertThat(stored(a, AREA, "1902-03")).as("new year of a held series")
                .isEqualTo(new Stored(new BigDecimal("22.0000"), "Added to a held series", 0, "coordinator", "an API upload"));
        assertThat(stored(b, AREA, "1900-01")).as("new series, blank narrative")
                .isEqualTo(new Stored(new BigDecimal("30.0000"), null, 0, "coordinator", "an API upload"));
        assertThat(stored(b, AREA, "1901-02")).as("new series")
                .isEqualTo(new Stored(new BigDecimal("31.0000"), "New, \"quoted\"", 0, "coordinator", "an API upload"));
        assertThat(revisions(b, AREA, "1900-01")).isEmpty();
        assertThat(revisions(a, AREA, "1902-03")).isEmpty();
        assertThat(jdbc.sql("select count(*) from observation o join data_area d on d.id = o.area_id where d.name = ?")
                .param(AREA).query(Integer.class).single()).isEqualTo(5);

        // Third import: every figure of both series again, so that the new-series rows are now replaced as well.
        Figures.importCsv(mvc, "coordinator", b + ",1900-01," + AREA + ",40,Third\n" + b + ",1901-02," + AREA + ",41,\n")
                .andExpect(status().isCreated());
        assertThat(stored(b, AREA, "1900-01")).isEqualTo(new Stored(new BigDecimal("40.0000"), "Third", 1, "coordinator",
                "an API upload"));
        assertThat(stored(b, AREA, "1901-02")).isEqualTo(new Stored(new BigDecimal("41.0000"), null, 1, "coordinator",
                "an API upload"));
        assertThat(revisions(b, AREA, "1900-01")).containsExactly(new BigDecimal("30.0000"));
    }

    @Test
    void aFileLargerThanABatchOfNewSeriesStoresEveryRow() throws Exception {
        // More rows than two of H2's statements take (5,000 each), all new: every chunk lands, with its own values.
        var csv = new StringBuilder();
        int years = 10_400;
        for (int y = 0; y < years; y++) {
            csv.append(y % 2 == 0 ? a : b).append(',').append(String.format("%d-%02d", 1000 + y / 2, (1001 + y / 2) % 100))
                    .append(',').append(AREA).append(',').append(y).append(",\n");
        }
        Figures.importCsv(mvc, "coordinator", csv.toString()).andExpect(status().isCreated())
                .andExpect(jsonPath("$.stored").value(years));
        assertThat(jdbc.sql("select count(*), sum(o.observed_value) from observation o join data_area d on d.id = o.area_id"
                        + " where d.name = ?").param(AREA)
                .query((rs, n) -> List.of(rs.getLong(1), rs.getBigDecimal(2).longValue())).single())
                .containsExactly((long) years, (long) years * (years - 1) / 2);
        // Row 2599 (counting from 0) is b's, the year 1000 + 1299.
        assertThat(stored(b, AREA, "2299-00").value()).isEqualByComparingTo(BigDecimal.valueOf(2599));
        assertThat(stored(a, AREA, "6199-00").value()).isEqualByComparingTo(BigDecimal.valueOf(years - 2));
    }
}
