package org.canopy.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.canopy.governance.Groups;
import org.canopy.support.CanopyDatabaseTest;
import org.canopy.support.Requests;
import org.canopy.support.StatementCounter;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * How many SQL statements a page costs, bounded, and the plan's pages cost the same however many actions (and
 * priorities) a plan has: a plan is read in a fixed number of queries, one per kind of thing.
 *
 * <p>Every count is of a cache miss. Before each measured request the coordinator makes a real write that moves the
 * partnership's data version (a new calendar feed address, which no measured page shows), so a page cache keyed by
 * the data version holds nothing for the request; the measured request is the first after that write, in the
 * coordinator's own browsing session, and carries no {@code If-None-Match}. Only statements on the request's thread
 * are counted ({@link StatementCounter}).
 *
 * <p>The bounds are the figures measured when this test was written, the same on H2 and PostgreSQL (stated beside
 * each), with a little room: a page that starts reading per row, or a new read added to every page, fails them.
 * This class has its own application context and database (the counter is imported), so nothing else changes the
 * figures; the bounded pages are measured before the plans of the growth test are loaded, as the home and my updates
 * pages read each plan.
 */
@CanopyDatabaseTest
@Import(StatementCounter.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PageQueriesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JsonMapper json;

    @Autowired
    Groups groups;

    @Autowired
    StatementCounter counter;

    private final MockHttpSession session = new MockHttpSession();

    @Test
    @Order(1)
    void eachPageIsReadInABoundedNumberOfStatements() throws Exception {
        long plan = Requests.demoPlanId(mvc, json);
        long action = Requests.actionId(mvc, json, 9, 1);
        // path -> the most statements it may execute (measured when written, H2 and PostgreSQL alike).
        var bounds = new LinkedHashMap<String, Integer>();
        bounds.put("/dashboard", 38);                                 // 33: the catalogue is read 4 times, areas 3, agencies 3
        bounds.put("/dashboard/indicators/CP_COUNT", 19);             // 16
        bounds.put("/dashboard/indicators/CP_COUNT/chart.svg", 12);   // 10
        bounds.put("/public/indicators", 11);                         // 9
        bounds.put("/plans/" + plan, 20);                             // 17: the plan in 14, the open round, version, name
        bounds.put("/plans/" + plan + "/sections/1", 18);             // 15
        bounds.put("/plans/" + plan + "/priorities/9", 42);           // 38: 15, and the golden thread's strands (data, learning, scrutiny, voice) and the lead groups
        bounds.put("/plans/" + plan + "/actions", 18);                // 15
        bounds.put("/plans/" + plan + "/rounds", 30);                 // 26 (58 before lead groups' members were read at once)
        bounds.put("/actions/" + action, 25);                         // 22
        bounds.put("/", 52);                                          // 49: the 2016-19 plan read twice, the 2021 priorities once
        bounds.put("/my-updates", 25);                                // 22
        bounds.put("/learning/action-plan", 9);                       // 7
        bounds.put("/learning/deadlines", 12);                        // 10
        bounds.put("/data/rounds", 11);                               // 9
        var over = new ArrayList<String>();
        for (var bound : bounds.entrySet()) {
            var counted = statements(bound.getKey());
            System.out.println("Statements for " + bound.getKey() + ": " + counted.count());
            if (counted.count() > bound.getValue()) {
                over.add(bound.getKey() + " executed " + counted.count() + " statements, more than " + bound.getValue()
                        + ":\n" + counted.describe());
            }
        }
        assertThat(over).as("pages over their bound").isEmpty();
    }

    @Test
    @Order(2)
    void aPlansPagesCostTheSameWithManyMoreActionsAndPriorities() throws Exception {
        // Both plans have every kind of thing a plan page shows: lead groups with members, the plan's own tags and the
        // partnership's, an open round with an update on every action, and an assigned updater.
        var small = loadPlan("Query count plan, small", 1, 1);
        var large = loadPlan("Query count plan, large", 4, 12);
        assertThat(large.actions()).hasSize(2 * 4 * 12);
        for (String page : List.of("/plans/%d", "/plans/%d/sections/1", "/plans/%d/priorities/1", "/plans/%d/actions",
                "/plans/%d/rounds", "/plans/%d/export.csv", "/actions/%s")) {
            var few = statements(page.formatted(small.id(), small.actions().get(0)));
            var many = statements(page.formatted(large.id(), large.actions().get(0)));
            assertThat(many.count()).as("%s with %d actions executed %d statements, with %d actions %d:\n%s",
                    page, large.actions().size(), many.count(), small.actions().size(), few.count(), many.describe())
                    .isEqualTo(few.count());
        }
        assertThat(page("/plans/" + large.id() + "/priorities/8")).contains("Action 8.12 is delivered");
    }

    @Test
    @Order(3)
    void theDashboardCostsTheSameWithManyMoreIndicatorsAndFigures() throws Exception {
        var pages = List.of("/dashboard", "/public/indicators", "/dashboard/indicators/CP_COUNT");
        var before = new ArrayList<Integer>();
        for (String page : pages) {
            before.add(withoutRateRead(statements(page)));
        }
        var file = new StringBuilder("""
                format: canopy-indicators/1
                areas:
                  - name: "Tower Hamlets"
                    kind: LOCAL_AUTHORITY
                indicators:
                """);
        for (int i = 1; i <= 30; i++) {
            file.append("""
                      - code: "QUERY_COUNT_%d"
                        name: "Query count indicator %d"
                        unit: COUNT
                        polarity: LOWER_IS_BETTER
                        frequency: QUARTERLY
                        public: true
                        partnershipPriorities: ["Domestic Abuse and the Impact on Children and Young People"]
                        observations:
                    """.formatted(i, i));
            for (int year = 2015; year <= 2020; year++) {
                for (int quarter = 1; quarter <= 4; quarter++) {
                    file.append("      - {period: \"%d-%02d-Q%d\", area: \"Tower Hamlets\", value: %d}\n"
                            .formatted(year, (year + 1) % 100, quarter, 100 + i + quarter));
                }
            }
        }
        mvc.perform(multipart("/admin/indicators/load").file(new MockMultipartFile("file", "more.yaml", "text/yaml",
                        file.toString().getBytes(StandardCharsets.UTF_8))).with(Requests.signedIn(users, "coordinator")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("success", org.hamcrest.Matchers.startsWith("Added 30 indicators")));
        for (int i = 0; i < pages.size(); i++) {
            var after = statements(pages.get(i));
            assertThat(withoutRateRead(after)).as("%s with 30 more indicators and 720 more figures executed %d statements, before %d:\n%s",
                    pages.get(i), withoutRateRead(after), before.get(i), after.describe()).isEqualTo(before.get(i));
        }
        assertThat(page("/dashboard")).contains("Query count indicator 30");
    }

    record LoadedPlan(long id, List<Long> actions) {
    }

    /** A plan of two sections, each of {@code priorities} priorities of {@code actions} actions, loaded and updated. */
    private LoadedPlan loadPlan(String title, int priorities, int actions) throws Exception {
        var yaml = new StringBuilder("""
                format: canopy-plan/1
                title: %s
                start: 2021-04-01
                end: 2031-03-31
                crossCuttingPriorities:
                  - title: Early help
                    description: Help at the first sign of need.
                  - title: Online safety
                    description: Safe online.
                groups:
                  - name: Query count group A
                    type: PRIORITY_GROUP
                  - name: Query count group B
                    type: SUB_GROUP
                sections:
                """.formatted(title));
        int number = 0;
        for (int s = 1; s <= 2; s++) {
            yaml.append("""
                      - number: %d
                        title: Section %d
                        vision: Children are safe.
                        uncrcArticles: [{number: 3, title: Best interests of the child}]
                        achievements: [Fewer repeat plans]
                        challenges: [Neglect stays high]
                        indicators: [Children on a plan]
                        priorities:
                    """.formatted(s, s));
            for (int p = 1; p <= priorities; p++) {
                yaml.append("""
                              - number: %d
                                title: Priority %d
                                leadStatement: Led by groups A and B.
                                leadGroups: [Query count group A, Query count group B]
                                actions:
                        """.formatted(++number, number));
                for (int a = 1; a <= actions; a++) {
                    yaml.append("""
                                      - text: Action %d.%d is delivered
                                        crossCutting: [Early help]
                            """.formatted(number, a));
                }
            }
        }
        var body = mvc.perform(post("/api/v1/plans").with(Requests.user("coordinator")).contentType("application/yaml")
                .content(yaml.toString())).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = json.readTree(body).get("id").asLong();
        long partnership = jdbc.sql("select partnership_id from plan where id = ?").param(id).query(Long.class).single();
        for (var member : Map.of("Query count group A", "police", "Query count group B", "health").entrySet()) {
            long group = jdbc.sql("select id from partnership_group where partnership_id = ? and name = ?")
                    .params(partnership, member.getKey()).query(Long.class).single();
            groups.addMember(partnership, "coordinator", group, userId(member.getValue()));
        }
        mvc.perform(post("/plans/" + id + "/rounds").with(Requests.signedIn(users, "coordinator")).with(csrf())
                .param("period", "2024-25-Q1").with(Requests.date("dueDate", LocalDate.now().plusDays(14).toString())))
                .andExpect(status().is3xxRedirection());
        var plan = json.readTree(mvc.perform(get("/api/v1/plans/" + id).with(Requests.user("viewer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        var actionIds = plan.get("sections").valueStream().flatMap(s -> s.get("priorities").valueStream())
                .flatMap(p -> p.get("actions").valueStream()).map(a -> a.get("id").asLong()).toList();
        long onlineSafety = jdbc.sql("select id from plan_cross_cutting_priority where plan_id = ? and title = 'Online safety'")
                .param(id).query(Long.class).single();
        for (long action : actionIds) {
            mvc.perform(Requests.json(post("/api/v1/actions/" + action + "/updates"),
                    "{\"period\":\"2024-25-Q1\",\"rag\":\"GREEN\",\"narrative\":\"On track.\"}")
                    .with(Requests.user("coordinator"))).andExpect(status().isCreated());
            mvc.perform(post("/actions/" + action + "/cross-cutting").with(Requests.signedIn(users, "coordinator")).with(csrf())
                    .param("crossCutting", String.valueOf(onlineSafety))).andExpect(status().is3xxRedirection());
        }
        mvc.perform(post("/plans/" + id + "/rounds/updaters").with(Requests.signedIn(users, "coordinator")).with(csrf())
                .param("updaterAction", String.valueOf(actionIds.get(0))).param("updater", String.valueOf(userId("council"))))
                .andExpect(status().is3xxRedirection());
        return new LoadedPlan(id, actionIds);
    }

    private long userId(String username) {
        return jdbc.sql("select id from canopy_user where username = ?").param(username).query(Long.class).single();
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).session(session).with(Requests.signedIn(users, "coordinator"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    /** The rate checks' one read of every rate, count and population: made once per change of the figures. */
    private static final String RATE_READ = "o.observed_value from observation o join indicator i on i.id = o.indicator_id";

    /** Statements but the rate checks' read, which a page makes or not as its findings were kept (order 4). */
    private static int withoutRateRead(StatementCounter.Counted counted) {
        return (int) counted.statements().stream().filter(sql -> !sql.contains(RATE_READ)).count();
    }

    @Test
    @Order(4)
    void theRateChecksReadTheFiguresOncePerChangeOfTheFiguresNotPerChangeElsewhere() throws Exception {
        String rateRead = RATE_READ;
        mvc.perform(post("/api/v1/observations").with(Requests.user("coordinator")).contentType("text/csv")
                        .content("indicator,period,area,value,narrative\nCP_COUNT,2020-21,,240,\n"))
                .andExpect(status().isCreated());
        assertThat(statements("/dashboard").statements()).anyMatch(sql -> sql.contains(rateRead));
        // A change elsewhere (a calendar address) renders the dashboard again, but the rate checks' findings stand.
        assertThat(statements("/dashboard").statements()).noneMatch(sql -> sql.contains(rateRead));
        assertThat(statements("/data/quality").statements()).noneMatch(sql -> sql.contains(rateRead));
        // Figures of an indicator no rate check compares leave the findings standing too.
        mvc.perform(post("/api/v1/observations").with(Requests.user("coordinator")).contentType("text/csv")
                        .content("indicator,period,area,value,narrative\nDOMESTIC_ABUSE_CASES,2020-21-Q3,,812,\n"))
                .andExpect(status().isCreated());
        var afterOtherFigures = statements("/dashboard");
        assertThat(afterOtherFigures.statements()).noneMatch(sql -> sql.contains(rateRead));
        assertThat(mvc.perform(get("/dashboard").session(session).with(Requests.signedIn(users, "coordinator")))
                .andReturn().getResponse().getContentAsString()).contains("812");
    }

    /** The statements of one GET as the coordinator, the first request after a write that moved the data version. */
    private StatementCounter.Counted statements(String path) throws Exception {
        mvc.perform(post("/learning/calendar").session(session).with(Requests.signedIn(users, "coordinator")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        var request = get(path).session(session).with(Requests.signedIn(users, "coordinator"));
        return counter.count(() -> mvc.perform(request).andExpect(status().isOk()));
    }
}
