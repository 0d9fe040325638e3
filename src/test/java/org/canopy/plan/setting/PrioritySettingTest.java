package org.canopy.plan.setting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.canopy.governance.Groups;
import org.canopy.support.CanopyDatabaseTest;
import org.canopy.support.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * Setting priorities from evidence: the demo's round of November and December 2020 with its eight kinds of evidence, three
 * candidates and the Executive's decision, the 2021 priorities it made, their golden threads; preparing and deciding a
 * round, who may, and another partnership seeing nothing.
 */
@CanopyDatabaseTest
class PrioritySettingTest {

    static final String TEST_ROUND = "Test round for the 2030 priorities";
    static final String TEST_PLAN = "Test priorities 2030";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    Groups groups;

    @Autowired
    JsonMapper json;

    @AfterEach
    void cleanUp() {
        String rounds = "(select id from priority_round where title <> '" + DemoPrioritySetting.ROUND_TITLE + "')";
        jdbc.sql("delete from priority_candidate_evidence where candidate_id in (select id from priority_candidate where round_id in "
                + rounds + ")").update();
        jdbc.sql("delete from priority_candidate where round_id in " + rounds).update();
        jdbc.sql("delete from priority_evidence_citation where evidence_id in (select id from priority_evidence where round_id in "
                + rounds + ")").update();
        jdbc.sql("delete from priority_evidence where round_id in " + rounds).update();
        jdbc.sql("delete from priority_round where title <> ?").param(DemoPrioritySetting.ROUND_TITLE).update();
        String plans = "(select id from plan where title = '" + TEST_PLAN + "')";
        jdbc.sql("delete from plan_priority_lead_group where priority_id in (select id from plan_priority where plan_id in " + plans + ")")
                .update();
        jdbc.sql("delete from plan_priority where plan_id in " + plans).update();
        jdbc.sql("delete from plan where title = ?").param(TEST_PLAN).update();
        jdbc.sql("delete from group_member where user_id in (select id from canopy_user where username in ('youngset', 'elsewhereset'))").update();
        jdbc.sql("delete from canopy_user where username in ('youngset', 'elsewhereset')").update();
        jdbc.sql("delete from partnership where name = 'Elsewhere Setting Partnership'").update();
    }

    long demoRound() {
        return jdbc.sql("select id from priority_round where title = ?").param(DemoPrioritySetting.ROUND_TITLE).query(Long.class).single();
    }

    long plan2021() {
        return jdbc.sql("select id from plan where title = ?").param(DemoPrioritySetting.PLAN_TITLE).query(Long.class).single();
    }

    String page(String username, String path) throws Exception {
        return mvc.perform(get(path).with(Requests.signedIn(users, username))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    @Test
    void theDemoRoundShowsItsEightKindsOfEvidenceThreeCandidatesAndTheDecision() throws Exception {
        assertThat(page("viewer", "/plans/setting")).contains(DemoPrioritySetting.ROUND_TITLE).contains("Decided")
                .doesNotContain("Start a round");
        String round = page("viewer", "/plans/setting/" + demoRound());
        for (var kind : EvidenceKind.values()) {
            assertThat(round).as(kind.name()).contains(org.springframework.web.util.HtmlUtils.htmlEscape(kind.label()));
        }
        assertThat(round)
                .contains("A partnership wide workshop with senior management from organisations across the borough")
                .contains("Domestic Abuse and the Impact on Children and Young People")
                .contains("Staying Safe Online")
                .contains("All Age Exploitation – Joint with the Safeguarding Adults Board")
                .contains("Executive Group")
                .contains("November and December 2020")
                .contains("after an analysis of the evidence, it appeared three areas required more intensive intervention")
                .contains("this will be a feature within the priorities")
                .contains("a joint priority was introduced")
                .contains("Domestic abuse cases recorded by the police")
                .contains(DemoPrioritySetting.PLAN_TITLE)
                .doesNotContain("Add evidence").doesNotContain("Record the Executive");
        assertThat(page("coordinator", "/plans/setting/" + demoRound())).doesNotContain("Add evidence")
                .doesNotContain("Record the Executive's decision</a>");
    }

    @Test
    void theThree2021PrioritiesShowTheEvidenceThatChoseThemAndTheirGroups() throws Exception {
        long plan = plan2021();
        String overview = page("viewer", "/plans/" + plan);
        assertThat(overview).contains("From early 2021 (priority groups set up in early 2021)")
                .contains("1. Domestic Abuse and the Impact on Children and Young People").contains("No actions yet")
                .contains(DemoPrioritySetting.ROUND_TITLE);
        assertThat(page("viewer", "/plans")).contains(DemoPrioritySetting.PLAN_TITLE).contains("Tower Hamlets Children and Families Plan 2016-19")
                .contains("From early 2021");
        for (int n = 1; n <= 3; n++) {
            String priority = page("viewer", "/plans/" + plan + "/priorities/" + n);
            assertThat(priority).contains("The evidence that chose it").contains(DemoPrioritySetting.ROUND_TITLE)
                    .contains("The action plan is being formed: no actions yet")
                    .contains("terms of reference").contains("Chair:")
                    .contains("What children and young people told us")
                    .contains("No young scrutineer is allocated to this priority yet");
        }
        String da = page("viewer", "/plans/" + plan + "/priorities/1");
        assertThat(da).contains("The multi-agency data dashboard").contains("The increase of Domestic Abuse and the data showed");
        String exploitation = page("viewer", "/plans/" + plan + "/priorities/3");
        assertThat(exploitation).contains("The priorities of other partnerships").contains("joint priority was introduced");
        String thread = page("viewer", "/plans/" + plan + "/priorities/1/thread");
        assertThat(thread).contains("The evidence that chose it").contains("Indicators and their signals")
                .contains("Domestic abuse cases recorded by the police").contains("Scrutiny and challenge")
                .contains("Young scrutineer").contains("Its actions and their status");
        var planJson = json.readTree(mvc.perform(get("/api/v1/plans/" + plan).with(Requests.user("viewer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(planJson.get("period").asString()).isEqualTo(DemoPrioritySetting.PLAN_PERIOD);
        assertThat(planJson.get("priorities").size()).isEqualTo(3);
        assertThat(planJson.get("priorities").get(2).get("leadGroups").get(0).asString())
                .isEqualTo("All Age Exploitation (joint with the Safeguarding Adults Board)");
        long daId = jdbc.sql("select id from plan_priority where plan_id = ? and number = 1").param(plan).query(Long.class).single();
        var api = json.readTree(mvc.perform(get("/api/v1/priorities/" + daId + "/thread").with(Requests.user("viewer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(api.get("title").asString()).isEqualTo("Domestic Abuse and the Impact on Children and Young People");
        assertThat(api.get("strands").size()).isEqualTo(6);
        assertThat(api.get("chosenBy").size()).isGreaterThanOrEqualTo(2);
        // What chose it (API.md), what children said among it: the round cites the voice module's themes.
        String evidence = mvc.perform(get("/api/v1/priorities/" + daId + "/evidence").with(Requests.user("viewer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(evidence).contains("\"kind\":\"CHILDREN_FEEDBACK\"").contains("\"link\":\"/voice/themes/")
                .contains("\"kind\":\"DATA_DASHBOARD\"");
    }

    @Test
    void aPriorityOfThe2016PlanSaysItHasNoChildrensVoiceYet() throws Exception {
        long plan = jdbc.sql("select id from plan where title = 'Tower Hamlets Children and Families Plan 2016-19'").query(Long.class).single();
        String thread = page("viewer", "/plans/" + plan + "/priorities/1/thread");
        assertThat(thread).contains("This priority came from the plan itself")
                .contains("What children, young people and partners told us")
                .contains("No children&#39;s voice is recorded behind this priority yet");
        String priority = page("viewer", "/plans/" + plan + "/priorities/1");
        assertThat(priority).contains("What children and young people told us").contains("Section 1")
                .contains("No children&#39;s voice is recorded behind this priority yet")
                .doesNotContain("The evidence that chose it");
    }

    @Test
    void theCoordinatorPreparesARoundAndTheExecutiveDecidesItMakingPlanPriorities() throws Exception {
        mvc.perform(post("/plans/setting").with(Requests.signedIn(users, "executive")).with(csrf()).param("title", TEST_ROUND))
                .andExpect(status().isForbidden());
        mvc.perform(post("/plans/setting").with(Requests.signedIn(users, "viewer")).with(csrf()).param("title", TEST_ROUND))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from priority_round where title = ?").param(TEST_ROUND).query(Integer.class).single()).isZero();

        String refused = mvc.perform(post("/plans/setting").with(Requests.signedIn(users, "coordinator")).with(csrf())
                .param("title", TEST_ROUND).param("summary", "Ring the family on 07700 900123"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("There is a problem").contains("The summary contains what looks like a phone number");
        assertThat(jdbc.sql("select count(*) from priority_round where title = ?").param(TEST_ROUND).query(Integer.class).single()).isZero();

        mvc.perform(post("/plans/setting").with(Requests.signedIn(users, "coordinator")).with(csrf()).param("title", TEST_ROUND)
                .param("heldWhen", "Spring 2030")).andExpect(status().is3xxRedirection());
        long round = jdbc.sql("select id from priority_round where title = ?").param(TEST_ROUND).query(Long.class).single();
        assertThat(page("coordinator", "/plans/setting/" + round)).contains("Gathering evidence").contains("Add evidence")
                .contains("Record the Executive's decision");
        assertThat(page("coordinator", "/plans/setting/" + round + "/evidence/new")).contains("Domestic abuse cases recorded by the police");
        int first = jdbc.sql("select version from priority_round where id = ?").param(round).query(Integer.class).single();
        mvc.perform(post("/plans/setting/" + round).with(Requests.signedIn(users, "coordinator")).with(csrf())
                .param("title", TEST_ROUND).param("heldWhen", "Spring 2030, in the first weeks").param("version", String.valueOf(first)))
                .andExpect(status().is3xxRedirection());
        String conflict = mvc.perform(post("/plans/setting/" + round).with(Requests.signedIn(users, "coordinator")).with(csrf())
                .param("title", TEST_ROUND).param("heldWhen", "Summer 2030").param("version", String.valueOf(first)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(conflict).contains("Someone else changed this round");
        assertThat(jdbc.sql("select held_when from priority_round where id = ?").param(round).query(String.class).single())
                .isEqualTo("Spring 2030, in the first weeks");

        mvc.perform(post("/plans/setting/" + round + "/evidence").with(Requests.signedIn(users, "chair")).with(csrf())
                .param("kind", "SENIOR_WORKSHOP").param("description", "Partners named online harm")).andExpect(status().isForbidden());
        String badEvidence = mvc.perform(post("/plans/setting/" + round + "/evidence").with(Requests.signedIn(users, "coordinator"))
                .with(csrf()).param("kind", "SENIOR_WORKSHOP").param("description", "Email parent@example.com"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(badEvidence).contains("There is a problem").contains("The outcome contains what looks like");
        mvc.perform(post("/plans/setting/" + round + "/evidence").with(Requests.signedIn(users, "coordinator")).with(csrf())
                .param("kind", "SENIOR_WORKSHOP").param("description", "Partners named online harm")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/plans/setting/" + round + "/evidence").with(Requests.signedIn(users, "coordinator")).with(csrf())
                .param("kind", "DATA_DASHBOARD").param("cited", "INDICATORS|INDICATOR|DOMESTIC_ABUSE_CASES"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from priority_evidence where round_id = ?").param(round).query(Integer.class).single())
                .isEqualTo(2);
        assertThat(jdbc.sql("""
                select title from priority_evidence_citation c join priority_evidence e on e.id = c.evidence_id where e.round_id = ?""")
                .param(round).query(String.class).single()).isEqualTo("Domestic abuse cases recorded by the police");
        var evidenceIds = jdbc.sql("select id from priority_evidence where round_id = ? order by id").param(round).query(Long.class).list();
        mvc.perform(post("/plans/setting/" + round + "/candidates").with(Requests.signedIn(users, "coordinator")).with(csrf())
                .param("candidateTitle", "Online harm 2030").param("evidence", String.valueOf(evidenceIds.get(0)))
                .param("evidence", String.valueOf(evidenceIds.get(1)))).andExpect(status().is3xxRedirection());
        long candidate = jdbc.sql("select id from priority_candidate where round_id = ?").param(round).query(Long.class).single();
        int version = jdbc.sql("select version from priority_round where id = ?").param(round).query(Integer.class).single();
        long online = groups.byName(jdbc.sql("select partnership_id from canopy_user where username = 'viewer'").query(Long.class).single(),
                "Staying Safe Online").orElseThrow().id();

        mvc.perform(post("/plans/setting/" + round + "/decision").with(Requests.signedIn(users, "chair")).with(csrf())
                .param("version", String.valueOf(version)).param("decidedWhen", "Spring 2030").param("reasons", "The evidence")
                .param("chosen", String.valueOf(candidate)).param("plan", "new").param("planTitle", TEST_PLAN))
                .andExpect(status().isForbidden());
        mvc.perform(get("/plans/setting/" + round + "/decision").with(Requests.signedIn(users, "scrutineer"))).andExpect(status().isForbidden());
        String stale = mvc.perform(post("/plans/setting/" + round + "/decision").with(Requests.signedIn(users, "executive")).with(csrf())
                .param("version", String.valueOf(version - 1)).param("decidedWhen", "Spring 2030").param("reasons", "The evidence")
                .param("chosen", String.valueOf(candidate)).param("plan", "new").param("planTitle", TEST_PLAN))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(stale).contains("Someone else changed this round");
        assertThat(jdbc.sql("select count(*) from plan where title = ?").param(TEST_PLAN).query(Integer.class).single()).isZero();

        assertThat(page("executive", "/plans/setting/" + round + "/decision")).contains("Online harm 2030").contains("Staying Safe Online");
        mvc.perform(post("/plans/setting/" + round + "/decision").with(Requests.signedIn(users, "executive")).with(csrf())
                .param("version", String.valueOf(version)).param("decidedWhen", "Spring 2030")
                .param("reasons", "Online harm came up in the workshop and the data").param("chosen", String.valueOf(candidate))
                .param("group-" + candidate, String.valueOf(online)).param("plan", "new").param("planTitle", TEST_PLAN)
                .param("planPeriod", "From 2030")).andExpect(status().is3xxRedirection());
        long plan = jdbc.sql("select id from plan where title = ?").param(TEST_PLAN).query(Long.class).single();
        assertThat(jdbc.sql("""
                select l.group_id from plan_priority p join plan_priority_lead_group l on l.priority_id = p.id
                where p.plan_id = ? and p.title = 'Online harm 2030' and p.section_id is null""").param(plan).query(Long.class).single())
                .isEqualTo(online);
        assertThat(page("viewer", "/plans/setting/" + round)).contains("Decided").contains("Online harm came up in the workshop")
                .contains("Spring 2030").contains(TEST_PLAN);
        String priority = page("viewer", "/plans/" + plan + "/priorities/1");
        assertThat(priority).contains("Online harm 2030").contains("Staying Safe Online").contains("The evidence that chose it")
                .contains("Partners named online harm").contains("Domestic abuse cases recorded by the police");
        assertThat(jdbc.sql("select count(*) from audit_event where record_type = 'priority round' and record_id = ?")
                .param(String.valueOf(round)).query(Integer.class).single()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void everyoneSignedInReadsAndAnotherPartnershipSeesNothing() throws Exception {
        jdbc.sql("""
                insert into canopy_user (partnership_id, username, display_name, password_hash, role)
                select partnership_id, 'youngset', 'Sami', password_hash, 'YOUNG_SCRUTINEER' from canopy_user where username = 'viewer'""")
                .update();
        for (String who : new String[] {"viewer", "scrutineer", "youngset", "police", "chair"}) {
            assertThat(page(who, "/plans/setting/" + demoRound())).as(who).contains("Evidence considered")
                    .doesNotContain("Add evidence");
        }
        assertThat(json.readTree(mvc.perform(get("/api/v1/priority-setting/rounds").with(Requests.user("viewer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).toString())
                .contains(DemoPrioritySetting.ROUND_TITLE);
        var round = json.readTree(mvc.perform(get("/api/v1/priority-setting/rounds/" + demoRound()).with(Requests.user("viewer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(round.get("evidence").size()).isEqualTo(8);
        assertThat(round.get("candidates").size()).isEqualTo(3);
        assertThat(round.get("decision").get("decidedBy").asString()).isEqualTo("Executive Group");

        jdbc.sql("insert into partnership (name, area) values ('Elsewhere Setting Partnership', 'Elsewhere')").update();
        long elsewhere = jdbc.sql("select id from partnership where name = 'Elsewhere Setting Partnership'").query(Long.class).single();
        jdbc.sql("""
                insert into canopy_user (partnership_id, username, display_name, password_hash, role)
                select ?, 'elsewhereset', 'Elsewhere Coordinator', password_hash, 'ADMINISTRATOR' from canopy_user where username = 'viewer'""")
                .param(elsewhere).update();
        mvc.perform(get("/plans/setting/" + demoRound()).with(Requests.signedIn(users, "elsewhereset"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/priority-setting/rounds/" + demoRound()).with(Requests.user("elsewhereset"))).andExpect(status().isNotFound());
        mvc.perform(post("/plans/setting/" + demoRound() + "/evidence").with(Requests.signedIn(users, "elsewhereset")).with(csrf())
                .param("kind", "OTHER_PARTNERSHIPS").param("description", "Ours")).andExpect(status().isNotFound());
        assertThat(page("elsewhereset", "/plans/setting")).contains("No priority-setting round is recorded yet")
                .doesNotContain(DemoPrioritySetting.ROUND_TITLE);
        assertThat(mvc.perform(get("/api/v1/priority-setting/rounds").with(Requests.user("elsewhereset"))).andReturn().getResponse()
                .getContentAsString()).isEqualTo("[]");
        long daId = jdbc.sql("select id from plan_priority where plan_id = ? and number = 1").param(plan2021()).query(Long.class).single();
        mvc.perform(get("/api/v1/priorities/" + daId + "/thread").with(Requests.user("elsewhereset"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/priorities/" + daId + "/evidence").with(Requests.user("elsewhereset"))).andExpect(status().isNotFound());
    }
}
