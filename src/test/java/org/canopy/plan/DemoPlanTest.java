package org.canopy.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.canopy.support.CanopyDatabaseTest;
import org.canopy.support.Requests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The demo plan as loaded matches the seed document, priority by priority. */
@CanopyDatabaseTest
class DemoPlanTest {

    /** Actions per priority as the seed lists them (priority 14's Prevent objectives are bullets of their own). */
    static final int[] SEED_ACTION_COUNTS = {9, 9, 4, 3, 3, 2, 3, 5, 4, 7, 8, 2, 7, 4, 6, 2, 5, 1};

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService users;

    @Test
    void demoPlanHasTheSeedsSectionsPrioritiesAndActions() throws Exception {
        JsonNode plan = Requests.plan(mvc, json, "viewer");
        assertThat(plan.get("title").asString()).isEqualTo("Tower Hamlets Children and Families Plan 2016-19");
        assertThat(plan.get("sections")).hasSize(4);
        assertThat(plan.get("sections").valueStream().map(s -> s.get("title").asString()))
                .containsExactly("Reaching potential", "Living well", "Playing a part and freedoms", "Free from harm");
        var priorities = plan.get("sections").valueStream().flatMap(s -> s.get("priorities").valueStream()).toList();
        assertThat(priorities).hasSize(18);
        for (int i = 0; i < 18; i++) {
            assertThat(priorities.get(i).get("number").asInt()).isEqualTo(i + 1);
            assertThat(priorities.get(i).get("actions")).as("actions of priority %d", i + 1).hasSize(SEED_ACTION_COUNTS[i]);
            assertThat(priorities.get(i).get("rag").isNull()).as("no invented status").isTrue();
        }
        assertThat(plan.get("crossCuttingPriorities").valueStream().map(JsonNode::asString)).containsExactly(
                "Help at an early stage", "Holistic support that is easy to access",
                "Protecting and promoting the rights of the child");
        assertThat(plan.get("linkedStrategies")).hasSize(15);
        assertThat(plan.get("communityPlanThemes")).hasSize(4);
    }

    @Test
    void leadGroupsAndArticlesAreAsTheSeedStatesThem() throws Exception {
        JsonNode plan = Requests.plan(mvc, json, "viewer");
        var priorities = plan.get("sections").valueStream().flatMap(s -> s.get("priorities").valueStream()).toList();
        Map<Integer, List<String>> expectedLeads = Map.of(
                1, List.of("Learning and Achievement Senior Management Team", "Children's Centre Board"),
                9, List.of("Clinical Commissioning Group Children Young People Programme Board"),
                14, List.of("Prevent Programme Board"),
                17, List.of(),
                18, List.of("Children's Social Care Senior Management team"));
        expectedLeads.forEach((number, leads) -> assertThat(priorities.get(number - 1).get("leadGroups").valueStream()
                .map(JsonNode::asString).toList()).as("lead groups of priority %d", number).isEqualTo(leads));
        assertThat(plan.get("sections").get(0).get("uncrcArticles").valueStream().map(JsonNode::asInt))
                .containsExactly(28, 29, 32);
        assertThat(plan.get("sections").get(3).get("uncrcArticles")).hasSize(8);
    }

    @Test
    void theSectionPageShowsArticlesWithTheirTitles() throws Exception {
        long planId = Requests.demoPlanId(mvc, json);
        var page = mvc.perform(get("/plans/" + planId + "/sections/1").with(Requests.signedIn(users, "viewer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Article 28: Right to education").contains("Article 32: Child labour")
                .contains("Reaching potential");
    }

    @Test
    void planListIsTheApiContract() throws Exception {
        mvc.perform(get("/api/v1/plans").with(Requests.user("viewer"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.title == 'Tower Hamlets Children and Families Plan 2016-19')].start")
                        .value("2016-04-01"))
                .andExpect(jsonPath("$[?(@.title == 'Tower Hamlets Children and Families Plan 2016-19')].end")
                        .value("2019-03-31"));
    }
}
