package org.canopy.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import org.canopy.governance.Groups;
import org.canopy.support.CanopyDatabaseTest;
import org.canopy.support.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

/**
 * The risk register: scores and the heat map come from the stored scores, a risk above tolerance goes to the Executive
 * once, overdue reviews are listed, a score outside 1 to 5 is refused whole, each role may do only what it should, another
 * partnership sees nothing, and the demo holds the report's Covid-19 risks unscored.
 */
@CanopyDatabaseTest
class RiskRegisterTest {

    static final String QA = "Quality Assurance and Performance Group";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    UserDetailsService users;

    @Autowired
    Groups groups;

    long partnership;
    long qa;

    @BeforeEach
    void setUp() {
        partnership = jdbc.sql("select partnership_id from canopy_user where username = 'viewer'").query(Long.class).single();
        qa = groups.byName(partnership, QA).orElseThrow().id();
    }

    @AfterEach
    void cleanUp() {
        jdbc.sql("delete from executive_escalation_step where escalation_id in (select id from executive_escalation where kind = 'RISK')")
                .update();
        jdbc.sql("delete from executive_escalation where kind = 'RISK'").update();
        jdbc.sql("delete from risk where created_by <> 'demo'").update();
        jdbc.sql("delete from group_member where user_id in (select id from canopy_user where username = 'youngrisk')").update();
        jdbc.sql("delete from canopy_user where username in ('youngrisk', 'elsewhererisk')").update();
        jdbc.sql("delete from partnership where name = 'Elsewhere Risk Partnership'").update();
    }

    @Test
    void theHeatMapAndTopRisksComeFromTheStoredScores() throws Exception {
        long a = addAndId("Audits are late");
        long b = addAndId("Too few foster carers");
        long c = addAndId("Waiting lists for therapy");
        score("coordinator", a, "", "", "4", "4", "", "").andExpect(status().is3xxRedirection());
        score("coordinator", b, "", "", "2", "3", "1", "1").andExpect(status().is3xxRedirection());
        score("coordinator", c, "5", "5", "2", "3", "", "").andExpect(status().is3xxRedirection());

        String page = page("viewer", "/risks");
        assertThat(cell(page, 2, 3)).isEqualTo(2);
        assertThat(cell(page, 4, 4)).isEqualTo(1);
        assertThat(cell(page, 5, 5)).isZero();
        // The demo's three longer-term risks are open and unscored (the six Covid-19 ones are closed).
        assertThat(page).contains("Not scored: 3");
        String top = section(page, "id=\"top-risks\"");
        assertThat(top.indexOf("Audits are late")).isLessThan(top.indexOf("Too few foster carers")).isPositive();
        assertThat(top.indexOf("Too few foster carers")).isLessThan(top.indexOf("Waiting lists for therapy"));
        assertThat(top).contains("Above tolerance");

        String inherent = page("viewer", "/risks?scores=inherent");
        assertThat(cell(inherent, 5, 5)).isEqualTo(1);
        assertThat(inherent).contains("Not scored: 5");
        String target = page("viewer", "/risks?scores=target");
        assertThat(cell(target, 1, 1)).isEqualTo(1);

        String risk = page("viewer", "/risks/" + c);
        assertThat(risk).contains("Inherent (before controls)").contains("(likelihood 5, impact 5)");
        assertThat(section(risk, "id=\"score-history\"")).contains("Current").contains("6 (likelihood 2, impact 3)")
                .contains("25 (likelihood 5, impact 5)");
        var detail = json.readTree(mvc.perform(get("/api/v1/risks/" + c).with(Requests.user("viewer"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(detail.get("current").get("score").asInt()).isEqualTo(6);
        assertThat(detail.get("inherent").get("likelihood").asInt()).isEqualTo(5);
        assertThat(detail.get("target").isNull()).isTrue();
        assertThat(detail.get("history").size()).isEqualTo(2);
    }

    @Test
    void aRiskAboveToleranceGoesToTheExecutiveOnce() throws Exception {
        long a = addAndId("Not enough rapid review capacity");
        score("coordinator", a, "", "", "3", "4", "", "").andExpect(status().is3xxRedirection());
        assertThat(escalations(a)).isZero();
        assertThat(page("executive", "/governance/executive")).doesNotContain("Risk: Not enough rapid review capacity");

        score("coordinator", a, "", "", "4", "4", "", "").andExpect(status().is3xxRedirection());
        assertThat(escalations(a)).isEqualTo(1);
        assertThat(page("executive", "/governance/executive")).contains("Risk: Not enough rapid review capacity");
        assertThat(page("viewer", "/governance/escalations")).contains("Risk: Not enough rapid review capacity");
        assertThat(page("viewer", "/risks/" + a)).contains("Escalated to the Executive");
        long escalation = jdbc.sql("select id from executive_escalation where kind = 'RISK' and source_ref = ?").param("/risks/" + a)
                .query(Long.class).single();
        assertThat(page("executive", "/governance/escalations/" + escalation)).contains("Risk: Not enough rapid review capacity")
                .contains("above the partnership&#39;s tolerance of 12");

        score("coordinator", a, "", "", "5", "4", "", "").andExpect(status().is3xxRedirection());
        review("coordinator", a, LocalDate.now().toString(), "Still high", "5", "5").andExpect(status().is3xxRedirection());
        assertThat(escalations(a)).isEqualTo(1);
    }

    @Test
    void overdueReviewsAreListed() throws Exception {
        long a = addAndId("Missing education records");
        long b = addAndId("Fresh risk");
        review("coordinator", a, LocalDate.now().minusMonths(4).toString(), "Looked at in the spring", "", "")
                .andExpect(status().is3xxRedirection());
        review("coordinator", b, LocalDate.now().toString(), "Looked at today", "", "").andExpect(status().is3xxRedirection());
        String overdue = section(page("viewer", "/risks"), "id=\"overdue-reviews\"");
        assertThat(overdue).contains("Missing education records").doesNotContain("Fresh risk");
        assertThat(page("viewer", "/risks/" + a)).contains("(overdue)").contains("Looked at in the spring");
    }

    @Test
    void aScoreOfSixOrZeroIsRefusedWithNothingStored() throws Exception {
        long a = addAndId("Scored badly");
        String six = score("coordinator", a, "", "", "6", "3", "", "").andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(six).contains("There is a problem").contains("The current score: likelihood must be a whole number from 1 to 5");
        String zero = score("coordinator", a, "0", "2", "", "", "", "").andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(zero).contains("The inherent score: likelihood must be a whole number from 1 to 5");
        review("coordinator", a, LocalDate.now().toString(), "Review", "3", "6").andExpect(status().isOk());
        mvc.perform(Requests.json(post("/api/v1/risks/" + a + "/reviews"), "{\"reviewedOn\": \"" + LocalDate.now()
                + "\", \"note\": \"From the police system\", \"likelihood\": 0, \"impact\": 2}").with(Requests.user("coordinator")))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.sql("select count(*) from risk_score_history where risk_id = ?").param(a).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from risk_review where risk_id = ?").param(a).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from risk where id = ? and (current_likelihood is not null or inherent_likelihood is not null)")
                .param(a).query(Integer.class).single()).isZero();
        assertThat(page("viewer", "/risks/" + a)).contains("Not scored");

        int risks = count();
        String identifier = add("coordinator", "Ring 020 7946 0958 about the family", null).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(identifier).contains("There is a problem").contains("The risk contains what looks like");
        assertThat(count()).isEqualTo(risks);
        review("coordinator", a, LocalDate.now().toString(), "Email someone@example.com", "", "").andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from risk_review where risk_id = ?").param(a).query(Integer.class).single()).isZero();
    }

    @Test
    void eachRoleMayDoOnlyWhatItShould() throws Exception {
        jdbc.sql("""
                insert into canopy_user (partnership_id, username, display_name, password_hash, role)
                select partnership_id, 'youngrisk', 'Sam', password_hash, 'YOUNG_SCRUTINEER' from canopy_user where username = 'viewer'""")
                .update();
        long council = agencyOf("council");
        long police = agencyOf("police");
        add("coordinator", "Owned by the council", council).andExpect(status().is3xxRedirection());
        long owned = id("Owned by the council");
        mvc.perform(post("/risks").with(Requests.signedIn(users, "chair")).with(csrf()).param("title", "For quality assurance")
                .param("groupIds", String.valueOf(qa)).param("status", "OPEN")).andExpect(status().is3xxRedirection());
        long forQa = id("For quality assurance");
        int before = count();
        for (String who : List.of("viewer", "scrutineer", "youngrisk", "executive")) {
            assertThat(page(who, "/risks")).contains("Owned by the council").doesNotContain("Add a risk");
            assertThat(page(who, "/risks/" + owned)).contains("Owned by the council").doesNotContain("Score the risk");
            add(who, "Not allowed " + who, null).andExpect(status().isForbidden());
            score(who, owned, "", "", "2", "2", "", "").andExpect(status().isForbidden());
            review(who, owned, LocalDate.now().toString(), "No", "", "").andExpect(status().isForbidden());
            mvc.perform(get("/risks/" + owned + "/scores").with(Requests.signedIn(users, who))).andExpect(status().isForbidden());
            mvc.perform(Requests.json(post("/api/v1/risks/" + owned + "/reviews"), "{\"reviewedOn\": \"" + LocalDate.now()
                    + "\", \"note\": \"No\"}").with(Requests.user(who))).andExpect(status().isForbidden());
        }
        assertThat(count()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from risk_review").query(Integer.class).single()).isZero();

        // The police add and change their own agency's risks only.
        add("police", "Another agency's", council).andExpect(status().isOk());
        add("police", "Police own risk", police).andExpect(status().is3xxRedirection());
        long own = id("Police own risk");
        score("police", own, "", "", "2", "2", "", "").andExpect(status().is3xxRedirection());
        score("police", owned, "", "", "2", "2", "", "").andExpect(status().isForbidden());
        score("police", forQa, "", "", "2", "2", "", "").andExpect(status().isForbidden());
        mvc.perform(Requests.json(post("/api/v1/risks/" + own + "/reviews"), "{\"reviewedOn\": \"" + LocalDate.now()
                + "\", \"note\": \"From the police system\", \"likelihood\": 1, \"impact\": 2}").with(Requests.user("police")))
                .andExpect(status().isCreated());
        assertThat(page("viewer", "/risks/" + own)).contains("From the police system");

        // The chair changes the risk bearing on the group they run, the coordinator any.
        score("chair", forQa, "", "", "3", "3", "", "").andExpect(status().is3xxRedirection());
        score("chair", owned, "", "", "3", "3", "", "").andExpect(status().isForbidden());
        score("coordinator", owned, "", "", "3", "3", "", "").andExpect(status().is3xxRedirection());
        mvc.perform(post("/risks/" + owned + "/close").with(Requests.signedIn(users, "coordinator")).with(csrf())
                .param("closingNote", "").param("version", String.valueOf(version(owned)))).andExpect(status().isOk());
        mvc.perform(post("/risks/" + owned + "/close").with(Requests.signedIn(users, "coordinator")).with(csrf())
                .param("closingNote", "The council took it on").param("version", String.valueOf(version(owned))))
                .andExpect(status().is3xxRedirection());
        assertThat(page("viewer", "/risks/" + owned)).contains("The council took it on").contains("Closed");
        // A stale version is told, not overwritten.
        mvc.perform(post("/risks/" + own + "/scores").with(Requests.signedIn(users, "police")).with(csrf()).param("currentLikelihood", "1")
                .param("currentImpact", "1").param("version", "0")).andExpect(status().isOk());
        assertThat(jdbc.sql("select current_impact from risk where id = ?").param(own).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void anotherPartnershipSeesNothing() throws Exception {
        long a = addAndId("Ours alone");
        jdbc.sql("insert into partnership (name, area) values ('Elsewhere Risk Partnership', 'Elsewhere')").update();
        long elsewhere = jdbc.sql("select id from partnership where name = 'Elsewhere Risk Partnership'").query(Long.class).single();
        jdbc.sql("""
                insert into canopy_user (partnership_id, username, display_name, password_hash, role)
                select ?, 'elsewhererisk', 'Elsewhere Coordinator', password_hash, 'ADMINISTRATOR' from canopy_user where username = 'viewer'""")
                .param(elsewhere).update();
        mvc.perform(get("/risks/" + a).with(Requests.signedIn(users, "elsewhererisk"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/risks/" + a).with(Requests.user("elsewhererisk"))).andExpect(status().isNotFound());
        assertThat(mvc.perform(get("/api/v1/risks").with(Requests.user("elsewhererisk"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).isEqualTo("[]");
        assertThat(page("elsewhererisk", "/risks")).doesNotContain("Ours alone").doesNotContain("food poverty");
        score("elsewhererisk", a, "", "", "2", "2", "", "").andExpect(status().isNotFound());
    }

    @Test
    void theDemoHoldsTheReportsCovidRisksWithTheirResponsesAndNoScores() throws Exception {
        String page = page("viewer", "/risks");
        assertThat(page).contains("Volunteers were taking on a lot more work to support families especially with issues such as food poverty.")
                .contains("Young people reported that the PPE used in mental health settings could be intimidating.")
                .contains("members of the public attempted to film children in regards to social distancing in schools.")
                .contains("Increasing use of social media left children and young people at risk of exploitation.")
                .contains("Ensuring that shielding children are correctly identified.")
                .contains("Concerns of unlicensed music events and premises opening and serving alcohol during lockdowns")
                .contains("The increase of domestic abuse").contains("The increase of screen time for children")
                .contains("Concerns of exploitation").contains("Not scored: the annual report gives no score");
        assertThat(page).contains("id=\"count-closed\">6<");
        long id = id("Ensuring that shielding children are correctly identified.");
        String risk = page("viewer", "/risks/" + id);
        assertThat(risk).contains("Public health worked with NHS digital to ensure this was correct")
                .contains("At the fortnightly risk meetings, March to July 2020").contains("In 2020-21")
                .contains("Not scored: the annual report gives no score").contains("No owner recorded");
        // The longer-term risks were built into the priorities set in 2020: each is linked to its 2021 priority.
        assertThat(page("viewer", "/risks/" + id("The increase of domestic abuse")))
                .contains("Domestic Abuse and the Impact on Children and Young People");
        var list = json.readTree(mvc.perform(get("/api/v1/risks").with(Requests.user("viewer"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
        assertThat(list.size()).isEqualTo(9);
        assertThat(list.get(0).get("current").isNull()).isTrue();
        mvc.perform(get("/risks.csv").with(Requests.signedIn(users, "viewer"))).andExpect(status().isOk());
        mvc.perform(get("/risks.xlsx").with(Requests.signedIn(users, "viewer"))).andExpect(status().isOk());
    }

    private long addAndId(String title) throws Exception {
        add("coordinator", title, null).andExpect(status().is3xxRedirection());
        return id(title);
    }

    private ResultActions add(String who, String title, Long agency) throws Exception {
        var request = post("/risks").with(Requests.signedIn(users, who)).with(csrf()).param("title", title).param("cause", "A cause")
                .param("controls", "Monthly checks\nA named lead").param("cadence", "QUARTERLY").param("status", "OPEN");
        if (agency != null) {
            request.param("ownerAgencyId", String.valueOf(agency));
        }
        return mvc.perform(request);
    }

    private ResultActions score(String who, long id, String il, String ii, String cl, String ci, String tl, String ti) throws Exception {
        return mvc.perform(post("/risks/" + id + "/scores").with(Requests.signedIn(users, who)).with(csrf())
                .param("inherentLikelihood", il).param("inherentImpact", ii).param("currentLikelihood", cl).param("currentImpact", ci)
                .param("targetLikelihood", tl).param("targetImpact", ti).param("why", "Scored in the test")
                .param("version", String.valueOf(version(id))));
    }

    private ResultActions review(String who, long id, String on, String note, String l, String i) throws Exception {
        return mvc.perform(post("/risks/" + id + "/reviews").with(Requests.signedIn(users, who)).with(csrf()).with(Requests.date("reviewedOn", on))
                .param("note", note).param("currentLikelihood", l).param("currentImpact", i).param("version", String.valueOf(version(id))));
    }

    private int version(long id) {
        return jdbc.sql("select version from risk where id = ?").param(id).query(Integer.class).optional().orElse(0);
    }

    private long id(String title) {
        return jdbc.sql("select id from risk where title = ?").param(title).query(Long.class).single();
    }

    private long agencyOf(String username) {
        return jdbc.sql("select agency_id from canopy_user where username = ?").param(username).query(Long.class).single();
    }

    private int count() {
        return jdbc.sql("select count(*) from risk").query(Integer.class).single();
    }

    private int escalations(long riskId) {
        return jdbc.sql("select count(*) from executive_escalation where kind = 'RISK' and source_ref = ?").param("/risks/" + riskId)
                .query(Integer.class).single();
    }

    private static int cell(String page, int likelihood, int impact) {
        String marker = "id=\"heat-l" + likelihood + "-i" + impact + "\"";
        int at = page.indexOf(marker);
        assertThat(at).as(marker).isPositive();
        String rest = page.substring(at);
        int count = rest.indexOf("data-count=\"");
        return Integer.parseInt(rest.substring(count + 12, rest.indexOf('"', count + 12)));
    }

    private static String section(String page, String marker) {
        int at = page.indexOf(marker);
        assertThat(at).as(marker).isPositive();
        return page.substring(at, page.indexOf("</table>", at));
    }

    private String page(String who, String path) throws Exception {
        return mvc.perform(get(path).with(Requests.signedIn(users, who))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }
}
