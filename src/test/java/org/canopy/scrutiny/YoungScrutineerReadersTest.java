package org.canopy.scrutiny;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.canopy.governance.Groups;
import org.canopy.governance.MemberRole;
import org.canopy.support.CanopyDatabaseTest;
import org.canopy.support.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * A young scrutineer is a child: their first name, and the group they scrutinise, are read only by the independent
 * scrutineer, the administrator, the group's chair and the young scrutineer themselves, on the young scrutineers' page,
 * the group's page and its meetings, the priority's page and golden thread, and the API (their account is not among the
 * group's members in {@code GET /api/v1/groups} for anyone else); everyone else reads that the priority has one.
 */
@CanopyDatabaseTest
class YoungScrutineerReadersTest {

    static final String NAME = "Rowan";
    static final List<String> EVERYONE = List.of("coordinator", "executive", "police", "health", "council", "chair", "scrutineer", "viewer",
            "onlinechair", "youngrowan");
    static final List<String> KNOW = List.of("coordinator", "scrutineer", "onlinechair", "youngrowan");

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

    long partnership;
    long online;
    long meeting;

    @BeforeEach
    void theScrutineerAddsAYoungScrutineerToAPriorityGroupWithAChair() throws Exception {
        partnership = jdbc.sql("select partnership_id from canopy_user where username = 'viewer'").query(Long.class).single();
        online = groups.byName(partnership, "Staying Safe Online").orElseThrow().id();
        for (String[] account : List.of(new String[] {"onlinechair", "Online safety chair", "GROUP_CHAIR"},
                new String[] {"youngrowan", NAME, "YOUNG_SCRUTINEER"})) {
            jdbc.sql("""
                    insert into canopy_user (partnership_id, username, display_name, password_hash, role)
                    select partnership_id, ?, ?, password_hash, ? from canopy_user where username = 'viewer'""")
                    .params(account[0], account[1], account[2]).update();
        }
        groups.addMember(partnership, "test", online, userId("onlinechair"), MemberRole.CHAIR);
        groups.addMember(partnership, "test", online, userId("police"), MemberRole.MEMBER);
        mvc.perform(post("/scrutiny/young-scrutineers").with(Requests.signedIn(users, "scrutineer")).with(csrf()).param("name", NAME)
                .param("group", String.valueOf(online)).param("aged14to18", "true").param("account", "youngrowan"))
                .andExpect(status().is3xxRedirection());
        assertThat(groups.roleIn(online, userId("youngrowan"))).contains(MemberRole.YOUNG_SCRUTINEER);
        // A meeting the young scrutineer attended.
        mvc.perform(post("/groups/" + online + "/meetings").with(Requests.signedIn(users, "onlinechair")).with(csrf())
                .with(Requests.date("date", LocalDate.now(ZoneOffset.UTC).toString())).param("place", "Online"))
                .andExpect(status().is3xxRedirection());
        meeting = jdbc.sql("select max(id) from meeting where group_id = ?").param(online).query(Long.class).single();
        int version = jdbc.sql("select version from meeting where id = ?").param(meeting).query(Integer.class).single();
        mvc.perform(post("/meetings/" + meeting + "/attendance").with(Requests.signedIn(users, "onlinechair")).with(csrf())
                .param("version", String.valueOf(version)).param("attendance-" + userId("onlinechair"), "PRESENT")
                .param("attendance-" + userId("police"), "PRESENT").param("attendance-" + userId("youngrowan"), "PRESENT"))
                .andExpect(status().is3xxRedirection());
    }

    @AfterEach
    void cleanUp() {
        for (String table : List.of("meeting_attendance", "meeting_agenda_item", "meeting", "young_scrutineer")) {
            jdbc.sql("delete from " + table).update();
        }
        jdbc.sql("delete from group_member where group_id = ? and user_id = ?").params(online, userId("police")).update();
        jdbc.sql("delete from group_member where user_id in (select id from canopy_user where username in ('onlinechair', 'youngrowan'))").update();
        jdbc.sql("delete from canopy_user where username in ('onlinechair', 'youngrowan')").update();
    }

    @Test
    void aYoungScrutineersNameAndGroupAreReadOnlyByTheScrutineerTheAdministratorAndTheGroupsChair() throws Exception {
        var priority = jdbc.sql("""
                select p.plan_id, p.number, p.id from plan_priority p join plan_priority_lead_group l on l.priority_id = p.id
                where l.group_id = ?""").param(online).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).list()
                .get(0);
        String priorityPage = "/plans/" + priority[0] + "/priorities/" + priority[1];
        for (String who : EVERYONE) {
            boolean knows = KNOW.contains(who);
            // The young scrutineer reads only their own group; everyone else reads every page below.
            for (String path : List.of("/scrutiny/young-scrutineers", "/groups/" + online, "/meetings/" + meeting, priorityPage,
                    priorityPage + "/thread")) {
                String page = page(who, path);
                assertThat(page.contains(">" + NAME + "<") || page.contains(" " + NAME + " ") || page.contains(">" + NAME + ","))
                        .as(who + " reads the young scrutineer's name on " + path).isEqualTo(knows);
            }
            var groupsApi = json.readTree(api(who, "/api/v1/groups"));
            var members = groupsApi.valueStream().filter(g -> g.get("id").asLong() == online).flatMap(g -> g.get("members").valueStream())
                    .toList();
            assertThat(members).as(who + " reads the group's other members over the API").isNotEmpty();
            assertThat(members.stream().anyMatch(m -> m.get("name").asString().equals(NAME)))
                    .as(who + " reads the child's account among the group's members").isEqualTo(knows);
            assertThat(members.stream().anyMatch(m -> m.get("roleInGroup").asString().equals("YOUNG_SCRUTINEER"))).as(who).isEqualTo(knows);
            String meetingApi = api(who, "/api/v1/meetings/" + meeting);
            assertThat(meetingApi.contains("\"" + NAME + "\"")).as(who + " reads the child's attendance over the API").isEqualTo(knows);
            assertThat(api(who, "/api/v1/priorities/" + priority[2] + "/thread").contains("\"" + NAME + "\""))
                    .as(who + " reads the child's name on the thread's API").isEqualTo(knows);
        }
        assertThat(page("viewer", "/scrutiny/young-scrutineers")).contains("1 young scrutineer is named only to");
        assertThat(page("viewer", priorityPage + "/thread")).contains("The priority has a young scrutineer");
    }

    private String page(String who, String path) throws Exception {
        var response = mvc.perform(get(path).with(Requests.signedIn(users, who))).andReturn().getResponse();
        assertThat(response.getStatus()).as(who + " at " + path).isEqualTo(200);
        return new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    private String api(String who, String path) throws Exception {
        var response = mvc.perform(get(path).with(Requests.user(who))).andReturn().getResponse();
        assertThat(response.getStatus()).as(who + " at " + path).isEqualTo(200);
        return new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    private long userId(String username) {
        return jdbc.sql("select id from canopy_user where username = ?").param(username).query(Long.class).single();
    }
}
