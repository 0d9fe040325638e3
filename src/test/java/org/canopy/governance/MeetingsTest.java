package org.canopy.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.canopy.partnership.AgencyDirectory;
import org.canopy.partnership.People;
import org.canopy.support.CanopyDatabaseTest;
import org.canopy.support.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A group's meetings: the group's chair schedules its meetings only; every sub-group, priority group and panel agenda
 * has the standing escalation item (the Executive's does not); open actions carry to the next agenda by themselves and a
 * held meeting keeps the agenda it held; members add items, owners update their own actions; the quorum is shown met or
 * not; papers over the limit, of a refused type or holding an identifier are refused with nothing kept; viewers read,
 * the scrutineer writes nothing and another partnership sees nothing.
 */
@CanopyDatabaseTest
class MeetingsTest {

    static final String NHS = "943 476 5919";

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
    People people;

    @Autowired
    AgencyDirectory agencies;

    long partnership;
    long qa;
    long executive;
    LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC); // the application's clock is UTC

    @BeforeEach
    void policeJoinsTheQualityGroup() {
        partnership = jdbc.sql("select partnership_id from canopy_user where username = 'viewer'").query(Long.class).single();
        qa = groups.withFunction(partnership, GroupFunction.QUALITY_ASSURANCE).orElseThrow().id();
        executive = groups.withFunction(partnership, GroupFunction.EXECUTIVE).orElseThrow().id();
        groups.addMember(partnership, "test", qa, userId("police"));
    }

    @AfterEach
    void restoreDemo() {
        for (String table : List.of("meeting_attendance", "meeting_paper", "meeting_agenda_item", "group_decision", "group_action",
                "meeting")) {
            jdbc.sql("delete from " + table).update();
        }
        jdbc.sql("delete from terms_of_reference where recorded_by = 'test'").update();
        jdbc.sql("delete from group_member where group_id = ? and user_id = ?").params(qa, userId("police")).update();
        jdbc.sql("delete from canopy_user where username = 'elsewhere-admin'").update();
        jdbc.sql("delete from partnership where name = 'Elsewhere meetings partnership'").update();
    }

    @Test
    void aGroupChairSchedulesTheirOwnGroupsMeetingsOnlyAndNeverInThePast() throws Exception {
        long meeting = schedule("chair", qa, today.plusDays(7));
        assertThat(page("chair", "/meetings/" + meeting)).contains("Meeting on").contains("Quality Assurance and Performance Group")
                .contains("Group chair (Quality Assurance and Performance)").contains("Escalations to the Executive");
        assertThat(page("chair", "/groups/" + qa + "/meetings")).contains("Schedule a meeting");

        for (String user : List.of("chair", "police", "scrutineer", "viewer", "health")) {
            form(user, "/groups/" + executive + "/meetings").with(Requests.date("date", today.plusDays(3).toString()))
                    .andExpect(status().isForbidden());
        }
        assertThat(page("police", "/groups/" + qa + "/meetings")).doesNotContain("Schedule a meeting");

        String refused = body(form("chair", "/groups/" + qa + "/meetings").with(Requests.date("date", today.minusDays(1).toString()))
                .andExpect(status().isOk()));
        assertThat(refused).contains("There is a problem").contains("A new meeting&#39;s date must be today or later");
        assertThat(count("meeting")).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_event where record_type = 'meeting' and action = 'scheduled'")
                .query(Integer.class).single()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void everySubGroupPriorityGroupAndPanelAgendaHasTheStandingEscalationItemAndTheExecutivesHasNot() throws Exception {
        var checked = java.util.EnumSet.noneOf(GroupType.class);
        for (var group : groups.byIds(partnership, allGroupIds())) {
            var agenda = api("coordinator", apiSchedule("coordinator", group.id(), today.plusDays(1)).get("id").asLong()).get("agenda");
            var kinds = agenda.valueStream().map(i -> i.get("kind").asString()).toList();
            boolean escalates = java.util.Set.of(GroupType.SUB_GROUP, GroupType.TASK_AND_FINISH_GROUP, GroupType.PRIORITY_GROUP,
                    GroupType.PANEL).contains(group.type());
            if (escalates) {
                assertThat(kinds).as(group.name()).contains("STANDING_ESCALATIONS");
                assertThat(agenda.get(0).get("title").asString()).isEqualTo("Escalations to the Executive");
            } else {
                assertThat(kinds).as(group.name()).doesNotContain("STANDING_ESCALATIONS");
            }
            checked.add(group.type());
        }
        assertThat(checked).contains(GroupType.EXECUTIVE, GroupType.SUB_GROUP, GroupType.PRIORITY_GROUP, GroupType.PANEL);
    }

    @Test
    void anOpenActionIsCarriedToTheNextAgendaAndAHeldMeetingKeepsTheAgendaItHeld() throws Exception {
        long first = schedule("chair", qa, today);
        attendance("chair", first, "PRESENT", "PRESENT").andExpect(status().is3xxRedirection());
        raise("chair", first, "Review the single agency audits of the health visiting service", "police", today.plusDays(14))
                .andExpect(status().is3xxRedirection());
        long next = schedule("chair", qa, today);
        assertThat(page("viewer", "/meetings/" + next)).contains("Review the single agency audits of the health visiting service")
                .contains("Carried forward").contains("Owner Police contributor");
        assertThat(kinds(api("viewer", next))).contains("CARRIED_FORWARD_ACTION");

        // The next meeting is held: its agenda is kept as it stood, whatever then happens to the action.
        attendance("chair", next, "PRESENT", "PRESENT").andExpect(status().is3xxRedirection());
        long action = jdbc.sql("select id from group_action").query(Long.class).single();
        setStatus("police", action, "DONE").andExpect(status().is3xxRedirection());
        assertThat(page("viewer", "/meetings/" + next)).contains("Review the single agency audits of the health visiting service")
                .contains("Held: the agenda is kept as it stood");
        long later = schedule("chair", qa, today.plusDays(28));
        assertThat(page("viewer", "/meetings/" + later)).doesNotContain("Review the single agency audits")
                .contains("Escalations to the Executive");
        assertThat(page("viewer", "/groups/" + qa + "/actions")).contains("Done");
    }

    @Test
    void anOwnerUpdatesTheirOwnActionAnotherMemberCannotAndOverdueOnesAreMarked() throws Exception {
        long meeting = schedule("chair", qa, today);
        // Raised before the meeting is held, an action would be carried onto the agenda it came from.
        assertThat(body(raise("chair", meeting, "Share the data dashboard with partners", "police", today.plusDays(7))
                .andExpect(status().isOk()))).contains("Record the meeting&#39;s attendance first");
        attendance("chair", meeting, "PRESENT", "PRESENT").andExpect(status().is3xxRedirection());
        raise("chair", meeting, "Share the data dashboard with partners", "police", today.plusDays(7)).andExpect(status().is3xxRedirection());
        long action = jdbc.sql("select id from group_action").query(Long.class).single();
        groups.addMember(partnership, "test", qa, userId("health"));
        try {
            for (String user : List.of("health", "viewer", "scrutineer", "executive")) {
                setStatus(user, action, "DROPPED").andExpect(status().isForbidden());
            }
            raise("police", meeting, "Not theirs to raise", "police", today.plusDays(7)).andExpect(status().isForbidden());
            setStatus("police", action, "IN_PROGRESS").andExpect(status().is3xxRedirection());
            assertThat(jdbc.sql("select status from group_action").query(String.class).single()).isEqualTo("IN_PROGRESS");
            setStatus("chair", action, "OPEN").andExpect(status().is3xxRedirection());
            // A page read before someone else's change cannot overwrite it.
            assertThat(body(form("police", "/actions/" + action + "/status").param("status", "DONE").param("version", "0")
                    .andExpect(status().isOk()))).contains("Someone else changed this action");
            assertThat(jdbc.sql("select status from group_action").query(String.class).single()).isEqualTo("OPEN");
            assertThat(page("health", "/groups/" + qa + "/actions")).contains("Share the data dashboard with partners")
                    .doesNotContain("name=\"status\"");
            assertThat(page("police", "/groups/" + qa + "/actions")).contains("name=\"status\"");
            jdbc.sql("update group_action set due_on = ?").param(today.minusDays(1)).update();
            assertThat(page("viewer", "/groups/" + qa + "/actions")).contains("Overdue");
            var csv = mvc.perform(get("/groups/" + qa + "/actions/export.csv").with(Requests.signedIn(users, "viewer")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(csv).contains("Id,Action,Owner,Agency,Due,Status,Overdue").contains("Share the data dashboard with partners")
                    .contains("Police contributor").contains(",Yes");
            mvc.perform(get("/groups/" + qa + "/actions/export.xlsx").with(Requests.signedIn(users, "viewer")))
                    .andExpect(status().isOk()).andExpect(header().string("Content-Type",
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        } finally {
            jdbc.sql("delete from group_member where group_id = ? and user_id = ?").params(qa, userId("health")).update();
        }
    }

    @Test
    void membersAddAgendaItemsWithAPartnerInvitedForOneItemAndNonMembersCannot() throws Exception {
        long meeting = schedule("executive", executive, today.plusDays(3));
        long police = agencyId("police");
        // The executive's member adds an item with the police invited for it; the police contributor is no member of it.
        form("executive", "/meetings/" + meeting + "/items").param("title", "Serious youth violence: partner update")
                .param("invitedAgency", String.valueOf(police)).andExpect(status().is3xxRedirection());
        assertThat(page("viewer", "/meetings/" + meeting)).contains("Serious youth violence: partner update")
                .contains("Invited for this item: Metropolitan Police").doesNotContain("Escalations to the Executive");
        for (String user : List.of("police", "health", "scrutineer", "viewer", "chair")) {
            form(user, "/meetings/" + meeting + "/items").param("title", "Mine").andExpect(status().isForbidden());
        }
        long qaMeeting = schedule("chair", qa, today.plusDays(3));
        form("police", "/meetings/" + qaMeeting + "/items").param("title", "Police audit findings").andExpect(status().is3xxRedirection());
        assertThat(count("meeting_agenda_item")).isEqualTo(2);
    }

    @Test
    void theExecutivesRotatingChairAndAPartnerInvitedForOneItemAttendingAsAGuest() throws Exception {
        long lead = userId("council");
        groups.addMember(partnership, "test", executive, lead);
        try {
            String notMember = body(form("coordinator", "/groups/" + executive + "/meetings").with(Requests.date("date", today.toString()))
                    .param("chair", String.valueOf(userId("viewer"))).andExpect(status().isOk()));
            assertThat(notMember).contains("Select a member of the group to chair the meeting");
            form("coordinator", "/groups/" + executive + "/meetings").with(Requests.date("date", today.toString()))
                    .param("chair", String.valueOf(lead)).andExpect(status().is3xxRedirection());
            long meeting = jdbc.sql("select max(id) from meeting").query(Long.class).single();
            assertThat(page("viewer", "/meetings/" + meeting)).contains("Council contributor");
            form("executive", "/meetings/" + meeting + "/items").param("title", "Exploitation: police update")
                    .param("invitedAgency", String.valueOf(agencyId("police"))).andExpect(status().is3xxRedirection());
            long item = jdbc.sql("select id from meeting_agenda_item where meeting_id = ?").param(meeting).query(Long.class).single();
            // A page read before someone else's change cannot overwrite it.
            assertThat(body(form("executive", "/meetings/" + meeting + "/attendance").param("version", "7")
                    .param("attendance-" + userId("executive"), "PRESENT").andExpect(status().isOk())))
                    .contains("Someone else changed this meeting");
            form("executive", "/meetings/" + meeting + "/attendance").param("version", "0").param("attendance-" + userId("executive"), "PRESENT")
                    .param("attendance-" + lead, "APOLOGIES").param("guest-" + item, "yes").andExpect(status().is3xxRedirection());
            assertThat(page("viewer", "/meetings/" + meeting)).contains("Guest for one item").contains("Metropolitan Police")
                    .contains("Apologies");
            var attendance = api("viewer", meeting).get("attendance");
            assertThat(attendance.valueStream().map(a -> a.get("status").asString()).toList())
                    .containsExactlyInAnyOrder("PRESENT", "APOLOGIES", "GUEST");
        } finally {
            jdbc.sql("delete from group_member where group_id = ? and user_id = ?").params(executive, lead).update();
        }
    }

    @Test
    void theQuorumIsShownMetOrNotWithWhy() throws Exception {
        long none = schedule("chair", qa, today);
        attendance("chair", none, "PRESENT", "ABSENT").andExpect(status().is3xxRedirection());
        assertThat(page("viewer", "/meetings/" + none)).contains("The terms of reference set no quorum");

        jdbc.sql("""
                insert into terms_of_reference (partnership_id, group_id, version_number, quorum_members, quorum_agencies,
                                                recorded_by, recorded_at) values (?, ?, 99, 2, ?, 'test', ?)""")
                .params(partnership, qa, String.valueOf(agencyId("police")), LocalDateTime.now()).update();
        long met = schedule("chair", qa, today);
        assertThat(page("viewer", "/meetings/" + met)).contains("Attendance has not been recorded yet; the terms of reference need 2 members present");
        attendance("chair", met, "PRESENT", "PRESENT").andExpect(status().is3xxRedirection());
        assertThat(page("viewer", "/meetings/" + met)).contains("Quorate: 2 members present; the terms of reference need 2")
                .doesNotContain("Not quorate");
        long notMet = schedule("chair", qa, today);
        attendance("chair", notMet, "PRESENT", "APOLOGIES").andExpect(status().is3xxRedirection());
        assertThat(page("viewer", "/meetings/" + notMet))
                .contains("Not quorate: 1 member present; the terms of reference need 2; not represented: Metropolitan Police");
        var list = json.readTree(mvc.perform(get("/api/v1/groups/" + qa + "/meetings").with(Requests.user("viewer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(list.valueStream().filter(m -> m.get("id").asLong() == met).findFirst().orElseThrow().get("quorate").asBoolean()).isTrue();
        assertThat(list.valueStream().filter(m -> m.get("id").asLong() == notMet).findFirst().orElseThrow().get("quorate").asBoolean()).isFalse();
        // Attendance is for a meeting that has happened.
        long future = schedule("chair", qa, today.plusDays(2));
        assertThat(page("chair", "/meetings/" + future)).doesNotContain("Record attendance");
    }

    @Test
    void viewersReadEverythingTheScrutineerWritesNothing() throws Exception {
        long meeting = schedule("chair", qa, today);
        attendance("chair", meeting, "PRESENT", "PRESENT").andExpect(status().is3xxRedirection());
        raise("chair", meeting, "Circulate the audit summary", "police", today.plusDays(7)).andExpect(status().is3xxRedirection());
        form("chair", "/meetings/" + meeting + "/decisions").param("decision", "The audit programme for the year is agreed")
                .andExpect(status().is3xxRedirection());
        for (String user : List.of("viewer", "scrutineer")) {
            assertThat(page(user, "/groups/" + qa + "/meetings")).contains("Every meeting of the group").doesNotContain("Schedule a meeting");
            assertThat(page(user, "/meetings/" + meeting)).contains("Circulate the audit summary")
                    .contains("The audit programme for the year is agreed").doesNotContain("Add an item to the agenda")
                    .doesNotContain("Raise an action").doesNotContain("Attach a paper");
            assertThat(page(user, "/meetings/" + meeting + "/pack")).contains("Agenda pack").contains("Escalations to the Executive");
            assertThat(page(user, "/governance/decisions")).contains("The audit programme for the year is agreed")
                    .contains("Quality Assurance and Performance Group");
            mvc.perform(get("/api/v1/meetings/" + meeting).with(Requests.user(user))).andExpect(status().isOk());
        }
        var csv = mvc.perform(get("/governance/decisions/export.csv").with(Requests.signedIn(users, "viewer"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("Id,Date,Group,Decision,Recorded by").contains("The audit programme for the year is agreed");
        form("scrutineer", "/groups/" + qa + "/meetings").with(Requests.date("date", today.toString())).andExpect(status().isForbidden());
        form("scrutineer", "/meetings/" + meeting + "/items").param("title", "Challenge").andExpect(status().isForbidden());
        form("scrutineer", "/meetings/" + meeting + "/decisions").param("decision", "x").andExpect(status().isForbidden());
        raise("scrutineer", meeting, "x", "police", today.plusDays(1)).andExpect(status().isForbidden());
        attendance("scrutineer", meeting, "PRESENT", "PRESENT").andExpect(status().isForbidden());
        paper("scrutineer", meeting, "notes.txt", "Fine".getBytes(StandardCharsets.UTF_8)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/groups/" + qa + "/meetings").with(Requests.user("scrutineer"))
                .contentType("application/json").content("{\"date\":\"" + today + "\"}")).andExpect(status().isForbidden());
        assertThat(count("meeting")).isEqualTo(1);
        assertThat(count("group_decision")).isEqualTo(1);
    }

    @Test
    void theRapidReviewPanelsMeetingsAreReadOnlyByThoseWhoReadItsRecordsAndAYoungScrutineerReadsTheirOwnGroup() throws Exception {
        long panel = groups.withFunction(partnership, GroupFunction.RAPID_REVIEW_PANEL).orElseThrow().id();
        long meeting = apiSchedule("coordinator", panel, today).get("id").asLong();
        mvc.perform(get("/meetings/" + meeting).with(Requests.signedIn(users, "police"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/groups/" + panel + "/meetings").with(Requests.user("viewer"))).andExpect(status().isForbidden());
        mvc.perform(get("/meetings/" + meeting + "/pack").with(Requests.signedIn(users, "scrutineer"))).andExpect(status().isOk());

        // A young scrutineer reads their own priority's group, and no other.
        long online = groups.byName(partnership, "Staying Safe Online").orElseThrow().id();
        long onlineMeeting = apiSchedule("coordinator", online, today).get("id").asLong();
        long qaMeeting = apiSchedule("coordinator", qa, today).get("id").asLong();
        jdbc.sql("""
                insert into canopy_user (partnership_id, username, display_name, password_hash, role)
                select partnership_id, 'youngscrutineer-m', 'Sam', password_hash, 'YOUNG_SCRUTINEER' from canopy_user where username = 'viewer'""")
                .update();
        try {
            groups.addMember(partnership, "test", online, userId("youngscrutineer-m"), MemberRole.YOUNG_SCRUTINEER);
            assertThat(page("youngscrutineer-m", "/meetings/" + onlineMeeting)).contains("Staying Safe Online")
                    .doesNotContain("Add an item to the agenda");
            mvc.perform(get("/meetings/" + qaMeeting).with(Requests.signedIn(users, "youngscrutineer-m"))).andExpect(status().isForbidden());
            form("youngscrutineer-m", "/meetings/" + onlineMeeting + "/items").param("title", "Mine").andExpect(status().isForbidden());
        } finally {
            jdbc.sql("delete from group_member where user_id = ?").param(userId("youngscrutineer-m")).update();
            jdbc.sql("delete from canopy_user where username = 'youngscrutineer-m'").update();
        }
    }

    @Test
    void anotherPartnershipSeesNothing() throws Exception {
        long meeting = schedule("chair", qa, today);
        paper("chair", meeting, "agenda.txt", "The agenda".getBytes(StandardCharsets.UTF_8)).andExpect(status().is3xxRedirection());
        long paper = jdbc.sql("select id from meeting_paper").query(Long.class).single();
        jdbc.sql("insert into partnership (name, area) values ('Elsewhere meetings partnership', 'Elsewhere')").update();
        long other = jdbc.sql("select id from partnership where name = 'Elsewhere meetings partnership'").query(Long.class).single();
        jdbc.sql("""
                insert into canopy_user (partnership_id, username, display_name, password_hash, role)
                select ?, 'elsewhere-admin', 'Elsewhere administrator', password_hash, 'ADMINISTRATOR' from canopy_user where username = 'viewer'""")
                .param(other).update();
        for (String url : List.of("/meetings/" + meeting, "/meetings/" + meeting + "/pack", "/groups/" + qa + "/meetings",
                "/groups/" + qa + "/actions", "/meetings/" + meeting + "/papers/" + paper)) {
            mvc.perform(get(url).with(Requests.signedIn(users, "elsewhere-admin"))).andExpect(status().isNotFound());
        }
        mvc.perform(get("/api/v1/meetings/" + meeting).with(Requests.user("elsewhere-admin"))).andExpect(status().isNotFound());
        form("elsewhere-admin", "/groups/" + qa + "/meetings").with(Requests.date("date", today.toString())).andExpect(status().isNotFound());
        form("elsewhere-admin", "/meetings/" + meeting + "/items").param("title", "x").andExpect(status().isNotFound());
        assertThat(page("elsewhere-admin", "/governance/decisions")).contains("No decisions recorded yet");
    }

    @Test
    void papersOverTheLimitOfARefusedTypeOrHoldingAnIdentifierAreRefusedWithNothingKept() throws Exception {
        long meeting = schedule("chair", qa, today.plusDays(1));
        byte[] pdf = "%PDF-1.7\n%test paper\n".getBytes(StandardCharsets.US_ASCII);
        paper("police", meeting, "Audit findings.pdf", pdf).andExpect(status().is3xxRedirection());
        var download = mvc.perform(get("/meetings/" + meeting + "/papers/" + jdbc.sql("select id from meeting_paper").query(Long.class).single())
                .with(Requests.signedIn(users, "viewer"))).andExpect(status().isOk())
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Type", "application/pdf")).andReturn().getResponse();
        assertThat(download.getHeader("Content-Disposition")).startsWith("attachment").contains("Audit findings.pdf");
        assertThat(download.getContentAsByteArray()).isEqualTo(pdf);
        assertThat(page("viewer", "/meetings/" + meeting + "/pack")).contains("Audit findings.pdf").contains("PDF").contains("21 bytes");

        int limit = 5 * 1024 * 1024; // the server's 5MB upload limit is below the 10MB setting, so it is the one that holds
        byte[] large = Arrays.copyOf(pdf, limit + 1);
        assertThat(refusedPaper(meeting, "Large.pdf", large)).contains("The paper must be 5MB or smaller");
        assertThat(refusedPaper(meeting, "tool.exe", "MZ".getBytes(StandardCharsets.US_ASCII)))
                .contains("The paper must be a PDF, Word (.docx), Excel (.xlsx), OpenDocument text (.odt), plain text (.txt) or CSV file");
        assertThat(refusedPaper(meeting, "renamed.docx", pdf)).contains("The paper must be a PDF");
        String nhs = refusedPaper(meeting, "cases.csv", ("case,note\n1,NHS number " + NHS + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(nhs).contains("The paper contains what looks like an NHS number").doesNotContain(NHS);
        assertThat(count("meeting_paper")).isEqualTo(1);
    }

    @Test
    void identifiersInEveryTextFieldAreRefusedAndNothingIsHalfSaved() throws Exception {
        String place = body(form("chair", "/groups/" + qa + "/meetings").with(Requests.date("date", today.toString()))
                .param("place", "Call 020 7364 5000").andExpect(status().isOk()));
        assertThat(place).contains("The place contains what looks like");
        assertThat(count("meeting")).isZero();
        long meeting = schedule("chair", qa, today);
        assertThat(body(form("police", "/meetings/" + meeting + "/items").param("title", "Child NHS " + NHS).andExpect(status().isOk())))
                .contains("The item contains what looks like an NHS number");
        assertThat(body(form("police", "/meetings/" + meeting + "/items").param("title", "Fine")
                .param("detail", "Email jo.bloggs@example.org").andExpect(status().isOk()))).contains("The item&#39;s detail contains what looks like");
        attendance("chair", meeting, "PRESENT", "PRESENT").andExpect(status().is3xxRedirection());
        assertThat(body(raise("chair", meeting, "Check " + NHS, "police", today.plusDays(3)).andExpect(status().isOk())))
                .contains("The action contains what looks like an NHS number");
        assertThat(body(form("chair", "/meetings/" + meeting + "/decisions").param("decision", "Agreed for " + NHS)
                .andExpect(status().isOk()))).contains("The decision contains what looks like an NHS number");
        assertThat(refusedPaper(meeting, "Child " + NHS + ".pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII)))
                .contains("The paper&#39;s name contains what looks like an NHS number");
        int membersItems = jdbc.sql("select count(*) from meeting_agenda_item where kept = false").query(Integer.class).single();
        assertThat(membersItems + count("group_action") + count("group_decision") + count("meeting_paper")).isZero();
    }

    @Test
    void theApiSchedulesAMeetingWithItsAgendaAndRefusesThePastAndNonChairs() throws Exception {
        long first = schedule("chair", qa, today);
        attendance("chair", first, "PRESENT", "PRESENT").andExpect(status().is3xxRedirection());
        raise("chair", first, "Report the audit themes to the Executive", "police", today.plusDays(10)).andExpect(status().is3xxRedirection());
        var created = apiSchedule("chair", qa, today.plusDays(7));
        assertThat(created.get("groupId").asLong()).isEqualTo(qa);
        assertThat(created.get("date").asString()).isEqualTo(today.plusDays(7).toString());
        assertThat(kinds(created)).containsSubsequence("STANDING_ESCALATIONS", "CARRIED_FORWARD_ACTION");
        assertThat(created.get("agenda").valueStream().map(i -> i.get("title").asString()))
                .contains("Escalations to the Executive", "Report the audit themes to the Executive");
        assertThat(created.get("attendance").isArray()).isTrue();
        assertThat(created.get("decisions").isArray()).isTrue();

        var one = api("viewer", first);
        var action = one.get("actions").get(0);
        assertThat(action.get("text").asString()).isEqualTo("Report the audit themes to the Executive");
        assertThat(action.get("owner").asString()).isEqualTo("Police contributor");
        assertThat(action.get("due").asString()).isEqualTo(today.plusDays(10).toString());
        assertThat(action.get("status").asString()).isEqualTo("OPEN");
        assertThat(action.has("agencyId")).isTrue();

        var past = mvc.perform(post("/api/v1/groups/" + qa + "/meetings").with(Requests.user("chair")).contentType("application/json")
                .content("{\"date\":\"" + today.minusDays(1) + "\"}")).andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", "application/problem+json")).andReturn().getResponse().getContentAsString();
        var problem = json.readTree(past);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("date");
        assertThat(problem.get("errors").get(0).get("message").asString()).isEqualTo("A new meeting's date must be today or later");
        mvc.perform(post("/api/v1/groups/" + executive + "/meetings").with(Requests.user("chair")).contentType("application/json")
                .content("{\"date\":\"" + today.plusDays(1) + "\"}")).andExpect(status().isForbidden());
        var list = json.readTree(mvc.perform(get("/api/v1/groups/" + qa + "/meetings").with(Requests.user("viewer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(list.size()).isEqualTo(2);
        assertThat(list.get(0).has("quorate")).isTrue();
        var groupActions = json.readTree(mvc.perform(get("/api/v1/groups/" + qa + "/actions").with(Requests.user("viewer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(groupActions.get(0).get("text").asString()).isEqualTo("Report the audit themes to the Executive");
        assertThat(groupActions.get(0).get("overdue").asBoolean()).isFalse();
        assertThat(groupActions.get(0).get("meetingId").asLong()).isEqualTo(first);
        form("chair", "/meetings/" + first + "/decisions").param("decision", "Audit themes go to the Executive")
                .andExpect(status().is3xxRedirection());
        var register = json.readTree(mvc.perform(get("/api/v1/decisions").with(Requests.user("viewer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(register.get(0).get("text").asString()).isEqualTo("Audit themes go to the Executive");
        assertThat(register.get(0).get("groupId").asLong()).isEqualTo(qa);
        assertThat(api("viewer", first).get("decisions").get(0).asString()).isEqualTo("Audit themes go to the Executive");
        assertThat(count("meeting")).isEqualTo(2);
    }

    long schedule(String user, long group, LocalDate date) throws Exception {
        form(user, "/groups/" + group + "/meetings").with(Requests.date("date", date.toString())).param("startTime", "14:00")
                .param("place", "Online").andExpect(status().is3xxRedirection());
        return jdbc.sql("select max(id) from meeting").query(Long.class).single();
    }

    JsonNode apiSchedule(String user, long group, LocalDate date) throws Exception {
        return json.readTree(mvc.perform(post("/api/v1/groups/" + group + "/meetings").with(Requests.user(user))
                .contentType("application/json").content("{\"date\":\"" + date + "\",\"place\":\"Online\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
    }

    JsonNode api(String user, long meeting) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/meetings/" + meeting).with(Requests.user(user))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    static List<String> kinds(JsonNode meeting) {
        return meeting.get("agenda").valueStream().map(i -> i.get("kind").asString()).toList();
    }

    FormPost raise(String user, long meeting, String text, String owner, LocalDate due) throws Exception {
        return form(user, "/meetings/" + meeting + "/actions").param("actionText", text).param("owner", String.valueOf(userId(owner)))
                .param("agency", String.valueOf(agencyId(owner))).with(Requests.date("due", due.toString()));
    }

    FormPost setStatus(String user, long action, String status) throws Exception {
        int version = jdbc.sql("select version from group_action where id = ?").param(action).query(Integer.class).single();
        return form(user, "/actions/" + action + "/status").param("status", status).param("version", String.valueOf(version));
    }

    /** Records the chair's and the police member's attendance at a QA meeting. */
    FormPost attendance(String user, long meeting, String chair, String police) throws Exception {
        int version = jdbc.sql("select version from meeting where id = ?").param(meeting).query(Integer.class).single();
        return form(user, "/meetings/" + meeting + "/attendance").param("version", String.valueOf(version))
                .param("attendance-" + userId("chair"), chair).param("attendance-" + userId("police"), police);
    }

    ResultActions paper(String user, long meeting, String name, byte[] content) throws Exception {
        return mvc.perform(multipart("/meetings/" + meeting + "/papers").file(new MockMultipartFile("file", name, "application/octet-stream", content))
                .with(Requests.signedIn(users, user)).with(csrf()));
    }

    String refusedPaper(long meeting, String name, byte[] content) throws Exception {
        return body(paper("chair", meeting, name, content).andExpect(status().isOk()));
    }

    /** A form post, ready for its parameters. */
    FormPost form(String user, String url) {
        return new FormPost(post(url).with(Requests.signedIn(users, user)).with(csrf()));
    }

    /** A post whose parameters are added before it is performed by {@link #andExpect}. */
    final class FormPost {
        private final org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request;

        FormPost(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) {
            this.request = request;
        }

        FormPost param(String name, String value) {
            request.param(name, value);
            return this;
        }

        FormPost with(org.springframework.test.web.servlet.request.RequestPostProcessor processor) {
            request.with(processor);
            return this;
        }

        ResultActions andExpect(org.springframework.test.web.servlet.ResultMatcher matcher) throws Exception {
            return mvc.perform(request).andExpect(matcher);
        }
    }

    String page(String user, String url) throws Exception {
        return body(mvc.perform(get(url).with(Requests.signedIn(users, user))).andExpect(status().isOk()));
    }

    static String body(ResultActions result) throws Exception {
        return new String(result.andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    List<Long> allGroupIds() {
        return jdbc.sql("select id from partnership_group where partnership_id = ?").param(partnership).query(Long.class).list();
    }

    int count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }

    long agencyId(String username) {
        String name = people.byUsername(partnership, username).orElseThrow().agencyName();
        return agencies.byName(partnership, name).orElseThrow().id();
    }

    long userId(String username) {
        return jdbc.sql("select id from canopy_user where username = ?").param(username).query(Long.class).single();
    }
}
