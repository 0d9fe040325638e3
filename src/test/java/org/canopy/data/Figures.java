package org.canopy.data;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.canopy.support.Requests;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Helpers for the data module's integration tests: imports through the API and the observation table. */
final class Figures {

    static final String HEADER = "indicator,period,area,value,narrative\n";

    private Figures() {
    }

    /** POSTs CSV rows (after the header) to the import endpoint as a demo user. */
    static ResultActions importCsv(MockMvc mvc, String username, String rows) throws Exception {
        return mvc.perform(post("/api/v1/observations").with(Requests.user(username)).contentType("text/csv")
                .content(HEADER + rows));
    }

    static int observations(JdbcClient jdbc) {
        return jdbc.sql("select count(*) from observation").query(Integer.class).single();
    }

    /** The stored value of one figure in the demo borough, or null. */
    static java.math.BigDecimal value(JdbcClient jdbc, String code, String period) {
        return jdbc.sql("""
                select o.observed_value from observation o join indicator i on i.id = o.indicator_id
                join data_area a on a.id = o.area_id where i.code = ? and o.period = ? and a.name = 'Tower Hamlets'""")
                .params(code, period).query(java.math.BigDecimal.class).optional().orElse(null);
    }

    /** Stores the newest upload (a preview) as its uploader would, from its page; returns its id. */
    static long storeLatestUpload(MockMvc mvc, org.springframework.security.core.userdetails.UserDetailsService users,
            JdbcClient jdbc, String username) throws Exception {
        long id = jdbc.sql("select max(id) from figure_upload where uploaded_by = ?").param(username).query(Long.class).single();
        int version = jdbc.sql("select version from figure_upload where id = ?").param(id).query(Integer.class).single();
        mvc.perform(post("/data/uploads/" + id + "/store").with(Requests.signedIn(users, username))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("version", String.valueOf(version)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().is3xxRedirection());
        return id;
    }

    /** Removes every figure and upload a test made; the demo's own figures (recorded by "demo") stay. */
    static void removeImported(JdbcClient jdbc) {
        jdbc.sql("delete from figure_upload_row").update();
        jdbc.sql("delete from figure_upload").update();
        jdbc.sql("delete from observation_revision").update();
        jdbc.sql("delete from observation where recorded_by <> 'demo'").update();
    }
}
