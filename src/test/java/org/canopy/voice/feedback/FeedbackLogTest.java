package org.canopy.voice.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.canopy.governance.Groups;
import org.canopy.governance.MemberRole;
import org.canopy.plan.PlanPriorities;
import org.canopy.plan.ThreadStrand;
import org.canopy.support.CanopyDatabaseTest;
import org.canopy.support.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The feedback log: the report's tables in the demo, the themes counted and charted from stored rows, the privacy guard
 * on every field, who reads and who responds, "you said, we did" on the public page and the factsheet.
 */
@CanopyDatabaseTest
class FeedbackLogTest {

    static final String PHONE = "Ring 07700 900123 after school";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    Groups groups;

    @Autowired
    FeedbackThread thread;

    @Autowired
    PlanPriorities plans;

    @AfterEach
    void cleanUp() {
        jdbc.sql("delete from feedback_response where recorded_by <> 'demo'").update();
        jdbc.sql("delete from feedback_theme_tag where tagged_by <> 'demo'").update();
        jdbc.sql("delete from feedback_priority where tagged_by <> 'demo'").update();
        jdbc.sql("delete from feedback_section where tagged_by <> 'demo'").update();
        jdbc.sql("delete from feedback_theme_priority where tagged_by <> 'demo'").update();
        jdbc.sql("delete from feedback_theme_tag where feedback_id in (select id from feedback where recorded_by <> 'demo')").update();
        jdbc.sql("delete from feedback where recorded_by <> 'demo'").update();
        jdbc.sql("delete from feedback_theme where created_by <> 'demo'").update();
        jdbc.sql("delete from group_member where user_id in (select id from canopy_user where username in ('voicechair', 'voiceyoung', 'voiceelsewhere'))")
                .update();
        jdbc.sql("delete from canopy_user where username in ('voicechair', 'voiceyoung', 'voiceelsewhere')").update();
        jdbc.sql("delete from partnership where name = 'Elsewhere voice partnership'").update();
    }

    @Test
    void theDemoHoldsTheReportsTablesAndItsFiveRecurringThemes() throws Exception {
        assertThat(page("viewer", "/voice/feedback")).contains("62 items").contains("Exposure to Domestic Abuse")
                .contains("Feeling isolated").contains("Clearer referral processes are needed");
        assertThat(page("viewer", "/voice/feedback?source=PRIORITY_SETTING")).contains("25 items").contains("Food poverty")
                .doesNotContain("Feeling isolated");
        assertThat(page("viewer", "/voice/feedback?source=ENGAGEMENT_GROUP")).contains("36 items");
        String log = page("viewer", "/voice/feedback");
        assertThat(occurrences(log, "have said about the issues they are facing (Covid-19 specific)")).isEqualTo(6);
        assertThat(occurrences(log, "have said about the issues they are facing (general)")).isEqualTo(12);
        assertThat(occurrences(log, ">Feedback from Children and Young People about the Priority Subjects<")).isEqualTo(18);
        assertThat(occurrences(log, ">Table: Partners Views on Challenges to Safeguarding<")).isEqualTo(25);
        assertThat(count("select count(*) from feedback where context like 'Table: What Children%Covid-19 specific)'")).isEqualTo(6);
        assertThat(count("select count(*) from feedback where context like 'Table: What Children%(general)'")).isEqualTo(12);
        assertThat(count("select count(*) from feedback where context = 'Feedback from Children and Young People about the Priority Subjects'"))
                .isEqualTo(18);
        assertThat(count("select count(*) from feedback where speaker = 'PARTNER'")).isEqualTo(25);
        String themes = page("viewer", "/voice/themes");
        assertThat(themes).contains("Domestic abuse").contains("Impact of Covid-19").contains("Exploitation in all forms")
                .contains("How the partnership works and engages").contains("Support for partners")
                .contains("recurring themes &quot;from the data, children and young people, and the partners&quot;");
        assertThat(count("select count(*) from feedback_theme")).isEqualTo(5);
        // Tags are Canopy's reading, shown as such; the one response is the report's own (PPE in mental health settings).
        long exposure = jdbc.sql("select id from feedback where words = 'Exposure to Domestic Abuse'").query(Long.class).single();
        assertThat(page("viewer", "/voice/feedback/" + exposure)).contains("applied in Canopy, reading the report");
        assertThat(count("select count(*) from feedback_response")).isEqualTo(1);
        String overview = page("viewer", "/voice");
        assertThat(overview).contains("Items in the log").contains(">62<").contains(">5<").contains("Engagement groups")
                .doesNotContain("Messages from the tell us page");
        assertThat(page("coordinator", "/voice")).contains("Messages from the tell us page");
    }

    @Test
    void theThemeChartsTablesAreCountedFromTheStoredTags() throws Exception {
        String page = page("scrutineer", "/voice/themes");
        String byYear = page.substring(page.indexOf("id=\"by-year\""), page.indexOf("</table>", page.indexOf("id=\"by-year\"")));
        String bySource = page.substring(page.indexOf("id=\"by-source\""), page.indexOf("</table>", page.indexOf("id=\"by-source\"")));
        var rows = jdbc.sql("""
                select t.name, f.heard_in, f.source, count(*) from feedback_theme_tag g join feedback_theme t on t.id = g.theme_id
                join feedback f on f.id = g.feedback_id group by t.name, f.heard_in, f.source""")
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)}).list();
        assertThat(rows).isNotEmpty();
        for (String theme : List.of("Domestic abuse", "Impact of Covid-19", "Support for partners")) {
            int year = rows.stream().filter(r -> r[0].equals(theme) && r[1].equals("2020-21")).mapToInt(r -> (Integer) r[3]).sum();
            assertThat(cells(byYear, theme)).as(theme).containsExactly(String.valueOf(year), String.valueOf(year));
            int partners = rows.stream().filter(r -> r[0].equals(theme) && r[2].equals("PRIORITY_SETTING")).mapToInt(r -> (Integer) r[3]).sum();
            assertThat(cells(bySource, theme)).as(theme).contains(String.valueOf(partners));
        }
        // Domestic abuse: three of the children's tables' items and one partner view, as tagged in Canopy.
        assertThat(cells(byYear, "Domestic abuse")).containsExactly("4", "4");
        var svg = mvc.perform(get("/voice/themes/by-year.svg").with(Requests.signedIn(users, "viewer"))).andExpect(status().isOk())
                .andReturn().getResponse();
        assertThat(svg.getContentType()).startsWith("image/svg+xml");
        assertThat(svg.getContentAsString()).contains("<svg").contains("<title>Items by theme and financial year</title>");
        assertThat(mvc.perform(get("/voice/themes/by-source.svg").with(Requests.signedIn(users, "viewer"))).andReturn().getResponse()
                .getContentAsString()).contains("<svg");
    }

    @Test
    void everyFreeTextFieldOfTheLogPassesThePrivacyGuard() throws Exception {
        int before = count("select count(*) from feedback");
        for (String field : List.of("words", "heardWhen", "context")) {
            var fields = new java.util.LinkedHashMap<String, String>(java.util.Map.of("words", "We want more youth clubs open in the evening",
                    "ownWords", "true", "source", "WORKSHOP", "speaker", "CHILD_OR_YOUNG_PERSON", "ageBand", "AGE_14_15", "heardIn", "2021-22",
                    "heardWhen", "The summer workshop", "context", "Asked what would help"));
            fields.put(field, PHONE);
            var request = post("/voice/feedback/new").with(Requests.signedIn(users, "coordinator")).with(csrf());
            fields.forEach(request::param);
            String refused = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(refused).as(field).contains("There is a problem").contains("looks like");
            assertThat(count("select count(*) from feedback")).as(field).isEqualTo(before);
        }
        // The response's free text too.
        long item = jdbc.sql("select id from feedback where words = 'Feeling isolated'").query(Long.class).single();
        for (String field : List.of("done", "doneBy", "evidence", "childrenToldHow", "plainWords")) {
            var fields = new java.util.LinkedHashMap<String, String>(RESPONSE);
            fields.put(field, PHONE);
            var request = post("/voice/feedback/" + item + "/responses").with(Requests.signedIn(users, "coordinator")).with(csrf());
            fields.forEach(request::param);
            assertThat(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).as(field)
                    .contains("There is a problem").contains("looks like");
        }
        assertThat(count("select count(*) from feedback_response")).isEqualTo(1);

        // Without the identifier the item is added, with its themes, and its page shows it.
        long theme = jdbc.sql("select id from feedback_theme where name = 'Impact of Covid-19'").query(Long.class).single();
        var added = mvc.perform(post("/voice/feedback/new").with(Requests.signedIn(users, "coordinator")).with(csrf())
                .param("words", "We want more youth clubs open in the evening").param("ownWords", "true").param("source", "WORKSHOP")
                .param("speaker", "CHILD_OR_YOUNG_PERSON").param("ageBand", "AGE_14_15").with(Requests.date("heardOn", "2021-06-10"))
                .param("context", "Asked what would help").param("themes", String.valueOf(theme)))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String shown = page("viewer", added);
        assertThat(shown).contains("We want more youth clubs open in the evening").contains("Financial year 2021-22").contains("14 to 15")
                .contains("Impact of Covid-19").contains("applied in Canopy by coordinator");
    }

    @Test
    void anEditAtAnOldVersionIsRefusedAndKeepsTheText() throws Exception {
        long item = jdbc.sql("select id from feedback where words = 'Feeling isolated'").query(Long.class).single();
        assertThat(page("coordinator", "/voice/feedback/" + item + "/edit")).contains("Feeling isolated").contains("name=\"version\" value=\"0\"");
        mvc.perform(edit(item, "Feeling isolated during lockdown", "0")).andExpect(status().is3xxRedirection());
        String conflict = mvc.perform(edit(item, "Feeling very isolated", "0")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(conflict).contains("Someone else changed this item").contains("Feeling very isolated");
        assertThat(jdbc.sql("select words from feedback where id = ?").param(item).query(String.class).single())
                .isEqualTo("Feeling isolated during lockdown");
        mvc.perform(edit(item, "Feeling isolated", "1")).andExpect(status().is3xxRedirection());
        jdbc.sql("update feedback set version = 0 where id = ?").param(item).update();
        mvc.perform(edit(item, "Feeling isolated", "0").with(Requests.signedIn(users, "executive"))).andExpect(status().isForbidden());
    }

    @Test
    void everyoneSignedInReadsButOnlyTheCoordinatorAndPriorityGroupChairsRespond() throws Exception {
        long partnership = jdbc.sql("select partnership_id from canopy_user where username = 'viewer'").query(Long.class).single();
        jdbc.sql("""
                insert into canopy_user (partnership_id, username, display_name, password_hash, role)
                select partnership_id, 'voiceyoung', 'Sam', password_hash, 'YOUNG_SCRUTINEER' from canopy_user where username = 'viewer'""").update();
        jdbc.sql("""
                insert into canopy_user (partnership_id, username, display_name, password_hash, role)
                select partnership_id, 'voicechair', 'Online chair', password_hash, 'GROUP_CHAIR' from canopy_user where username = 'viewer'""").update();
        long online = groups.byName(partnership, "Staying Safe Online").orElseThrow().id();
        long chairId = jdbc.sql("select id from canopy_user where username = 'voicechair'").query(Long.class).single();
        groups.addMember(partnership, "test", online, chairId, MemberRole.CHAIR);

        long item = jdbc.sql("select id from feedback where words = 'Feeling isolated'").query(Long.class).single();
        long theme = jdbc.sql("select id from feedback_theme where name = 'Domestic abuse'").query(Long.class).single();
        var readers = new java.util.ArrayList<>(Requests.DEMO_USERS);
        readers.add("voiceyoung");
        readers.add("voicechair");
        for (String user : readers) {
            for (String url : List.of("/voice", "/voice/feedback", "/voice/feedback/" + item, "/voice/themes", "/voice/themes/" + theme,
                    "/voice/you-said-we-did", "/voice/factsheet/2020-21", "/api/v1/feedback", "/api/v1/feedback/themes")) {
                mvc.perform(get(url).with(Requests.signedIn(users, user))).andExpect(status().isOk());
            }
            boolean responds = Set.of("coordinator", "voicechair").contains(user);
            assertThat(page(user, "/voice/feedback/" + item).contains("Record what was done</h2>")).as(user).isEqualTo(responds);
            if (!responds) {
                mvc.perform(respond(post("/voice/feedback/" + item + "/responses").with(Requests.signedIn(users, user))))
                        .andExpect(status().isForbidden());
                mvc.perform(respond(post("/voice/themes/" + theme + "/responses").with(Requests.signedIn(users, user))))
                        .andExpect(status().isForbidden());
            }
            if (!user.equals("coordinator")) {
                mvc.perform(get("/voice/feedback/new").with(Requests.signedIn(users, user))).andExpect(status().isForbidden());
                mvc.perform(post("/voice/themes").with(Requests.signedIn(users, user)).with(csrf()).param("name", "Youth clubs"))
                        .andExpect(status().isForbidden());
            }
        }
        assertThat(count("select count(*) from feedback_response")).isEqualTo(1);
        assertThat(count("select count(*) from feedback_theme")).isEqualTo(5);

        // The chair of a priority group records a response on a theme and publishes it: the public page shows it.
        mvc.perform(respond(post("/voice/themes/" + theme + "/responses").with(Requests.signedIn(users, "voicechair")))
                .param("plainWords", "We asked people who lived through domestic abuse to speak at youth centres").param("published", "true"))
                .andExpect(status().is3xxRedirection());
        String open = mvc.perform(get("/public/you-said-we-did")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(open).contains("We asked people who lived through domestic abuse to speak at youth centres").contains("Domestic abuse")
                .contains("We challenged the mental health teams on the PPE");
        assertThat(page("viewer", "/voice/themes/" + theme)).contains("The domestic abuse priority group").contains("Published");
        // An unpublished one stays off the public page.
        mvc.perform(respond(post("/voice/feedback/" + item + "/responses").with(Requests.signedIn(users, "coordinator")))
                .param("plainWords", "Clubs opened at weekends")).andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get("/public/you-said-we-did")).andReturn().getResponse().getContentAsString()).doesNotContain("Clubs opened at weekends");
        assertThat(mvc.perform(get("/api/v1/feedback/responses").with(Requests.user("viewer"))).andReturn().getResponse().getContentAsString())
                .contains("Clubs opened at weekends");
        long unpublished = jdbc.sql("select id from feedback_response where plain_words = 'Clubs opened at weekends'").query(Long.class).single();
        mvc.perform(post("/voice/responses/" + unpublished + "/publish").with(Requests.signedIn(users, "viewer")).with(csrf())
                .param("published", "true").param("version", "0")).andExpect(status().isForbidden());
        mvc.perform(post("/voice/responses/" + unpublished + "/publish").with(Requests.signedIn(users, "coordinator")).with(csrf())
                .param("published", "true").param("version", "0")).andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(post("/voice/responses/" + unpublished + "/publish").with(Requests.signedIn(users, "voicechair")).with(csrf())
                .param("published", "false").param("version", "0")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("Someone else changed this response");
        assertThat(mvc.perform(get("/public/you-said-we-did")).andReturn().getResponse().getContentAsString()).contains("Clubs opened at weekends");
    }

    @Test
    void anotherPartnershipSeesNothing() throws Exception {
        jdbc.sql("insert into partnership (name, area) values ('Elsewhere voice partnership', 'Elsewhere')").update();
        jdbc.sql("""
                insert into canopy_user (partnership_id, username, display_name, password_hash, role)
                select (select id from partnership where name = 'Elsewhere voice partnership'), 'voiceelsewhere', 'Elsewhere coordinator',
                       password_hash, 'ADMINISTRATOR' from canopy_user where username = 'viewer'""").update();
        long item = jdbc.sql("select id from feedback where words = 'Feeling isolated'").query(Long.class).single();
        long theme = jdbc.sql("select id from feedback_theme where name = 'Domestic abuse'").query(Long.class).single();
        for (String url : List.of("/voice/feedback/" + item, "/voice/themes/" + theme, "/voice/feedback/" + item + "/edit", "/api/v1/feedback/" + item)) {
            mvc.perform(get(url).with(Requests.signedIn(users, "voiceelsewhere"))).andExpect(status().isNotFound());
        }
        mvc.perform(respond(post("/voice/feedback/" + item + "/responses").with(Requests.signedIn(users, "voiceelsewhere"))))
                .andExpect(status().isNotFound());
        assertThat(page("voiceelsewhere", "/voice/feedback")).contains("0 items").doesNotContain("Feeling isolated");
        assertThat(page("voiceelsewhere", "/voice/themes")).contains("No themes yet").doesNotContain("Domestic abuse");
        assertThat(page("voiceelsewhere", "/voice/factsheet/2020-21")).contains("0 things were heard").doesNotContain("PPE");
        for (String url : List.of("/api/v1/feedback", "/api/v1/feedback/themes", "/api/v1/feedback/responses")) {
            assertThat(mvc.perform(get(url).with(Requests.signedIn(users, "voiceelsewhere"))).andReturn().getResponse().getContentAsString())
                    .isEqualTo("[]");
        }
        // With two partnerships, the public pages must be told which.
        long demo = jdbc.sql("select partnership_id from canopy_user where username = 'viewer'").query(Long.class).single();
        assertThat(mvc.perform(get("/public/you-said-we-did?partnership=" + demo)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("PPE");
        mvc.perform(get("/public/you-said-we-did?partnership=99999")).andExpect(status().isNotFound());
    }

    @Test
    void theFactsheetFor2020To21CountsWhoWasHeardAndTheMainThemes() throws Exception {
        String sheet = page("viewer", "/voice/factsheet/2020-21");
        assertThat(sheet).contains("The views of children and young people, 2020-21").contains("62 things were heard");
        assertThat(cells(sheet, "Children and young people")).startsWith("37");
        assertThat(cells(sheet, "Partners")).startsWith("25");
        assertThat(cells(sheet, "Not given")).startsWith("62");
        assertThat(cells(sheet, "No group named")).startsWith("62");
        assertThat(cells(sheet, "Domestic abuse")).startsWith("4");
        assertThat(sheet).contains("We challenged the mental health teams");
        String open = mvc.perform(get("/public/voice/factsheet/2020-21")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(open).contains("62 things were heard").contains("shown as \"c\"");
        // Small counts are suppressed in public: four items on domestic abuse is a count of 1 to 5.
        assertThat(cells(open, "Domestic abuse")).startsWith("c");
        assertThat(cells(open, "Children and young people")).startsWith("37");
        assertThat(cells(open, "Under 11")).startsWith("0");
        mvc.perform(get("/voice/factsheet/2020").with(Requests.signedIn(users, "viewer"))).andExpect(status().isNotFound());
    }

    @Test
    void theApiAndTheExportsHoldTheLog() throws Exception {
        String partners = mvc.perform(get("/api/v1/feedback?source=PRIORITY_SETTING").with(Requests.user("viewer"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(Pattern.compile("\"speaker\":\"PARTNER\"").matcher(partners).results().count()).isEqualTo(25);
        assertThat(mvc.perform(get("/api/v1/feedback/themes").with(Requests.user("viewer"))).andReturn().getResponse().getContentAsString())
                .contains("\"name\":\"Support for partners\"");
        // API.md's shape: text, date, theme names, priority ids and the responses to each item; filtered by priority.
        long priority = jdbc.sql("select p.id from plan_priority p join plan l on l.id = p.plan_id where l.title = 'THSCP priorities from 2021'"
                + " and p.title like 'Domestic Abuse%'").query(Long.class).single();
        String bearing = mvc.perform(get("/api/v1/feedback?priority=" + priority).with(Requests.user("viewer"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(bearing).contains("\"text\":\"Want to hear from people who have been through Domestic Abuse\"")
                .contains("\"priorityIds\":[" ).contains("\"responses\":[").doesNotContain("Gaming addictions");
        String ppe = mvc.perform(get("/api/v1/feedback").with(Requests.user("viewer"))).andReturn().getResponse().getContentAsString();
        assertThat(ppe).contains("\"by\":").contains("\"themes\":[\"");
        // "You said, we did" for anyone, without credentials and without internal detail.
        String published = mvc.perform(get("/api/v1/public/you-said-we-did")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(published).contains("\"youSaid\":").contains("\"weDid\":").contains("PPE").doesNotContain("recordedBy")
                .doesNotContain("evidence");
        String csv = mvc.perform(get("/voice/feedback/export.csv?speaker=PARTNER").with(Requests.signedIn(users, "viewer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(csv).contains("What was said").contains("Food poverty").doesNotContain("Feeling isolated");
        mvc.perform(get("/voice/feedback/export.xlsx").with(Requests.signedIn(users, "viewer"))).andExpect(status().isOk());
    }

    @Test
    void theGoldenThreadHoldsThemesItemsAndResponsesBearingOnAPriority() throws Exception {
        long partnership = jdbc.sql("select partnership_id from canopy_user where username = 'viewer'").query(Long.class).single();
        var priority = plans.priorities(partnership).get(0);
        long theme = jdbc.sql("select id from feedback_theme where name = 'Impact of Covid-19'").query(Long.class).single();
        jdbc.sql("insert into feedback_theme_priority (theme_id, priority_id, tagged_by, tagged_at) values (?, ?, 'test', current_timestamp)")
                .params(theme, priority.id()).update();
        var viewer = (org.canopy.partnership.CanopyUser) users.loadUserByUsername("viewer");
        var entries = thread.about(viewer, priority, Set.of());
        assertThat(entries).anyMatch(e -> e.strand() == ThreadStrand.CHILDREN_VOICE && e.kind().equals("FEEDBACK_THEME")
                && e.href().equals("/voice/themes/" + theme));
        assertThat(entries).anyMatch(e -> e.kind().equals("FEEDBACK") && e.title().equals("Feeling isolated"));
        assertThat(entries).anyMatch(e -> e.strand() == ThreadStrand.RESPONSES && e.status().equals("Published"));
        assertThat(thread.citable(viewer)).hasSize(5).allMatch(e -> e.kind().equals("FEEDBACK_THEME") && e.detail().matches("\\d+ items?"));
        assertThat(page("viewer", "/voice/themes/" + theme)).contains("/plans/" + priority.planId() + "/priorities/" + priority.number());
        assertThat(page("viewer", "/voice/feedback?priority=" + priority.id())).contains("Feeling isolated");
    }

    private MockHttpServletRequestBuilder edit(long item, String words, String version) {
        return post("/voice/feedback/" + item + "/edit").with(Requests.signedIn(users, "coordinator")).with(csrf()).param("words", words)
                .param("ownWords", "false").param("source", "ENGAGEMENT_GROUP").param("speaker", "CHILD_OR_YOUNG_PERSON")
                .param("ageBand", "NOT_GIVEN").param("heardIn", "2020-21").param("heardWhen", "During 2020-21 (the report gives no closer date)")
                .param("context", "Table: What Children and Young People have said about the issues they are facing (Covid-19 specific)")
                .param("themes", String.valueOf(jdbc.sql("select id from feedback_theme where name = 'Impact of Covid-19'").query(Long.class).single()))
                .param("version", version);
    }

    static final java.util.Map<String, String> RESPONSE = java.util.Map.of("done", "The priority group asked survivors to speak at youth centres",
            "doneBy", "The domestic abuse priority group", "evidence", "Priority group minutes", "childrenTold", "true",
            "childrenToldHow", "At the next youth council meeting");

    private static MockHttpServletRequestBuilder respond(MockHttpServletRequestBuilder request) {
        RESPONSE.forEach(request::param);
        return request.with(csrf());
    }

    /** The cells of the table row headed {@code header}, in order. */
    private static List<String> cells(String html, String header) {
        int at = html.indexOf(">" + header + "</th>");
        assertThat(at).as("a row headed " + header).isPositive();
        String row = html.substring(at, html.indexOf("</tr>", at));
        return Pattern.compile("<td[^>]*>([^<]*)</td>").matcher(row).results().map(r -> r.group(1).strip()).toList();
    }

    private static long occurrences(String html, String text) {
        return Pattern.compile(Pattern.quote(text)).matcher(html).results().count();
    }

    private int count(String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }

    private String page(String username, String url) throws Exception {
        return mvc.perform(get(url).with(Requests.signedIn(users, username))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }
}
