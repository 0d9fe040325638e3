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

    /** Removes every figure a test imported; the demo's own figures (recorded by "demo") stay. */
    static void removeImported(JdbcClient jdbc) {
        jdbc.sql("delete from observation where recorded_by <> 'demo'").update();
    }
}
