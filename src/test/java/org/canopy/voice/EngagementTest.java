package org.canopy.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.canopy.governance.Groups;
import org.canopy.governance.MemberRole;
import org.canopy.plan.PlanPriorities;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Engagement groups and the canvasser programme on the demo: the report's eight groups with when each was last heard
 * from (computed from the stored visits and feedback), who may write what, the privacy guard on every free-text field,
 * the priorities with no children's input, and another partnership seeing nothing.
 */
@CanopyDatabaseTest
class EngagementTest {

    static final List<String> EIGHT = List.of("CAMHS YP Participation Group", "Barts Health Youth Forum/Youth Empowerment Squad",
            "Children Living in Care Council", "Youth Council", "Young Carers forum", "Young Health Watch",
            "Youth Service Providers Forum", "Young People with SEND Forum");
    static final String PHONE = "Ring 020 7946 0958 to arrange";

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

    @Autowired
    PlanPriorities priorities;

    long partnership;

    @BeforeEach
    void setUp() {
        partnership = jdbc.sql("select partnership_id from canopy_user where username = 'viewer'").query(Long.class).single();
    }

    @AfterEach
    void cleanUp() {
        jdbc.sql("delete from feedback_priority where tagged_by = 'test'").update();
        jdbc.sql("delete from feedback where recorded_by = 'test'").update();
        jdbc.sql("delete from canvass_visit_question where visit_id in (select id from canvass_visit where created_by <> 'demo')"
                + " or question_id in (select id from canvass_question where created_by <> 'demo')").update();
        jdbc.sql("delete from canvass_visit where created_by <> 'demo'").update();
        jdbc.sql("delete from canvass_question where created_by <> 'demo'").update();
        jdbc.sql("delete from engagement_group where created_by <> 'demo'").update();
        jdbc.sql("delete from plan_priority where plan_id in (select id from plan where loaded_by = 'test')").update();
        jdbc.sql("delete from plan_section where plan_id in (select id from plan where loaded_by = 'test')").update();
        jdbc.sql("delete from plan where loaded_by = 'test'").update();
        jdbc.sql("delete from group_member where user_id in (select id from canopy_user where username in ('youngone', 'elsewhere'))").update();
        jdbc.sql("delete from canopy_user where username in ('youngone', 'elsewhere')").update();
        jdbc.sql("delete from partnership where name = 'Elsewhere Partnership'").update();
    }

    @Test
    void theEightDemoGroupsAreMarkedFromTheStoredVisitsAndFeedback() throws Exception {
        String page = page("viewer", "/voice/engagement-groups");
        for (String name : EIGHT) {
            assertThat(page).contains(name);
        }
        assertThat(row(page, "CAMHS YP Participation Group")).contains("February 2021").contains("Not heard from in the last 6 months")
                .doesNotContain("Never heard from");
        // The markers follow the stored rows: every group with no visit done and no feedback item is never heard from.
        var quiet = EIGHT.stream().filter(this::neverHeard).toList();
        assertThat(quiet).hasSizeGreaterThanOrEqualTo(3);
        assertThat(occurrences(page, "Never heard from")).isEqualTo(quiet.size());
        for (String name : EIGHT) {
            assertThat(row(page, name).contains("Never heard from")).as(name).isEqualTo(quiet.contains(name));
        }

        // A visit done today: the group is heard from lately.
        String visited = quiet.get(0);
        plan("coordinator", groupId(visited), agencyId("Metropolitan Police"), "DONE", LocalDate.now().toString())
                .param("canvasser", "Youth engagement officers").param("heard", "They want police to explain stop and search")
                .perform().andExpect(status().is3xxRedirection());
        page = page("viewer", "/voice/engagement-groups");
        String today = LocalDate.now().format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK));
        assertThat(row(page, visited)).contains(today).doesNotContain("Never heard from").doesNotContain("Not heard from");
        assertThat(occurrences(page, "Never heard from")).isEqualTo(quiet.size() - 1);

        // A planned visit hears nothing yet; a feedback item linked to a group does, by the day it was heard.
        String planned = quiet.get(1);
        plan("coordinator", groupId(planned), agencyId("Metropolitan Police"), "PLANNED", LocalDate.now().plusDays(10).toString())
                .perform().andExpect(status().is3xxRedirection());
        assertThat(row(page("viewer", "/voice/engagement-groups"), planned)).contains("Never heard from");
        String told = quiet.get(2);
        long group = groupId(told);
        feedback(group, "We want someone to talk to at school", LocalDate.now().minusMonths(8));
        assertThat(row(page("viewer", "/voice/engagement-groups"), told)).contains("Not heard from in the last 6 months");
        feedback(group, "Nobody asks how we are", LocalDate.now().minusMonths(1));
        assertThat(row(page("viewer", "/voice/engagement-groups"), told)).doesNotContain("Not heard from")
                .doesNotContain("Never heard from");
        assertThat(page("scrutineer", "/voice/engagement-groups/" + group)).contains("Nobody asks how we are")
                .contains("We want someone to talk to at school");
    }

    @Test
    void theCamhsGroupShowsElftsVisitInFebruary2021WithWhatWasHeardNotRecorded() throws Exception {
        long camhs = groupId("CAMHS YP Participation Group");
        assertThat(jdbc.sql("select description from engagement_group where id = ?").param(camhs).query(String.class).single())
                .isEqualTo("Consulted by the THSCP in 2020-21 (annual report).");
        String page = page("viewer", "/voice/engagement-groups/" + camhs);
        assertThat(page).contains("February 2021").contains("East London NHS Foundation Trust").contains("Safeguarding Children Team")
                .contains("Not recorded").doesNotContain("Record the visit");
        long visit = jdbc.sql("select id from canvass_visit where engagement_group_id = ?").param(camhs).query(Long.class).single();
        assertThat(page("viewer", "/voice/canvassing/visits/" + visit)).contains("February 2021")
                .contains("how they experience the CAMHS Service");
        var visits = json.readTree(mvc.perform(get("/api/v1/canvass-visits").with(Requests.user("viewer"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(visits.size()).isEqualTo(1);
        assertThat(visits.get(0).get("date").asString()).isEqualTo("2021-02-01");
        assertThat(visits.get(0).get("dayKnown").asBoolean()).isFalse();
        assertThat(visits.get(0).get("when").asString()).isEqualTo("February 2021");
        assertThat(visits.get(0).get("heard").isNull()).isTrue();
        assertThat(visits.get(0).get("agency").asString()).isEqualTo("East London NHS Foundation Trust");
        var list = json.readTree(mvc.perform(get("/api/v1/engagement-groups").with(Requests.user("scrutineer"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(list.size()).isEqualTo(8);
        var camhsJson = list.valueStream().filter(g -> g.get("id").asLong() == camhs).findFirst().orElseThrow();
        assertThat(camhsJson.get("lastHeard").asString()).isEqualTo("February 2021");
        assertThat(camhsJson.get("heardLately").asBoolean()).isFalse();
        mvc.perform(get("/api/v1/engagement-groups")).andExpect(status().isUnauthorized());

        // The coordinator records the visit again leaving its date as it was: it stays a month.
        mvc.perform(post("/voice/canvassing/visits/" + visit).with(Requests.signedIn(users, "coordinator")).with(csrf())
                .param("group", String.valueOf(camhs)).param("agency", String.valueOf(agencyId("East London NHS Foundation Trust")))
                .param("canvasser", "Safeguarding Children Team").param("status", "DONE").param("version", "0")
                .with(Requests.date("visitedOn", "2021-02-01"))).andExpect(status().is3xxRedirection());
        assertThat(page("viewer", "/voice/canvassing/visits/" + visit)).contains("February 2021");
    }

    @Test
    void onlyTheCoordinatorKeepsGroupsAndReadersWriteNothing() throws Exception {
        youngScrutineer();
        for (String who : List.of("viewer", "scrutineer", "youngone", "executive", "chair", "police")) {
            mvc.perform(post("/voice/engagement-groups").with(Requests.signedIn(users, who)).with(csrf()).param("name", "Youth Parliament"))
                    .andExpect(status().isForbidden());
        }
        for (String who : List.of("viewer", "scrutineer", "youngone", "executive", "police", "health")) {
            mvc.perform(post("/voice/canvassing/questions").with(Requests.signedIn(users, who)).with(csrf()).param("text", "What keeps you safe?")
                    .param("forPriority", String.valueOf(priorities.priorities(partnership).get(0).id()))).andExpect(status().isForbidden());
            mvc.perform(get("/voice/canvassing/questions/new").with(Requests.signedIn(users, who))).andExpect(status().isForbidden());
        }
        long council = groupId("Youth Council");
        for (String who : List.of("viewer", "scrutineer", "youngone", "executive")) {
            plan(who, council, agencyId("Metropolitan Police"), "PLANNED", LocalDate.now().plusDays(3).toString()).perform()
                    .andExpect(status().isForbidden());
            mvc.perform(get("/voice/canvassing/visits/new").with(Requests.signedIn(users, who))).andExpect(status().isForbidden());
        }
        // An agency contributor plans for their own agency only.
        plan("police", council, agencyId("East London NHS Foundation Trust"), "PLANNED", LocalDate.now().plusDays(3).toString()).perform()
                .andExpect(status().isForbidden());
        assertThat(count("canvass_visit where created_by <> 'demo'")).isZero();
        assertThat(count("engagement_group where created_by <> 'demo'")).isZero();
        assertThat(count("canvass_question")).isZero();
        for (String who : List.of("viewer", "scrutineer", "youngone", "executive", "chair", "police", "health", "council", "coordinator")) {
            assertThat(page(who, "/voice/engagement-groups")).contains("CAMHS YP Participation Group");
            assertThat(page(who, "/voice/canvassing")).contains("Canvasser programme");
        }
        assertThat(page("viewer", "/voice/engagement-groups")).doesNotContain("Add an engagement group");
        assertThat(page("viewer", "/voice/canvassing")).doesNotContain("Plan a visit").doesNotContain("Ask a question");

        plan("police", council, agencyId("Metropolitan Police"), "PLANNED", LocalDate.now().plusDays(3).toString()).perform()
                .andExpect(status().is3xxRedirection());
        long visit = jdbc.sql("select id from canvass_visit where created_by = 'police'").query(Long.class).single();
        assertThat(page("police", "/voice/canvassing/visits/" + visit)).contains("Record the visit");
        assertThat(page("health", "/voice/canvassing/visits/" + visit)).doesNotContain("Record the visit");
        record("health", visit, council, agencyId("Metropolitan Police")).andExpect(status().isForbidden());
        record("viewer", visit, council, agencyId("Metropolitan Police")).andExpect(status().isForbidden());
        record("police", visit, council, agencyId("Metropolitan Police")).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select status from canvass_visit where id = ?").param(visit).query(String.class).single()).isEqualTo("DONE");

        // The chair asks for the group they chair, not for another; the coordinator adds a group.
        long qa = groups.byName(partnership, "Quality Assurance and Performance Group").orElseThrow().id();
        long executive = groups.byName(partnership, "Executive Group").orElseThrow().id();
        mvc.perform(post("/voice/canvassing/questions").with(Requests.signedIn(users, "chair")).with(csrf())
                .param("text", "What would make you trust a professional?").param("askedByGroup", String.valueOf(executive)))
                .andExpect(status().isOk());
        mvc.perform(post("/voice/canvassing/questions").with(Requests.signedIn(users, "chair")).with(csrf())
                .param("text", "What would make you trust a professional?").param("askedByGroup", String.valueOf(qa)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/voice/engagement-groups").with(Requests.signedIn(users, "coordinator")).with(csrf())
                .param("name", "Youth Parliament").param("description", "Elected young people aged 11 to 18"))
                .andExpect(status().is3xxRedirection());
        assertThat(page("viewer", "/voice/engagement-groups")).contains("Youth Parliament");
        assertThat(count("canvass_question")).isEqualTo(1);
    }

    @Test
    void theCoordinatorEditsAGroupAndASecondWriterIsToldOfTheFirst() throws Exception {
        mvc.perform(post("/voice/engagement-groups").with(Requests.signedIn(users, "coordinator")).with(csrf()).param("name", "Youth Parliament"))
                .andExpect(status().is3xxRedirection());
        long id = groupId("Youth Parliament");
        edit(id, "Youth Parliament of the borough", "", 0).andExpect(status().is3xxRedirection());
        String stale = edit(id, "Borough Youth Parliament", "Meets monthly", 0).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(stale).contains("Someone else changed this engagement group");
        assertThat(jdbc.sql("select name from engagement_group where id = ?").param(id).query(String.class).single())
                .isEqualTo("Youth Parliament of the borough");
        edit(id, "Youth Parliament of the borough", "", 1).andExpect(status().is3xxRedirection());
        assertThat(page("viewer", "/voice/engagement-groups")).contains("No longer active");
        assertThat(count("audit_event where record_type = 'engagement group' and record_id = '" + id + "'")).isEqualTo(3);
    }

    @Test
    void thePrivacyGuardReadsEveryFreeTextField() throws Exception {
        String page = mvc.perform(post("/voice/engagement-groups").with(Requests.signedIn(users, "coordinator")).with(csrf())
                .param("name", "Group at SW1A 1AA").param("description", PHONE)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("There is a problem").contains("The group&#39;s name contains what looks like")
                .contains("The description contains what looks like");
        mvc.perform(post("/voice/engagement-groups").with(Requests.signedIn(users, "coordinator")).with(csrf()).param("name", "Youth Parliament"))
                .andExpect(status().is3xxRedirection());
        long parliament = groupId("Youth Parliament");
        page = edit(parliament, "Youth Parliament", PHONE, 0).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("The description contains what looks like");

        page = mvc.perform(post("/voice/canvassing/questions").with(Requests.signedIn(users, "coordinator")).with(csrf())
                .param("text", "Email me at someone@example.com").param("forPriority", String.valueOf(priorities.priorities(partnership).get(0).id())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("The question contains what looks like");

        long council = groupId("Youth Council");
        page = plan("coordinator", council, agencyId("Metropolitan Police"), "DONE", LocalDate.now().toString())
                .param("canvasser", PHONE).param("purpose", PHONE).param("heard", PHONE).perform()
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("The canvasser contains what looks like").contains("Why the visit is made contains what looks like")
                .contains("What was heard contains what looks like").doesNotContain("7946 0958&lt;");
        plan("coordinator", council, agencyId("Metropolitan Police"), "DONE", LocalDate.now().toString()).perform()
                .andExpect(status().is3xxRedirection());
        long visit = jdbc.sql("select id from canvass_visit where created_by = 'coordinator'").query(Long.class).single();
        page = mvc.perform(post("/voice/canvassing/visits/" + visit).with(Requests.signedIn(users, "coordinator")).with(csrf())
                .param("group", String.valueOf(council)).param("agency", String.valueOf(agencyId("Metropolitan Police")))
                .param("status", "DONE").param("heard", "Their worker, on 07700 900123, said").param("version", "0")
                .with(Requests.date("visitedOn", LocalDate.now().toString()))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("What was heard contains what looks like");
        assertThat(count("canvass_question")).isZero();
        assertThat(jdbc.sql("select count(*) from canvass_visit where heard is not null or canvasser like '%7946%'").query(Integer.class).single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from engagement_group where description like '%7946%' or name like '%SW1A%'").query(Integer.class)
                .single()).isZero();
    }

    @Test
    void theListOfPrioritiesWithoutChildrensInputChangesWithFeedbackAndQuestions() throws Exception {
        // A plan newer than the demo's, so that its priorities start with no input whatever the demo links.
        long planId = insert("insert into plan (partnership_id, title, start_date, end_date, loaded_at, loaded_by)"
                + " values (?, 'Engagement test plan 2030-33', '2030-04-01', '2033-03-31', current_timestamp, 'test')", partnership);
        long section = insert("insert into plan_section (plan_id, number, title, vision) values (?, 1, 'Safe', 'Children are safe')", planId);
        long first = insert("insert into plan_priority (plan_id, section_id, number, title) values (?, ?, 1, 'Children feel safe online')",
                planId, section);
        long second = insert("insert into plan_priority (plan_id, section_id, number, title) values (?, ?, 2, 'Young carers get a break')",
                planId, section);
        String page = page("viewer", "/voice/canvassing");
        assertThat(unheardSection(page)).contains("Engagement test plan 2030-33").contains("No children's input recorded")
                .contains("Children feel safe online").contains("Young carers get a break").contains("2 of")
                .doesNotContain("Give children the best opportunity");

        long item = feedback(groupId("Youth Council"), "We want to know where to get help", LocalDate.now().minusDays(3));
        jdbc.sql("insert into feedback_priority (feedback_id, priority_id, tagged_by, tagged_at) values (?, ?, 'test', current_timestamp)")
                .params(item, first).update();
        assertThat(unheardSection(page("viewer", "/voice/canvassing"))).doesNotContain("Children feel safe online")
                .contains("Young carers get a break");

        assertThat(page("coordinator", "/voice/canvassing")).contains("/voice/canvassing/questions/new?priority=" + second);
        assertThat(page("viewer", "/voice/canvassing")).doesNotContain("/voice/canvassing/questions/new?priority=");
        assertThat(page("coordinator", "/voice/canvassing/questions/new?priority=" + second)).contains("value=\"" + second + "\" selected");
        mvc.perform(post("/voice/canvassing/questions").with(Requests.signedIn(users, "coordinator")).with(csrf())
                .param("text", "What would help you get a break?").param("forPriority", String.valueOf(second)))
                .andExpect(status().is3xxRedirection());
        assertThat(unheardSection(page("viewer", "/voice/canvassing"))).doesNotContain("Young carers get a break")
                .contains("Every priority of this plan has children's input or an open question");
        long question = jdbc.sql("select id from canvass_question where created_by = 'coordinator'").query(Long.class).single();
        mvc.perform(post("/voice/canvassing/questions/" + question + "/status").with(Requests.signedIn(users, "coordinator")).with(csrf())
                .param("open", "false").param("version", "0")).andExpect(status().is3xxRedirection());
        assertThat(unheardSection(page("viewer", "/voice/canvassing"))).contains("Young carers get a break");
        assertThat(page("viewer", "/voice/canvassing/questions/" + question)).contains("Closed").contains("Young carers get a break");
        // A second writer with the old version is told, and the question stays closed.
        mvc.perform(post("/voice/canvassing/questions/" + question + "/status").with(Requests.signedIn(users, "chair")).with(csrf())
                .param("open", "true").param("version", "0")).andExpect(status().isOk());
        assertThat(jdbc.sql("select open from canvass_question where id = ?").param(question).query(Boolean.class).single()).isFalse();
    }

    @Test
    void anotherPartnershipSeesNothing() throws Exception {
        jdbc.sql("insert into partnership (name, area) values ('Elsewhere Partnership', 'Elsewhere')").update();
        long elsewhere = jdbc.sql("select id from partnership where name = 'Elsewhere Partnership'").query(Long.class).single();
        jdbc.sql("""
                insert into canopy_user (partnership_id, username, display_name, password_hash, role)
                select ?, 'elsewhere', 'Elsewhere Coordinator', password_hash, 'ADMINISTRATOR' from canopy_user where username = 'viewer'""")
                .param(elsewhere).update();
        long camhs = groupId("CAMHS YP Participation Group");
        long visit = jdbc.sql("select id from canvass_visit where engagement_group_id = ?").param(camhs).query(Long.class).single();
        assertThat(page("elsewhere", "/voice/engagement-groups")).doesNotContain("CAMHS").contains("No engagement groups yet");
        assertThat(page("elsewhere", "/voice/canvassing")).doesNotContain("CAMHS").contains("No visits recorded yet");
        mvc.perform(get("/voice/engagement-groups/" + camhs).with(Requests.signedIn(users, "elsewhere"))).andExpect(status().isNotFound());
        mvc.perform(get("/voice/canvassing/visits/" + visit).with(Requests.signedIn(users, "elsewhere"))).andExpect(status().isNotFound());
        mvc.perform(post("/voice/engagement-groups/" + camhs).with(Requests.signedIn(users, "elsewhere")).with(csrf())
                .param("name", "Taken").param("version", "0")).andExpect(status().isNotFound());
        mvc.perform(post("/voice/canvassing/visits/" + visit).with(Requests.signedIn(users, "elsewhere")).with(csrf())
                .param("status", "CANCELLED").param("version", "0")).andExpect(status().isNotFound());
        plan("elsewhere", camhs, agencyId("Metropolitan Police"), "PLANNED", LocalDate.now().plusDays(2).toString()).perform()
                .andExpect(status().isOk());
        assertThat(count("canvass_visit where created_by = 'elsewhere'")).isZero();
        assertThat(mvc.perform(get("/api/v1/engagement-groups").with(Requests.user("elsewhere"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).isEqualTo("[]");
        assertThat(mvc.perform(get("/api/v1/canvass-visits").with(Requests.user("elsewhere"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).isEqualTo("[]");
        assertThat(jdbc.sql("select name from engagement_group where id = ?").param(camhs).query(String.class).single())
                .isEqualTo("CAMHS YP Participation Group");
    }

    // ----

    /** A visit form being filled in, to add parameters to before sending. */
    final class VisitForm {
        MockHttpServletRequestBuilder request;

        VisitForm param(String name, String value) {
            request = request.param(name, value);
            return this;
        }

        ResultActions perform() throws Exception {
            return mvc.perform(request);
        }
    }

    private VisitForm plan(String who, long group, long agency, String status, String on) {
        var form = new VisitForm();
        form.request = post("/voice/canvassing/visits").with(Requests.signedIn(users, who)).with(csrf()).param("group", String.valueOf(group))
                .param("agency", String.valueOf(agency)).param("status", status).with(Requests.date("visitedOn", on));
        return form;
    }

    private ResultActions record(String who, long visit, long group, long agency) throws Exception {
        int version = jdbc.sql("select version from canvass_visit where id = ?").param(visit).query(Integer.class).single();
        return mvc.perform(post("/voice/canvassing/visits/" + visit).with(Requests.signedIn(users, who)).with(csrf())
                .param("group", String.valueOf(group)).param("agency", String.valueOf(agency)).param("status", "DONE")
                .param("heard", "They asked for more youth workers").param("version", String.valueOf(version))
                .with(Requests.date("visitedOn", LocalDate.now().toString())));
    }

    private ResultActions edit(long id, String name, String description, int version) throws Exception {
        var request = post("/voice/engagement-groups/" + id).with(Requests.signedIn(users, "coordinator")).with(csrf()).param("name", name)
                .param("description", description).param("version", String.valueOf(version));
        return mvc.perform(version == 0 ? request.param("active", "true") : request);
    }

    private long feedback(long group, String words, LocalDate on) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into feedback (partnership_id, words, source, engagement_group_id, speaker, heard_on, heard_in, recorded_by, recorded_at)
                values (?, ?, 'ENGAGEMENT_GROUP', ?, 'CHILD_OR_YOUNG_PERSON', ?, ?, 'test', current_timestamp)""")
                .params(partnership, words, group, on, org.canopy.voice.feedback.FeedbackLog.financialYear(on)).update(keys, "id");
        return keys.getKey().longValue();
    }

    private long insert(String sql, Object... params) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql(sql).params(params).update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Whether the stored rows hold no visit done and no feedback item for the group. */
    private boolean neverHeard(String name) {
        long id = groupId(name);
        return count("canvass_visit where status = 'DONE' and engagement_group_id = " + id) == 0
                && count("feedback f left join canvass_visit v on v.id = f.visit_id where f.engagement_group_id = " + id
                        + " or v.engagement_group_id = " + id) == 0;
    }

    private void youngScrutineer() {
        jdbc.sql("""
                insert into canopy_user (partnership_id, username, display_name, password_hash, role)
                select partnership_id, 'youngone', 'Sam', password_hash, 'YOUNG_SCRUTINEER' from canopy_user where username = 'viewer'""")
                .update();
        long young = jdbc.sql("select id from canopy_user where username = 'youngone'").query(Long.class).single();
        groups.addMember(partnership, "test", groups.byName(partnership, "Staying Safe Online").orElseThrow().id(), young,
                MemberRole.YOUNG_SCRUTINEER);
    }

    private long groupId(String name) {
        return jdbc.sql("select id from engagement_group where partnership_id = ? and name = ?").params(partnership, name).query(Long.class)
                .single();
    }

    private long agencyId(String name) {
        return jdbc.sql("select id from agency where partnership_id = ? and name = ?").params(partnership, name).query(Long.class).single();
    }

    private int count(String from) {
        return jdbc.sql("select count(*) from " + from).query(Integer.class).single();
    }

    private String page(String who, String path) throws Exception {
        return mvc.perform(get(path).with(Requests.signedIn(users, who))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    /** The table row of the list that names the group. */
    private static String row(String page, String name) {
        return Arrays.stream(page.split("<tr")).filter(r -> r.contains(">" + name + "<")).findFirst().orElseThrow();
    }

    private static String unheardSection(String page) {
        return page.substring(page.indexOf("id=\"unheard\""), page.indexOf(">Questions<"));
    }

    private static int occurrences(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
