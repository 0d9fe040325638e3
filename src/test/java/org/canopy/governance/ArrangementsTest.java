package org.canopy.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.canopy.support.CanopyDatabaseTest;
import org.canopy.support.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published arrangements: the three lead safeguarding partner roles with the delegates the 2020-21 report names,
 * the ICB standing today for the CCG of the 2020-21 record, the public page, who reads, edits and records sign-off,
 * identifiers refused with nothing saved, and another partnership seeing none of it.
 */
@CanopyDatabaseTest
class ArrangementsTest {

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

    @AfterEach
    void restoreDemo() {
        String added = "(select id from arrangements_version where version_number > 1 or recorded_by <> 'demo')";
        jdbc.sql("delete from arrangements_agency where arrangements_id in " + added).update();
        jdbc.sql("delete from arrangements_lead_partner where arrangements_id in " + added).update();
        jdbc.sql("delete from arrangements_version where version_number > 1 or recorded_by <> 'demo'").update();
        jdbc.sql("update arrangements_lead_partner set signed_off_on = null, signed_off_by = null, signed_off_at = null").update();
        jdbc.sql("delete from canopy_user where username = 'otherviewer'").update();
        jdbc.sql("delete from partnership where name = 'Other Partnership'").update();
    }

    @Test
    void theArrangementsNameTheThreeLeadPartnerRolesTheDelegatesAndTheIcbAsTheCcgsSuccessor() throws Exception {
        String page = page("viewer", "/governance/arrangements");
        assertThat(page).contains("Chief executive of the local authority").contains("Chief executive of the integrated care board")
                .contains("Chief officer of police")
                .contains("James Thomas").contains("Chetan Vyas").contains("Marcus Barnett")
                .contains("Named in the 2020-21 annual report")
                .contains(ICB + " (succeeded " + CCG + " on 1 July 2022)")
                .contains("Not recorded").contains("Not stated")
                .contains("rotate chairing THSCP Executive").contains("In March 2020");
        assertThat(page.replace(ICB + " (succeeded " + CCG, "")).doesNotContain("<td class=\"govuk-table__cell\">" + CCG);
    }

    @Test
    void theTwentyTwentyRecordShowsTheCcgWhileTodaysArrangementsShowTheIcb() throws Exception {
        String record = page("viewer", "/governance/arrangements/versions/1");
        assertThat(record).contains("As the 2020-21 annual report describes them").contains("31 March 2021")
                .contains(">" + CCG + "<").doesNotContain(ICB);
        assertThat(page("viewer", "/governance/arrangements")).contains(ICB);
        var api = json.readTree(mvc.perform(get("/api/v1/arrangements").with(Requests.user("viewer"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(api.get("version").asInt()).isEqualTo(1);
        assertThat(api.get("reviewDate").isNull()).isTrue();
        assertThat(api.get("signedOff").asBoolean()).isFalse();
        var health = api.get("leadSafeguardingPartners").valueStream()
                .filter(l -> l.get("role").asString().equals("INTEGRATED_CARE_BOARD")).findFirst().orElseThrow();
        assertThat(health.get("agencyId").asLong()).isEqualTo(agency(ICB));
        assertThat(health.get("name").isNull()).isTrue();
        assertThat(health.get("delegate").get("name").asString()).isEqualTo("Chetan Vyas");
        assertThat(health.get("delegate").get("role").asString()).contains("Director of Quality and Safety");
        assertThat(api.get("leadSafeguardingPartners").size()).isEqualTo(3);
        assertThat(api.get("relevantAgencyIds").isArray()).isTrue();
    }

    @Test
    void thePublicPageIsReadSignedOut() throws Exception {
        String page = new String(mvc.perform(get("/public/arrangements")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(page).contains("Published safeguarding arrangements").contains("Chetan Vyas")
                .contains(ICB + " (succeeded " + CCG + " on 1 July 2022)");
    }

    @Test
    void everyDemoRoleReadsOnlyTheAdministratorEditsAndOnlyExecutiveOrAdministratorSignsOff() throws Exception {
        for (String user : new String[] {"coordinator", "executive", "police", "health", "council", "chair", "scrutineer", "viewer"}) {
            assertThat(page(user, "/governance/arrangements")).contains("Marcus Barnett");
            mvc.perform(get("/api/v1/arrangements").with(Requests.user(user))).andExpect(status().isOk());
        }
        for (String user : new String[] {"executive", "police", "health", "council", "chair", "scrutineer", "viewer"}) {
            mvc.perform(get("/governance/arrangements/edit").with(Requests.signedIn(users, user))).andExpect(status().isForbidden());
            mvc.perform(edit(user)).andExpect(status().isForbidden());
        }
        for (String user : new String[] {"police", "health", "council", "chair", "scrutineer", "viewer"}) {
            mvc.perform(signOff(user, "POLICE", "2026-11-30")).andExpect(status().isForbidden());
        }
        assertThat(versions()).isEqualTo(1);
        assertThat(signedOff()).isZero();

        // The edit form starts from the version in force, naming today's agency for the health lead partner.
        String form = page("coordinator", "/governance/arrangements/edit");
        assertThat(form).contains("Record the new version").contains("value=\"Chetan Vyas\"")
                .containsPattern("value=\"" + agency(ICB) + "\"\\s+selected");
        mvc.perform(signOff("executive", "POLICE", "2026-11-30")).andExpect(status().is3xxRedirection());
        assertThat(page("viewer", "/governance/arrangements")).contains("Signed off on 30 November 2026")
                .contains("Recorded by executive");
        mvc.perform(edit("coordinator")).andExpect(status().is3xxRedirection());
        assertThat(versions()).isEqualTo(2);
        String now = page("viewer", "/governance/arrangements");
        assertThat(now).contains("https://example.org/thresholds").contains("Tower Hamlets College")
                .contains("Version 1").contains("Version 2");
        // The new version needs its own sign-off; the old one keeps its record.
        assertThat(json.readTree(mvc.perform(get("/api/v1/arrangements").with(Requests.user("viewer"))).andReturn()
                .getResponse().getContentAsString()).get("version").asInt()).isEqualTo(2);
        assertThat(page("viewer", "/governance/arrangements/versions/1")).contains("Signed off on 30 November 2026");
        assertThat(jdbc.sql("select count(*) from audit_event where record_type = 'arrangements'").query(Integer.class).single())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void identifiersInAnyTextFieldAreRefusedWithNothingSaved() throws Exception {
        for (String field : new String[] {"workingTogether", "scrutiny", "funding", "police-name", "police-delegate",
                "police-delegate-role", "local-authority-delegate"}) {
            String page = new String(mvc.perform(edit("coordinator", field, "Call 07700 900123 about NHS 943 476 5919"))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
            assertThat(page).as(field).contains("There is a problem").contains("looks like");
        }
        String link = new String(mvc.perform(edit("coordinator", "thresholdLink", "not a link"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(link).contains("starting https://");
        assertThat(versions()).isEqualTo(1);
    }

    @Test
    void anotherPartnershipSeesNoneOfIt() throws Exception {
        jdbc.sql("insert into partnership (name, area) values ('Other Partnership', 'Elsewhere')").update();
        jdbc.sql("""
                insert into canopy_user (partnership_id, username, display_name, password_hash, role)
                select p.id, 'otherviewer', 'Other viewer', u.password_hash, 'VIEWER' from partnership p, canopy_user u
                where p.name = 'Other Partnership' and u.username = 'viewer'""").update();
        assertThat(page("otherviewer", "/governance/arrangements")).contains("No arrangements are recorded yet")
                .doesNotContain("Chetan Vyas");
        mvc.perform(get("/governance/arrangements/versions/1").with(Requests.signedIn(users, "otherviewer")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/arrangements").with(Requests.user("otherviewer"))).andExpect(status().isNotFound());
        var agencies = mvc.perform(get("/api/v1/agencies").with(Requests.user("otherviewer"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(json.readTree(agencies).size()).isZero();
        long other = jdbc.sql("select id from partnership where name = 'Other Partnership'").query(Long.class).single();
        mvc.perform(get("/public/arrangements").param("partnership", String.valueOf(other))).andExpect(status().isNotFound());
    }

    MockHttpServletRequestBuilder edit(String user) {
        return edit(user, "funding", "Agreed each year.");
    }

    /** The edit form with one field given as {@code value} instead. */
    MockHttpServletRequestBuilder edit(String user, String field, String value) {
        var request = post("/governance/arrangements").with(Requests.signedIn(users, user)).with(csrf());
        request.param(field, value);
        return request
                .param("version", String.valueOf(versions()))
                .param("local-authority-agency", String.valueOf(agency("London Borough of Tower Hamlets")))
                .param("integrated-care-board-agency", String.valueOf(agency(ICB)))
                .param("police-agency", String.valueOf(agency("Metropolitan Police")))
                .param(field.equals("police-delegate") ? "unused" : "police-delegate", "Marcus Barnett")
                .param("agencyIds", String.valueOf(agency("Tower Hamlets College")), String.valueOf(agency("CAFCASS")))
                .param(field.equals("workingTogether") ? "unused" : "workingTogether", "The partners rotate chairing the executive.")
                .param(field.equals("thresholdLink") ? "unused" : "thresholdLink", "https://example.org/thresholds");
    }

    MockHttpServletRequestBuilder signOff(String user, String role, String iso) {
        int version = jdbc.sql("""
                select l.version from arrangements_lead_partner l join arrangements_version v on v.id = l.arrangements_id
                where l.lead_role = ? and v.version_number = (select max(version_number) from arrangements_version)""")
                .param(role).query(Integer.class).single();
        return post("/governance/arrangements/sign-offs").with(Requests.signedIn(users, user)).with(csrf())
                .param("role", role).param("leadVersion", String.valueOf(version))
                .with(Requests.date("signedOn-" + role.toLowerCase().replace('_', '-'), iso));
    }

    int versions() {
        return jdbc.sql("select count(*) from arrangements_version").query(Integer.class).single();
    }

    int signedOff() {
        return jdbc.sql("select count(*) from arrangements_lead_partner where signed_off_on is not null").query(Integer.class).single();
    }

    long agency(String name) {
        return jdbc.sql("select id from agency where name = ?").param(name).query(Long.class).single();
    }

    String page(String user, String url) throws Exception {
        return new String(mvc.perform(get(url).with(Requests.signedIn(users, user))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }
}
