package org.canopy.funding;

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
 * The shared budget: the report's 2020-21 table with its computed deficit, pence, the partners' shares against each
 * basis, refused money, who may do what, another partnership, the published statement, the downloads and the API.
 */
@CanopyDatabaseTest
class FundingTest {

    static final String YEAR = "2030-31";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JsonMapper json;

    @AfterEach
    void cleanUp() {
        String added = "(select id from funding_year where financial_year <> '2020-21' or created_by <> 'demo')";
        for (String table : new String[] {"funding_sign_off", "funding_contribution", "funding_in_kind", "funding_outgoing"}) {
            jdbc.sql("delete from " + table + " where year_id in " + added).update();
        }
        jdbc.sql("delete from funding_year where financial_year <> '2020-21' or created_by <> 'demo'").update();
        jdbc.sql("update funding_year set published = true").update();
        jdbc.sql("delete from canopy_user where username in ('otherviewer', 'youngfunding')").update();
        jdbc.sql("delete from partnership where name = 'Other Funding Partnership'").update();
    }

    String page(String user, String path) throws Exception {
        return new String(mvc.perform(get(path).with(Requests.signedIn(users, user))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    String form(MockHttpServletRequestBuilder request, String user) throws Exception {
        return new String(mvc.perform(request.with(Requests.signedIn(users, user)).with(csrf())).andReturn().getResponse()
                .getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    long agency(String name) {
        return jdbc.sql("select a.id from agency a join canopy_user u on u.partnership_id = a.partnership_id where u.username = 'viewer' and a.name = ?")
                .param(name).query(Long.class).single();
    }

    int rows(String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }

    void addYear() throws Exception {
        mvc.perform(post("/funding/years").param("financialYear", YEAR).with(Requests.signedIn(users, "coordinator")).with(csrf()))
                .andExpect(status().is3xxRedirection());
    }

    void contribution(String agency, String received) throws Exception {
        mvc.perform(post("/funding/" + YEAR + "/contributions").param("agency", String.valueOf(agency(agency))).param("received", received)
                .with(Requests.signedIn(users, "coordinator")).with(csrf())).andExpect(status().is3xxRedirection());
    }

    @Test
    void theDemoIsTheReportsTableWithTheComputedDeficit() throws Exception {
        for (String user : new String[] {"viewer", "scrutineer", "executive", "police", "chair", "coordinator"}) {
            String year = page(user, "/funding/2020-21");
            assertThat(year).contains("Metropolitan Police", "£5,000.00", "Barts Health NHS Trust", "£3,000.00",
                    "Tower Hamlets Clinical Commissioning Group", "£45,000.00", "East London NHS Foundation Trust", "£2,500.00",
                    "London Borough of Tower Hamlets", "£148,000.00", "London Fire Brigade", "£500.00", "CAFCASS", "£550.00",
                    "£204,550.00", "Business Unit Salaries and Oncosts", "£133,000.00", "Training", "£13,500.00", "Thematic Review",
                    "£38,370.00", "Independent Scrutineer", "£30,500.00", "£215,370.00", "Income less outgoings", "A deficit of £10,820.00",
                    "Not stated", "No basis chosen", "Not signed off", "conducting reviews, audits");
        }
        String overview = page("viewer", "/funding");
        assertThat(overview).contains("2020-21", "£204,550.00", "£215,370.00", "A deficit of £10,820.00").doesNotContain("Add a financial year");
        // the shares of the total and of the three, without a basis: the police £5,000 of £204,550 and of £198,000
        assertThat(page("viewer", "/funding/2020-21")).contains("2.4%", "2.5%", "72.4%", "74.7%", "22.0%", "22.7%");
        var api = json.readTree(mvc.perform(get("/api/v1/funding/years/2020-21").with(Requests.user("viewer"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(api.get("income").asString()).isEqualTo("204550.00");
        assertThat(api.get("spending").asString()).isEqualTo("215370.00");
        assertThat(api.get("balance").asString()).isEqualTo("-10820.00");
        assertThat(api.get("contributions").get(0).get("agreed").isNull()).isTrue();
        assertThat(json.readTree(mvc.perform(get("/api/v1/funding/2020-21").with(Requests.user("viewer"))).andReturn().getResponse()
                .getContentAsString()).get("outgoings").size()).isEqualTo(4);
        assertThat(mvc.perform(get("/api/v1/funding/years").with(Requests.user("viewer"))).andReturn().getResponse().getContentAsString())
                .contains("\"2020-21\"", "\"-10820.00\"");
    }

    @Test
    void thePublishedStatementShowsEveryLineToAnyoneOnceItIsPublished() throws Exception {
        String statement = new String(mvc.perform(get("/public/funding/2020-21")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(statement).contains("Funding statement 2020-21", "Metropolitan Police", "CAFCASS", "London Fire Brigade", "£204,550.00",
                "Thematic Review", "£215,370.00", "A deficit of £10,820.00").doesNotContain("Change");
        addYear();
        mvc.perform(get("/public/funding/" + YEAR)).andExpect(status().isNotFound());
        mvc.perform(post("/funding/" + YEAR + "/publication").param("published", "true").with(Requests.signedIn(users, "viewer")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/public/funding/" + YEAR)).andExpect(status().isNotFound());
        mvc.perform(post("/funding/" + YEAR + "/publication").param("published", "true").with(Requests.signedIn(users, "coordinator")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/public/funding/" + YEAR)).andExpect(status().isOk());
    }

    @Test
    void penceAreExactAndTheBalanceCarriesForward() throws Exception {
        addYear();
        contribution("Metropolitan Police", "0.10");
        contribution("CAFCASS", "£0.20");
        form(post("/funding/" + YEAR + "/outgoings").param("category", "OTHER").param("line", "Stamps").param("budget", "0.30").param("actual", "0.30"), "coordinator");
        assertThat(page("viewer", "/funding/" + YEAR)).contains("£0.30", "Balanced");
        form(post("/funding/" + YEAR + "/outgoings").param("category", "TRAINING").param("line", "Room hire").param("budget", "2.00").param("actual", "1.00"), "coordinator");
        String year = page("viewer", "/funding/" + YEAR);
        assertThat(year).contains("A deficit of £1.00", "£1.00");
        // 2031-32 carries the deficit forward as income
        mvc.perform(post("/funding/years").param("financialYear", "2031-32").with(Requests.signedIn(users, "coordinator")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(page("viewer", "/funding/2031-32")).contains("Carried forward from " + YEAR, "-£1.00", "A deficit of £1.00");
        long audited = jdbc.sql("select count(*) from audit_event where record_type = 'funding outgoing' and after_state like '%1.00%'")
                .query(Long.class).single();
        for (int i = 0; i < 50 && audited == 0; i++) {
            Thread.sleep(100);
            audited = jdbc.sql("select count(*) from audit_event where record_type = 'funding outgoing' and after_state like '%1.00%'")
                    .query(Long.class).single();
        }
        assertThat(audited).isPositive();
    }

    @Test
    void eachPartnersShareIsSetBesideEachBasis() throws Exception {
        addYear();
        contribution("London Borough of Tower Hamlets", "60000");
        contribution("Tower Hamlets Clinical Commissioning Group", "30000");
        contribution("Metropolitan Police", "10000");
        contribution("CAFCASS", "100");
        form(settings("NONE", "", "", "", null), "coordinator");
        String none = page("viewer", "/funding/" + YEAR);
        assertThat(none).contains("No basis chosen", "59.9%", "60.0%", "30.0%", "10.0%");

        String thirds = form(settings("EQUAL_THIRDS", "", "", "", null), "coordinator");
        assertThat(thirds).isEmpty();
        assertThat(page("viewer", "/funding/" + YEAR)).contains("Equal thirds", "33.3%", "£33,333.33", "£26,666.67", "-£3,333.33",
                "-£23,333.33");

        form(settings("POPULATION", "50", "30", "20", null), "coordinator");
        assertThat(page("viewer", "/funding/" + YEAR)).contains("Population", "50.0%", "£50,000.00", "£10,000.00", "£20,000.00",
                "-£10,000.00", "£0.00");

        String refused = form(settings("FORMULA", "40", "40", "30", null), "coordinator");
        assertThat(refused).contains("There is a problem", "The three shares must add up to 100%", "Enter the description of the basis");
        form(settings("FORMULA", "45.5", "34.5", "20", "Agreed at the Executive: by each partner's budget"), "coordinator");
        assertThat(page("viewer", "/funding/" + YEAR)).contains("An agreed formula", "by each partner&#39;s budget", "45.5%", "£45,500.00",
                "£14,500.00", "£34,500.00", "-£4,500.00");
    }

    MockHttpServletRequestBuilder settings(String basis, String la, String icb, String police, String description) {
        int version = jdbc.sql("select version from funding_year where financial_year = ?").param(YEAR).query(Integer.class).single();
        var request = post("/funding/" + YEAR + "/settings").param("basis", basis).param("laShare", la).param("icbShare", icb)
                .param("policeShare", police).param("version", String.valueOf(version))
                .param("laAgency", String.valueOf(agency("London Borough of Tower Hamlets")))
                .param("icbAgency", String.valueOf(agency("Tower Hamlets Clinical Commissioning Group")))
                .param("policeAgency", String.valueOf(agency("Metropolitan Police")));
        return description == null ? request : request.param("basisDescription", description);
    }

    @Test
    void negativeMoneyAndThreeDecimalPlacesAreRefusedWithNothingStored() throws Exception {
        addYear();
        int before = rows("funding_contribution");
        String negative = form(post("/funding/" + YEAR + "/contributions").param("agency", String.valueOf(agency("CAFCASS")))
                .param("received", "-550"), "coordinator");
        assertThat(negative).contains("There is a problem", "must be £0.00 or more");
        String pence = form(post("/funding/" + YEAR + "/contributions").param("agency", String.valueOf(agency("CAFCASS")))
                .param("agreed", "12.345"), "coordinator");
        assertThat(pence).contains("no more than 2 decimal places");
        String outgoing = form(post("/funding/" + YEAR + "/outgoings").param("category", "OTHER").param("line", "Refund").param("actual", "-1"), "coordinator");
        assertThat(outgoing).contains("must be £0.00 or more");
        String identifier = form(post("/funding/" + YEAR + "/outgoings").param("category", "OTHER").param("line", "Refund, ring 07700 900123")
                .param("actual", "1"), "coordinator");
        assertThat(identifier).contains("There is a problem", "looks like");
        assertThat(rows("funding_contribution")).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from funding_outgoing where line like 'Refund%'").query(Integer.class).single()).isZero();
        mvc.perform(Requests.json(post("/api/v1/funding/years/" + YEAR + "/received"), "{\"agencyId\": " + agency("Metropolitan Police")
                + ", \"received\": \"-5\"}").with(Requests.user("police"))).andExpect(status().isBadRequest());
        assertThat(rows("funding_contribution")).isEqualTo(before);
    }

    @Test
    void eachRoleDoesOnlyWhatItMay() throws Exception {
        addYear();
        jdbc.sql("""
                insert into canopy_user (partnership_id, username, display_name, password_hash, role)
                select partnership_id, 'youngfunding', 'Sam', password_hash, 'YOUNG_SCRUTINEER' from canopy_user where username = 'viewer'""").update();
        long met = agency("Metropolitan Police");
        long cafcass = agency("CAFCASS");
        for (String user : new String[] {"viewer", "scrutineer", "youngfunding", "executive", "chair"}) {
            assertThat(page(user, "/funding/" + YEAR)).contains("The shared budget " + YEAR).doesNotContain("Add an outgoing");
            for (var write : new MockHttpServletRequestBuilder[] {
                    post("/funding/" + YEAR + "/contributions").param("agency", String.valueOf(met)).param("received", "5"),
                    post("/funding/" + YEAR + "/outgoings").param("category", "OTHER").param("line", "X").param("actual", "5"),
                    post("/funding/" + YEAR + "/in-kind").param("agency", String.valueOf(met)).param("kind", "DATA").param("hours", "5"),
                    post("/funding/" + YEAR + "/settings").param("basis", "EQUAL_THIRDS").param("version", "0"),
                    post("/funding/years").param("financialYear", "2040-41")}) {
                mvc.perform(write.with(Requests.signedIn(users, user)).with(csrf())).andExpect(status().isForbidden());
            }
        }
        for (String user : new String[] {"viewer", "scrutineer", "youngfunding", "chair", "police"}) {
            mvc.perform(post("/funding/" + YEAR + "/sign-off").param("role", "POLICE").param("signedBy", "Chief officer")
                    .with(Requests.date("signedOn", "2026-04-01")).with(Requests.signedIn(users, user)).with(csrf())).andExpect(status().isForbidden());
        }
        assertThat(rows("funding_contribution where year_id in (select id from funding_year where financial_year = '" + YEAR + "')")).isZero();
        assertThat(rows("funding_outgoing where line = 'X'")).isZero();
        assertThat(rows("funding_sign_off")).isZero();

        // the police contributor records what their own agency paid and gave in kind, nothing for another agency, no outgoings
        assertThat(page("police", "/funding/" + YEAR)).contains("Add a contribution").doesNotContain("Add an outgoing");
        mvc.perform(post("/funding/" + YEAR + "/contributions").param("agency", String.valueOf(met)).param("received", "5000").param("agreed", "9")
                .with(Requests.signedIn(users, "police")).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select agreed from funding_contribution where agency_id = ? and year_id in (select id from funding_year where financial_year = ?)")
                .params(met, YEAR).query(java.math.BigDecimal.class).optional()).isEmpty();
        mvc.perform(post("/funding/" + YEAR + "/contributions").param("agency", String.valueOf(cafcass)).param("received", "5")
                .with(Requests.signedIn(users, "police")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/funding/" + YEAR + "/in-kind").param("agency", String.valueOf(met)).param("kind", "CHAIRING").param("hours", "12")
                .with(Requests.signedIn(users, "police")).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/funding/" + YEAR + "/in-kind").param("agency", String.valueOf(cafcass)).param("kind", "CHAIRING").param("hours", "12")
                .with(Requests.signedIn(users, "police")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/funding/" + YEAR + "/outgoings").param("category", "OTHER").param("line", "X").param("actual", "5")
                .with(Requests.signedIn(users, "police")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(Requests.json(post("/api/v1/funding/years/" + YEAR + "/received"), "{\"agencyId\": " + met + ", \"received\": \"5100.50\"}")
                .with(Requests.user("police"))).andExpect(status().isCreated());
        mvc.perform(Requests.json(post("/api/v1/funding/years/" + YEAR + "/received"), "{\"agencyId\": " + cafcass + ", \"received\": \"5\"}")
                .with(Requests.user("police"))).andExpect(status().isForbidden());
        mvc.perform(Requests.json(post("/api/v1/funding/years/" + YEAR + "/received"), "{\"agencyId\": " + met + ", \"received\": \"5\"}")
                .with(Requests.user("viewer"))).andExpect(status().isForbidden());
        String year = page("viewer", "/funding/" + YEAR);
        assertThat(year).contains("£5,100.50", "Chairing");

        // the executive records a lead partner's sign-off; the page shows who has and who has not
        mvc.perform(post("/funding/" + YEAR + "/sign-off").param("role", "POLICE").param("signedBy", "The chief officer of police")
                .with(Requests.date("signedOn", "2026-04-01")).with(Requests.signedIn(users, "executive")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(page("viewer", "/funding/" + YEAR)).contains("Signed off", "by The chief officer of police on 1 April 2026 (recorded by executive)",
                "Not signed off");
    }

    @Test
    void aSecondWriterIsToldOfTheFirstsChangeAndTheHistoryHoldsBothAmounts() throws Exception {
        addYear();
        contribution("CAFCASS", "550");
        long id = jdbc.sql("select id from funding_contribution where agency_id = ? and year_id in (select id from funding_year where financial_year = ?)")
                .params(agency("CAFCASS"), YEAR).query(Long.class).single();
        assertThat(page("coordinator", "/funding/" + YEAR + "/contributions/" + id)).contains("Change the contribution of CAFCASS", "550.00");
        form(post("/funding/" + YEAR + "/contributions/" + id).param("received", "600").param("version", "0"), "coordinator");
        String stale = form(post("/funding/" + YEAR + "/contributions/" + id).param("received", "700").param("version", "0"), "coordinator");
        assertThat(stale).contains("There is a problem", "Someone else changed this contribution since you opened it");
        assertThat(jdbc.sql("select received from funding_contribution where id = ?").param(id).query(java.math.BigDecimal.class).single())
                .isEqualByComparingTo("600");
        String history = null;
        for (int i = 0; i < 50 && history == null; i++) {
            history = jdbc.sql("select summary from audit_event where record_type = 'funding contribution' and record_id = ? and action = 'changed'")
                    .param(String.valueOf(id)).query(String.class).optional().orElse(null);
            if (history == null) {
                Thread.sleep(100);
            }
        }
        assertThat(history).contains("received £550.00 to £600.00");
    }

    @Test
    void anotherPartnershipSeesNothing() throws Exception {
        jdbc.sql("insert into partnership (name, area) values ('Other Funding Partnership', 'Elsewhere')").update();
        jdbc.sql("""
                insert into canopy_user (partnership_id, username, display_name, password_hash, role)
                select p.id, 'otherviewer', 'Other viewer', u.password_hash, 'ADMINISTRATOR' from partnership p, canopy_user u
                where p.name = 'Other Funding Partnership' and u.username = 'viewer'""").update();
        assertThat(page("otherviewer", "/funding")).contains("No budgets recorded yet").doesNotContain("2020-21");
        mvc.perform(get("/funding/2020-21").with(Requests.signedIn(users, "otherviewer"))).andExpect(status().isNotFound());
        mvc.perform(get("/funding/2020-21.csv").with(Requests.signedIn(users, "otherviewer"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/funding/years/2020-21").with(Requests.user("otherviewer"))).andExpect(status().isNotFound());
        long other = jdbc.sql("select id from partnership where name = 'Other Funding Partnership'").query(Long.class).single();
        mvc.perform(get("/public/funding/2020-21").param("partnership", String.valueOf(other))).andExpect(status().isNotFound());
        // with two partnerships, the only one that publishes is still found
        mvc.perform(get("/public/funding/2020-21")).andExpect(status().isOk());
    }

    @Test
    void theDownloadsHoldTheAmounts() throws Exception {
        var csv = mvc.perform(get("/funding/2020-21.csv").with(Requests.signedIn(users, "viewer"))).andExpect(status().isOk()).andReturn()
                .getResponse();
        String text = new String(csv.getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(text).contains("Metropolitan Police", "5000.00", "148000.00", "Thematic Review", "38370.00", "204550.00", "215370.00",
                "-10820.00", "A deficit of £10,820.00");
        var xlsx = mvc.perform(get("/funding/2020-21.xlsx").with(Requests.signedIn(users, "viewer"))).andExpect(status().isOk()).andReturn()
                .getResponse();
        assertThat(xlsx.getContentType()).contains("spreadsheetml");
        var bytes = xlsx.getContentAsByteArray();
        String sheet = unzipped(bytes);
        assertThat(sheet).contains("Metropolitan Police", "Thematic Review", "148000", "38370", "-10820");
    }

    static String unzipped(byte[] bytes) throws Exception {
        var out = new StringBuilder();
        var file = java.nio.file.Files.createTempFile("funding", ".xlsx");
        try {
            java.nio.file.Files.write(file, bytes);
            try (var zip = new java.util.zip.ZipFile(file.toFile())) {
                for (var entries = zip.entries(); entries.hasMoreElements();) {
                    try (var in = zip.getInputStream(entries.nextElement())) {
                        out.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        } finally {
            java.nio.file.Files.delete(file);
        }
        return out.toString();
    }
}
