package org.canopy.scrutiny;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import org.canopy.governance.BusinessEntry;
import org.canopy.governance.GroupBusiness;
import org.canopy.governance.GroupFunction;
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
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

/**
 * Challenges: the scrutineer raises one to the Quality Assurance and Performance Group, its chair answers it, and the
 * group's and the Executive's business show it; others may not raise or answer; a young scrutineer raises only to
 * their own group and reads only their own; bad input is refused whole; another partnership sees nothing.
 */
@CanopyDatabaseTest
class ChallengesTest {

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

    @Autowired
    List<GroupBusiness> business;

    long partnership;
    long qa;
    long online;

    @BeforeEach
    void setUp() {
        partnership = jdbc.sql("select partnership_id from canopy_user where username = 'viewer'").query(Long.class).single();
        qa = groups.byName(partnership, QA).orElseThrow().id();
        online = groups.byName(partnership, "Staying Safe Online").orElseThrow().id();
    }

    @AfterEach
    void cleanUp() {
        jdbc.sql("delete from scrutiny_challenge where raised_by <> 'demo'").update();
        jdbc.sql("delete from group_member where user_id in (select id from canopy_user where username = 'youngone')").update();
        jdbc.sql("delete from canopy_user where username in ('youngone', 'elsewhere')").update();
        jdbc.sql("delete from partnership where name = 'Elsewhere Partnership'").update();
    }

    @Test
    void theScrutineerChallengesAGroupItsChairAnswersAndTheExecutiveSeesTheStatus() throws Exception {
        for (String who : List.of("viewer", "police", "executive", "chair", "coordinator")) {
            raise(who, "group:" + qa, "Why are audits late?", LocalDate.now().plusDays(14).toString()).andExpect(status().isForbidden());
        }
        raise("scrutineer", "group:" + qa, "How does the group know audit actions are finished?",
                LocalDate.now().plusDays(14).toString()).andExpect(status().is3xxRedirection());
        long id = jdbc.sql("select id from scrutiny_challenge where raised_by = 'scrutineer'").query(Long.class).single();
        assertThat(page("viewer", "/scrutiny/challenges")).contains("How does the group know audit actions are finished?")
                .contains(QA).contains("Awaiting response");

        var qaEntries = entries(qa);
        assertThat(qaEntries).anySatisfy(e -> {
            assertThat(e.section()).isEqualTo("Challenges");
            assertThat(e.forAgenda()).isTrue();
        });
        long executive = groups.withFunction(partnership, GroupFunction.EXECUTIVE).orElseThrow().id();
        assertThat(entries(executive)).anySatisfy(e -> {
            assertThat(e.section()).isEqualTo("Challenges from scrutiny");
            assertThat(e.status()).isEqualTo("Awaiting response");
            assertThat(e.forAgenda()).isFalse();
        });

        // Another group's chair (the executive chairs the Executive Group) and the scrutineer cannot answer.
        answer("executive", id, "We check them").andExpect(status().isForbidden());
        answer("scrutineer", id, "We check them").andExpect(status().isForbidden());
        answer("chair", id, "Each action's owner reports at every meeting").andExpect(status().is3xxRedirection());
        assertThat(page("viewer", "/scrutiny/challenges/" + id)).contains("Each action&#39;s owner reports at every meeting").contains("Answered");
        assertThat(entries(qa)).noneMatch(e -> e.kind().equals("CHALLENGE"));
        assertThat(entries(executive)).anySatisfy(e -> assertThat(e.status()).isEqualTo("Answered"));

        mvc.perform(post("/scrutiny/challenges/" + id + "/judgement").with(Requests.signedIn(users, "chair")).with(csrf())
                .param("satisfied", "true").param("version", "1")).andExpect(status().isForbidden());
        mvc.perform(post("/scrutiny/challenges/" + id + "/judgement").with(Requests.signedIn(users, "scrutineer")).with(csrf())
                .param("satisfied", "true").param("version", "1")).andExpect(status().is3xxRedirection());
        assertThat(entries(executive)).anySatisfy(e -> assertThat(e.status()).isEqualTo("Scrutineer satisfied"));
    }

    @Test
    void anOverdueResponseIsOnTheExecutivesAgenda() {
        jdbc.sql("""
                insert into scrutiny_challenge (partnership_id, raised_by, raised_by_user_id, raised_by_role, to_group_id, to_name, text,
                                                response_due, raised_at)
                values (?, 'scrutineer', 0, 'INDEPENDENT_SCRUTINEER', ?, ?, 'Late one', ?, current_timestamp)""")
                .params(partnership, qa, QA, LocalDate.now().minusDays(1)).update();
        long executive = groups.withFunction(partnership, GroupFunction.EXECUTIVE).orElseThrow().id();
        assertThat(entries(executive)).anySatisfy(e -> {
            assertThat(e.title()).contains("Late one");
            assertThat(e.status()).isEqualTo("Response overdue");
            assertThat(e.forAgenda()).isTrue();
        });
    }

    @Test
    void badInputIsRefusedWithNothingSaved() throws Exception {
        raise("scrutineer", "group:" + qa, "Why?", LocalDate.now().minusDays(1).toString()).andExpect(status().isOk());
        String page = mvc.perform(post("/scrutiny/challenges").with(Requests.signedIn(users, "scrutineer")).with(csrf())
                .param("to", "group:" + qa).param("text", "Call 020 7946 0958 about it").param("evidence", "Email someone@example.com")
                .with(Requests.date("responseDue", LocalDate.now().plusDays(3).toString())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("There is a problem").contains("The challenge contains what looks like").contains("The evidence contains");
        assertThat(page("scrutineer", "/scrutiny/challenges")).contains("None yet");
        assertThat(count()).isZero();

        raise("scrutineer", "group:" + qa, "Fine words", LocalDate.now().toString()).andExpect(status().is3xxRedirection());
        long id = jdbc.sql("select id from scrutiny_challenge where raised_by = 'scrutineer'").query(Long.class).single();
        answer("chair", id, "Ring 020 7946 0958").andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from scrutiny_challenge where response is not null").query(Integer.class).single()).isZero();
    }

    @Test
    void aYoungScrutineerChallengesOnlyTheirOwnGroupAndReadsOnlyTheirOwn() throws Exception {
        raise("scrutineer", "group:" + qa, "A challenge to quality assurance", LocalDate.now().plusDays(5).toString())
                .andExpect(status().is3xxRedirection());
        jdbc.sql("""
                insert into canopy_user (partnership_id, username, display_name, password_hash, role)
                select partnership_id, 'youngone', 'Sam', password_hash, 'YOUNG_SCRUTINEER' from canopy_user where username = 'viewer'""")
                .update();
        long young = jdbc.sql("select id from canopy_user where username = 'youngone'").query(Long.class).single();
        groups.addMember(partnership, "test", online, young, MemberRole.YOUNG_SCRUTINEER);

        raise("youngone", "group:" + qa, "Not mine", LocalDate.now().plusDays(5).toString()).andExpect(status().isOk());
        raise("youngone", "group:" + online, "Do you ask young people about apps?", LocalDate.now().plusDays(5).toString())
                .andExpect(status().is3xxRedirection());
        assertThat(page("youngone", "/scrutiny/challenges")).contains("Do you ask young people about apps?")
                .doesNotContain("A challenge to quality assurance");
        long other = jdbc.sql("select id from scrutiny_challenge where text = 'A challenge to quality assurance'").query(Long.class).single();
        mvc.perform(get("/scrutiny/challenges/" + other).with(Requests.signedIn(users, "youngone"))).andExpect(status().isNotFound());
        assertThat(page("viewer", "/scrutiny/challenges")).contains("Do you ask young people about apps?").contains("A challenge to quality assurance");
    }

    @Test
    void theApiListsAndRaisesChallengesAndAnotherPartnershipSeesNothing() throws Exception {
        String body = "{\"toGroupId\": " + qa + ", \"text\": \"Show us the audit tracker\", \"responseDue\": \""
                + LocalDate.now().plusDays(7) + "\"}";
        mvc.perform(Requests.json(post("/api/v1/challenges"), body).with(Requests.user("viewer"))).andExpect(status().isForbidden());
        var created = json.readTree(mvc.perform(Requests.json(post("/api/v1/challenges"), body).with(Requests.user("scrutineer")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        assertThat(created.get("toGroupId").asLong()).isEqualTo(qa);
        assertThat(created.get("status").asString()).isEqualTo("AWAITING_RESPONSE");
        var list = json.readTree(mvc.perform(get("/api/v1/challenges").with(Requests.user("viewer"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(list.get(0).get("text").asString()).isEqualTo("Show us the audit tracker");
        assertThat(list.get(0).has("raisedBy")).isTrue();
        assertThat(list.get(0).has("responseDue")).isTrue();
        assertThat(list.get(0).get("response").isNull()).isTrue();
        String past = "{\"toGroupId\": " + qa + ", \"text\": \"x\", \"responseDue\": \"" + LocalDate.now().minusDays(1) + "\"}";
        mvc.perform(Requests.json(post("/api/v1/challenges"), past).with(Requests.user("scrutineer"))).andExpect(status().isBadRequest());

        jdbc.sql("insert into partnership (name, area) values ('Elsewhere Partnership', 'Elsewhere')").update();
        long elsewhere = jdbc.sql("select id from partnership where name = 'Elsewhere Partnership'").query(Long.class).single();
        jdbc.sql("""
                insert into canopy_user (partnership_id, username, display_name, password_hash, role)
                select ?, 'elsewhere', 'Elsewhere Scrutineer', password_hash, 'INDEPENDENT_SCRUTINEER' from canopy_user where username = 'viewer'""")
                .param(elsewhere).update();
        String theirs = mvc.perform(get("/api/v1/challenges").with(Requests.user("elsewhere"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(theirs).isEqualTo("[]");
        mvc.perform(get("/scrutiny/challenges/" + created.get("id").asLong()).with(Requests.signedIn(users, "elsewhere")))
                .andExpect(status().isNotFound());
        assertThat(page("elsewhere", "/scrutiny/statement")).doesNotContain("Keith Makin");
        mvc.perform(Requests.json(post("/api/v1/challenges"), body).with(Requests.user("elsewhere"))).andExpect(status().isBadRequest());
    }

    @Test
    void theDemoStatementRendersTheSeedsReflections() throws Exception {
        String page = page("viewer", "/scrutiny/statement");
        assertThat(page).contains("Keith Makin").contains("Reflections, 2020-21")
                .contains("has some way to go before it could be described as consistently good")
                .contains("Rapid Reviews are well organised, timely and outcomes-focused;")
                .contains("An equality of funding between the partners needs to be reached;");
        assertThat(page("viewer", "/scrutiny")).contains("explore additional scrutiny options including peer reviews").contains("Peer review");
    }

    private List<BusinessEntry> entries(long groupId) {
        var group = groups.byIds(partnership, List.of(groupId)).get(0);
        return business.stream().flatMap(b -> b.businessOf(partnership, group, LocalDate.now()).stream())
                .filter(e -> e.kind().equals("CHALLENGE")).toList();
    }

    private int count() {
        return jdbc.sql("select count(*) from scrutiny_challenge where raised_by <> 'demo'").query(Integer.class).single();
    }

    private ResultActions raise(String who, String to, String text, String due) throws Exception {
        return mvc.perform(post("/scrutiny/challenges").with(Requests.signedIn(users, who)).with(csrf()).param("to", to)
                .param("text", text).with(Requests.date("responseDue", due)));
    }

    private ResultActions answer(String who, long id, String response) throws Exception {
        int version = jdbc.sql("select version from scrutiny_challenge where id = ?").param(id).query(Integer.class).single();
        return mvc.perform(post("/scrutiny/challenges/" + id + "/response").with(Requests.signedIn(users, who)).with(csrf())
                .param("response", response).param("version", String.valueOf(version)));
    }

    private String page(String who, String path) throws Exception {
        return mvc.perform(get(path).with(Requests.signedIn(users, who))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }
}
