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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rights follow a group's function, not its name: renamed on its page, the quality assurance group's chair still
 * reviews figures and the rapid review panel's members still read case records; a group that loses the function,
 * or merely bears the old name, gives none of them. Only the administrator changes a group's name and function,
 * one group at most holds each function, and every change is in the history.
 */
@CanopyDatabaseTest
class GroupFunctionTest {

    static final String QA = "Quality Assurance and Performance Group";
    static final String PANEL = "Rapid Review Panel";

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
    long panel;

    @BeforeEach
    void peopleInTheGroups() {
        partnership = jdbc.sql("select partnership_id from canopy_user where username = 'viewer'").query(Long.class).single();
        qa = groups.withFunction(partnership, GroupFunction.QUALITY_ASSURANCE).orElseThrow().id();
        panel = groups.withFunction(partnership, GroupFunction.RAPID_REVIEW_PANEL).orElseThrow().id();
        person("qachair", "Quinn Assurance", "GROUP_CHAIR");
        person("panelmember", "Pat Panel", "AGENCY_CONTRIBUTOR");
        person("namesake", "Nat Namesake", "AGENCY_CONTRIBUTOR");
        groups.addMember(partnership, "test", qa, userId("qachair"));
        groups.addMember(partnership, "test", panel, userId("panelmember"));
    }

    @AfterEach
    void restoreDemo() {
        jdbc.sql("delete from group_member where user_id in (select id from canopy_user where username in"
                + " ('qachair', 'panelmember', 'namesake'))").update();
        jdbc.sql("delete from canopy_user where username in ('qachair', 'panelmember', 'namesake')").update();
        jdbc.sql("delete from partnership_group where partnership_id = ? and id not in (?, ?) and name = ?")
                .params(partnership, qa, panel, PANEL).update();
        jdbc.sql("update partnership_group set name = ?, group_function = 'QUALITY_ASSURANCE' where id = ?").params(QA, qa).update();
        jdbc.sql("update partnership_group set name = ?, group_function = 'RAPID_REVIEW_PANEL' where id = ?").params(PANEL, panel).update();
        jdbc.sql("delete from figure_upload_row").update();
        jdbc.sql("delete from figure_upload").update();
        jdbc.sql("delete from observation_revision").update();
        jdbc.sql("delete from observation where recorded_by <> 'demo'").update();
    }

    @Test
    void aRenamedQualityAssuranceGroupsChairStillReviewsFiguresUntilTheGroupLosesItsFunction() throws Exception {
        change("coordinator", qa, "Performance and Assurance Board", "QUALITY_ASSURANCE").andExpect(status().is3xxRedirection());
        assertThat(groups.withFunction(partnership, GroupFunction.QUALITY_ASSURANCE).orElseThrow().name())
                .isEqualTo("Performance and Assurance Board");
        assertThat(page("viewer", "/groups/" + qa)).contains("Performance and Assurance Board").contains("Quality assurance")
                .doesNotContain(QA).doesNotContain("Save name and function");

        long upload = policeUpload("812");
        assertThat(page("qachair", "/data/uploads/" + upload)).contains("Quality assurance review");
        review("qachair", upload).andExpect(status().is3xxRedirection());
        assertThat(value("2020-21-Q3")).isEqualTo("812");

        change("coordinator", qa, "Performance and Assurance Board", "NONE").andExpect(status().is3xxRedirection());
        long second = policeUpload("813");
        mvc.perform(get("/data/uploads/" + second).with(Requests.signedIn(users, "qachair"))).andExpect(status().isForbidden());
        review("qachair", second).andExpect(status().isForbidden());
        assertThat(value("2020-21-Q3")).isEqualTo("812");
        // The administrator's own right does not hang on any group.
        review("coordinator", second).andExpect(status().is3xxRedirection());
        assertThat(value("2020-21-Q3")).isEqualTo("813");
    }

    @Test
    void aRenamedRapidReviewPanelsMembersStillReadCaseRecordsButAGroupMerelyNamedSoGivesNone() throws Exception {
        long incident = jdbc.sql("select id from serious_incident where created_by = 'demo'").query(Long.class).single();
        change("coordinator", panel, "Serious Incident Panel", "RAPID_REVIEW_PANEL").andExpect(status().is3xxRedirection());
        var namesake = groups.findOrCreate(partnership, "test", PANEL, GroupType.PANEL);
        assertThat(namesake.function()).isEqualTo(GroupFunction.NONE);
        groups.addMember(partnership, "test", namesake.id(), userId("namesake"));

        mvc.perform(get("/learning/incidents/" + incident).with(Requests.signedIn(users, "panelmember"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/incidents/" + incident).with(Requests.user("panelmember"))).andExpect(status().isOk());
        mvc.perform(get("/learning/incidents/" + incident).with(Requests.signedIn(users, "namesake"))).andExpect(status().isForbidden());

        change("coordinator", panel, "Serious Incident Panel", "NONE").andExpect(status().is3xxRedirection());
        mvc.perform(get("/learning/incidents/" + incident).with(Requests.signedIn(users, "panelmember"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/incidents/" + incident).with(Requests.user("panelmember"))).andExpect(status().isForbidden());

        change("coordinator", namesake.id(), PANEL, "RAPID_REVIEW_PANEL").andExpect(status().is3xxRedirection());
        mvc.perform(get("/learning/incidents/" + incident).with(Requests.signedIn(users, "namesake"))).andExpect(status().isOk());
    }

    @Test
    void onlyTheAdministratorChangesAGroupOneGroupHoldsEachFunctionAndTheHistoryRecordsIt() throws Exception {
        for (String user : new String[] {"executive", "qachair", "police", "scrutineer", "viewer"}) {
            change(user, qa, "Taken over", "QUALITY_ASSURANCE").andExpect(status().isForbidden());
        }
        String refused = new String(change("coordinator", panel, PANEL, "QUALITY_ASSURANCE").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(refused).contains("There is a problem")
                .contains(QA + " already holds the function Quality assurance: give it another function first");
        String blank = new String(change("coordinator", panel, " ", "RAPID_REVIEW_PANEL").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(blank).contains("Enter the group&#39;s name");
        assertThat(new String(change("coordinator", panel, QA, "RAPID_REVIEW_PANEL").andReturn().getResponse()
                .getContentAsByteArray(), StandardCharsets.UTF_8)).contains("Another group is already called " + QA);
        assertThat(groups.withFunction(partnership, GroupFunction.QUALITY_ASSURANCE).orElseThrow().id()).isEqualTo(qa);
        assertThat(groups.withFunction(partnership, GroupFunction.RAPID_REVIEW_PANEL).orElseThrow().name()).isEqualTo(PANEL);

        // A page read before someone else's change cannot overwrite it.
        int stale = version(qa);
        change("coordinator", qa, "Assurance Group", "QUALITY_ASSURANCE").andExpect(status().is3xxRedirection());
        String conflict = new String(mvc.perform(post("/groups/" + qa).with(Requests.signedIn(users, "coordinator")).with(csrf())
                .param("name", "Something else").param("function", "QUALITY_ASSURANCE").param("version", String.valueOf(stale)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(conflict).contains("Someone else changed this group");
        assertThat(groups.withFunction(partnership, GroupFunction.QUALITY_ASSURANCE).orElseThrow().name()).isEqualTo("Assurance Group");
        assertThat(page("scrutineer", "/groups")).contains("Assurance Group").contains("Rapid review panel").contains("The executive");
        // The rapid review panel's records speak of cases: a viewer is not shown the panel at all.
        assertThat(page("viewer", "/groups")).contains("Assurance Group").doesNotContain("Rapid review panel");
        assertThat(jdbc.sql("select summary from audit_event where record_type = 'group' and record_id = ? and action = 'changed'")
                .param(String.valueOf(qa)).query(String.class).list())
                .contains("Changed group " + QA + " to Assurance Group, function Quality assurance");
    }

    ResultActions change(String user, long group, String name, String function) throws Exception {
        return mvc.perform(post("/groups/" + group).with(Requests.signedIn(users, user)).with(csrf())
                .param("name", name).param("function", function).param("version", String.valueOf(version(group))));
    }

    ResultActions review(String user, long upload) throws Exception {
        int version = jdbc.sql("select version from figure_upload where id = ?").param(upload).query(Integer.class).single();
        return mvc.perform(post("/data/uploads/" + upload + "/review").with(Requests.signedIn(users, user)).with(csrf())
                .param("decision", "accept").param("version", String.valueOf(version)));
    }

    long policeUpload(String value) throws Exception {
        var body = mvc.perform(post("/api/v1/observations").with(Requests.user("police")).contentType("text/csv")
                        .content("indicator,period,area,value,narrative\nDOMESTIC_ABUSE_CASES,2020-21-Q3,," + value + ",Rising\n"))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("upload").asLong();
    }

    String value(String period) {
        return jdbc.sql("""
                select o.observed_value from observation o join indicator i on i.id = o.indicator_id
                join data_area a on a.id = o.area_id where i.code = 'DOMESTIC_ABUSE_CASES' and o.period = ?
                and a.name = 'Tower Hamlets'""").param(period).query(java.math.BigDecimal.class).optional()
                .map(v -> v.stripTrailingZeros().toPlainString()).orElse(null);
    }

    int version(long group) {
        return jdbc.sql("select version from partnership_group where id = ?").param(group).query(Integer.class).single();
    }

    String page(String user, String url) throws Exception {
        return new String(mvc.perform(get(url).with(Requests.signedIn(users, user))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    void person(String username, String name, String role) {
        jdbc.sql("""
                insert into canopy_user (partnership_id, username, display_name, password_hash, role)
                select partnership_id, ?, ?, password_hash, ? from canopy_user where username = 'viewer'""")
                .params(username, name, role).update();
    }

    long userId(String username) {
        return jdbc.sql("select id from canopy_user where username = ?").param(username).query(Long.class).single();
    }
}
