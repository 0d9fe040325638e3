package org.canopy.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.canopy.partnership.AgencyDirectory;
import org.canopy.support.CanopyDatabaseTest;
import org.canopy.support.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

/**
 * Agencies change: the demo's CCG existed until 30 June 2022 and was succeeded by the ICB; the directory names the ICB
 * for the CCG today and the CCG in 2020-21; the administrator sets an agency's period and successor, refused when the
 * period runs backwards, the agency would succeed itself or successors would go round in a circle.
 */
@CanopyDatabaseTest
class AgencySuccessionTest {

    static final String ICB = "North East London Integrated Care Board";
    static final String CCG = "Tower Hamlets Clinical Commissioning Group";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    UserDetailsService users;

    @Autowired
    AgencyDirectory agencies;

    @AfterEach
    void restoreDemo() {
        jdbc.sql("update agency set existed_from = null, existed_until = null, succeeded_by = null where name in ('CAFCASS', 'GPs')").update();
        jdbc.sql("update agency set existed_from = ?, existed_until = null, succeeded_by = null where name = ?")
                .params(LocalDate.of(2022, 7, 1), ICB).update();
    }

    @Test
    void theCcgStandsAsTheIcbTodayAndAsItselfInTwentyTwenty() {
        long p = partnership();
        long ccg = agency(CCG);
        assertThat(agencies.standingFor(p, ccg, LocalDate.of(2026, 12, 2)).orElseThrow().name()).isEqualTo(ICB);
        assertThat(agencies.standingFor(p, ccg, LocalDate.of(2021, 3, 31)).orElseThrow().name()).isEqualTo(CCG);
        assertThat(agencies.agenciesOn(p, LocalDate.of(2026, 12, 2))).extracting(a -> a.name()).contains(ICB).doesNotContain(CCG);
        assertThat(agencies.agenciesOn(p, LocalDate.of(2021, 3, 31))).extracting(a -> a.name()).contains(CCG).doesNotContain(ICB);
        // Records keep the agency of their day: the full list still holds the CCG under its own name.
        assertThat(agencies.agencies(p)).extracting(a -> a.name()).contains(CCG, ICB);
    }

    @Test
    void theAgenciesApiGivesEachAgencysKindPeriodAndSuccessor() throws Exception {
        var body = json.readTree(mvc.perform(get("/api/v1/agencies").with(Requests.user("viewer"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        var ccg = body.valueStream().filter(a -> a.get("name").asString().equals(CCG)).findFirst().orElseThrow();
        assertThat(ccg.get("kind").asString()).isEqualTo("STATUTORY_PARTNER");
        assertThat(ccg.get("from").isNull()).isTrue();
        assertThat(ccg.get("until").asString()).isEqualTo("2022-06-30");
        assertThat(ccg.get("successorId").asLong()).isEqualTo(agency(ICB));
        var icb = body.valueStream().filter(a -> a.get("name").asString().equals(ICB)).findFirst().orElseThrow();
        assertThat(icb.get("from").asString()).isEqualTo("2022-07-01");
        assertThat(icb.get("until").isNull()).isTrue();
        assertThat(icb.get("successorId").isNull()).isTrue();
        var schools = body.valueStream().filter(a -> a.get("name").asString().equals("Schools")).findFirst().orElseThrow();
        assertThat(schools.get("kind").asString()).isEqualTo("EDUCATION_OR_CHILDCARE");
        assertThat(schools.propertyNames()).containsExactly("id", "name", "kind", "from", "until", "successorId");
        mvc.perform(get("/api/v1/agencies")).andExpect(status().isUnauthorized());
    }

    @Test
    void theAdministratorSetsAPeriodAndSuccessorWithinTheRules() throws Exception {
        long cafcass = agency("CAFCASS");
        long gps = agency("GPs");
        assertThat(page("coordinator", "/admin/agencies")).contains(ICB).contains("From 1 July 2022")
                .contains("Education or childcare agency");
        assertThat(page("coordinator", "/admin/agencies/" + agency(CCG))).contains("Save period and successor")
                .contains("value=\"30\"").contains("value=\"2022\"");
        mvc.perform(get("/admin/agencies/" + cafcass).with(Requests.signedIn(users, "viewer"))).andExpect(status().isForbidden());
        assertThat(refused(set("coordinator", cafcass, "2022-07-01", "2022-06-30", ""))).contains("must be the same as or after");
        assertThat(refused(set("coordinator", cafcass, "", "", String.valueOf(cafcass)))).contains("cannot succeed itself");
        set("coordinator", gps, "", "2024-03-31", String.valueOf(cafcass)).andExpect(status().is3xxRedirection());
        assertThat(refused(set("coordinator", cafcass, "", "", String.valueOf(gps)))).contains("go round in a circle");
        assertThat(jdbc.sql("select succeeded_by from agency where id = ?").param(cafcass).query(Long.class).optional()
                .orElse(null)).isNull();
        assertThat(jdbc.sql("select succeeded_by from agency where id = ?").param(gps).query(Long.class).single()).isEqualTo(cafcass);
        assertThat(jdbc.sql("select count(*) from audit_event where record_type = 'agency' and action = 'succession'")
                .query(Integer.class).single()).isGreaterThanOrEqualTo(1);
        for (String user : new String[] {"executive", "police", "chair", "scrutineer", "viewer"}) {
            set(user, cafcass, "", "2025-01-01", "").andExpect(status().isForbidden());
        }
        assertThat(jdbc.sql("select existed_until from agency where id = ?").param(cafcass).query(LocalDate.class).optional()
                .orElse(null)).isNull();
    }

    ResultActions set(String user, long id, String from, String until, String successor) throws Exception {
        int version = jdbc.sql("select version from agency where id = ?").param(id).query(Integer.class).single();
        var request = post("/admin/agencies/" + id + "/succession").with(Requests.signedIn(users, user)).with(csrf())
                .param("version", String.valueOf(version)).param("successorId", successor);
        if (!from.isEmpty()) {
            request.with(Requests.date("from", from));
        }
        if (!until.isEmpty()) {
            request.with(Requests.date("until", until));
        }
        return mvc.perform(request);
    }

    String refused(ResultActions result) throws Exception {
        String page = new String(result.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray(),
                StandardCharsets.UTF_8);
        assertThat(page).contains("There is a problem");
        return page;
    }

    long partnership() {
        return jdbc.sql("select partnership_id from canopy_user where username = 'viewer'").query(Long.class).single();
    }

    long agency(String name) {
        return jdbc.sql("select id from agency where name = ?").param(name).query(Long.class).single();
    }

    String page(String user, String url) throws Exception {
        return new String(mvc.perform(get(url).with(Requests.signedIn(users, user))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }
}
