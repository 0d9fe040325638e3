package org.canopy.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.canopy.support.CanopyDatabaseTest;
import org.canopy.support.Requests;
import org.canopy.training.courses.Training;
import org.canopy.training.courses.TrainingSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

/**
 * The training programme: capacity and the waiting list, attendance and non-attendance by agency, the three-step
 * evaluation with its due window, needs with and without courses, each role's rights, bad input refused with nothing
 * stored, another partnership seeing nothing, and the demo's stated facts.
 */
@CanopyDatabaseTest
class TrainingTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    UserDetailsService users;

    @Autowired
    Clock clock;

    long partnership;

    @BeforeEach
    void setUp() {
        partnership = jdbc.sql("select partnership_id from canopy_user where username = 'viewer'").query(Long.class).single();
    }

    @AfterEach
    void cleanUp() {
        jdbc.sql("delete from training_booking where booked_by <> 'demo'").update();
        jdbc.sql("delete from training_session where created_by <> 'demo'").update();
        jdbc.sql("delete from training_course_need where course_id in (select id from training_course where created_by <> 'demo')").update();
        jdbc.sql("delete from training_course_need where need_id in (select id from training_need where created_by <> 'demo')").update();
        jdbc.sql("delete from training_course_priority where course_id in (select id from training_course where created_by <> 'demo')").update();
        jdbc.sql("delete from training_course where created_by <> 'demo'").update();
        jdbc.sql("delete from training_need where created_by <> 'demo'").update();
        jdbc.sql("delete from canopy_user where username in ('youngtraining', 'elsewheretraining')").update();
        jdbc.sql("delete from partnership where name = 'Elsewhere Training Partnership'").update();
    }

    @Test
    void beyondCapacityPractitionersWaitInOrderAndACancellationPromotesTheFirst() throws Exception {
        long session = session(course("Safer sleep"), 3, LocalDate.now(clock).plusWeeks(2));
        for (String name : List.of("Ann Adams", "Ben Brown", "Cat Cole", "Dan Dean", "Eve Ellis")) {
            book("coordinator", session, name, agency("police")).andExpect(status().is3xxRedirection());
        }
        assertThat(count("status in ('BOOKED', 'PENDING')", session)).isEqualTo(3);
        assertThat(count("status = 'WAITING'", session)).isEqualTo(2);
        String page = page("coordinator", "/training/sessions/" + session);
        String waiting = section(page, "id=\"waiting\"");
        assertThat(waiting.indexOf("Dan Dean")).isPositive().isLessThan(waiting.indexOf("Eve Ellis"));
        assertThat(page).contains("id=\"places-left\">0<");
        // Everyone else reads how many are booked and waiting, not who.
        String viewers = page("viewer", "/training/sessions/" + session);
        assertThat(viewers).contains("id=\"places-booked\">3<").contains("id=\"waiting-count\">2<").doesNotContain("Dan Dean");

        long ben = booking("Ben Brown");
        mvc.perform(post("/training/bookings/" + ben + "/cancel").with(Requests.signedIn(users, "coordinator")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(statusOf("Dan Dean")).isEqualTo("BOOKED");
        assertThat(statusOf("Eve Ellis")).isEqualTo("WAITING");
        assertThat(count("status in ('BOOKED', 'PENDING')", session)).isEqualTo(3);

        // Capacity below the places booked is refused, nothing stored.
        mvc.perform(post("/training/sessions/" + session + "/capacity").with(Requests.signedIn(users, "coordinator")).with(csrf())
                .param("capacity", "2").param("version", "0")).andExpect(status().isOk());
        assertThat(jdbc.sql("select capacity from training_session where id = ?").param(session).query(Integer.class).single()).isEqualTo(3);
        assertThat(page("coordinator", "/training")).contains("Safer sleep");
    }

    @Test
    void attendanceAndNonAttendanceAreCountedByAgency() throws Exception {
        long course = course("Contextual safeguarding");
        long session = session(course, 10, LocalDate.now(clock));
        book("coordinator", session, "Ann Adams", agency("police"));
        book("coordinator", session, "Ben Brown", agency("police"));
        book("coordinator", session, "Cat Cole", agency("health"));
        long ann = booking("Ann Adams");
        long ben = booking("Ben Brown");
        long cat = booking("Cat Cole");
        mvc.perform(post("/training/sessions/" + session + "/attendance").with(Requests.signedIn(users, "coordinator")).with(csrf())
                .param("attendance-" + ann, "ATTENDED").param("attendance-" + ben, "DID_NOT_ATTEND")).andExpect(status().is3xxRedirection());
        // A partner's system sends the rest through the API, with the same checks.
        mvc.perform(post("/api/v1/training/sessions/" + session + "/attendance").with(Requests.user("coordinator"))
                .contentType(MediaType.APPLICATION_JSON).content("[{\"bookingId\": " + cat + ", \"attendance\": \"DID_NOT_ATTEND\"}]"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/training/sessions/" + session + "/attendance").with(Requests.user("viewer"))
                .contentType(MediaType.APPLICATION_JSON).content("[{\"bookingId\": " + cat + ", \"attendance\": \"ATTENDED\"}]"))
                .andExpect(status().isForbidden());
        assertThat(column(cat, "attendance")).isEqualTo("DID_NOT_ATTEND");

        String reports = page("viewer", "/training/reports");
        String charges = section(reports, "id=\"charges\"");
        assertThat(charges).contains(agencyName("police")).contains(agencyName("health")).contains("No charge");
        String byAgency = section(reports, "id=\"by-agency\"");
        assertThat(byAgency).contains(agencyName("police"));
        assertThat(reports).contains("The partnership makes no charge for non-attendance.");
        assertThat(Training.chargeFor(new TrainingSettings(false, new BigDecimal("25.50")), 3)).isEqualByComparingTo("76.50");
        mvc.perform(get("/training/reports/agency.svg").with(Requests.signedIn(users, "viewer"))).andExpect(status().isOk());
        assertThat(mvc.perform(get("/training/bookings.csv").with(Requests.signedIn(users, "coordinator"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("Ben Brown").contains("Did not attend");
        mvc.perform(get("/training/bookings.xlsx").with(Requests.signedIn(users, "viewer"))).andExpect(status().isOk());
        var api = json.readTree(mvc.perform(get("/api/v1/training/sessions/" + session).with(Requests.user("coordinator")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(api.get("bookings").size()).isEqualTo(3);
        // The viewer reads the counts, not the practitioners (BookingReadersTest reads every role).
        var viewers = json.readTree(mvc.perform(get("/api/v1/training/sessions/" + session).with(Requests.user("viewer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(viewers.get("bookings").size()).isZero();
        assertThat(viewers.get("booked").asInt()).isEqualTo(3);
    }

    @Test
    void theEvaluationHasThreeStepsAndTheThirdIsDueSixToEightWeeksAfter() throws Exception {
        long course = course("Neglect toolkit");
        long due = session(course, 5, LocalDate.now(clock).minusWeeks(7));
        long overdue = session(course, 5, LocalDate.now(clock).minusWeeks(9));
        long early = session(course, 5, LocalDate.now(clock).minusWeeks(3));
        book("coordinator", due, "Ann Adams", agency("police"));
        book("coordinator", overdue, "Ben Brown", agency("police"));
        book("coordinator", early, "Cat Cole", agency("police"));
        for (String name : List.of("Ann Adams", "Ben Brown", "Cat Cole")) {
            jdbc.sql("update training_booking set attendance = 'ATTENDED' where name = ?").param(name).update();
        }
        long ann = booking("Ann Adams");
        evaluate(ann, "before", "beforeConfidence", "2", "beforeLearn", "How to spot neglect early").andExpect(status().is3xxRedirection());
        evaluate(ann, "after", "afterConfidence", "4", "afterUsefulness", "5").andExpect(status().is3xxRedirection());
        evaluate(ann, "after", "afterConfidence", "6", "afterUsefulness", "5").andExpect(status().isOk());
        assertThat(jdbc.sql("select after_confidence from training_booking where id = ?").param(ann).query(Integer.class).single()).isEqualTo(4);

        String overview = section(page("coordinator", "/training"), "id=\"due\"");
        assertThat(overview).contains("Ann Adams").contains("Ben Brown").doesNotContain("Cat Cole").contains("Overdue");
        // The practitioners' evaluations are their agency's, the trainers' and the coordinator's to read.
        assertThat(section(page("viewer", "/training"), "id=\"due\"")).doesNotContain("Ann Adams").doesNotContain("Ben Brown");
        mvc.perform(post("/training/bookings/" + ann + "/evaluation/impact").with(Requests.signedIn(users, "coordinator")).with(csrf())
                .param("impact", "4").param("impactExample", "Uses the toolkit in every home visit")).andExpect(status().is3xxRedirection());
        assertThat(section(page("police", "/training"), "id=\"due\"")).doesNotContain("Ann Adams").contains("Ben Brown");
        String booking = page("police", "/training/bookings/" + ann);
        mvc.perform(get("/training/bookings/" + ann).with(Requests.signedIn(users, "viewer"))).andExpect(status().isNotFound());
        assertThat(booking).contains("2 out of 5").contains("4 out of 5").contains("Uses the toolkit in every home visit");
        assertThat(page("viewer", "/training/reports")).contains("Neglect toolkit");
    }

    @Test
    void needsShowTheCoursesAnsweringThemAndThoseWithoutAreListed() throws Exception {
        mvc.perform(post("/training/needs").with(Requests.signedIn(users, "chair")).with(csrf()).param("source", "REQUEST")
                .param("requestAgency", String.valueOf(agency("health"))).param("requestWords", "Training on perinatal mental health")
                .param("description", "Perinatal mental health awareness")).andExpect(status().is3xxRedirection());
        long priority = jdbc.sql("select min(id) from plan_priority").query(Long.class).single();
        mvc.perform(post("/training/needs").with(Requests.signedIn(users, "coordinator")).with(csrf()).param("source", "PRIORITY|" + priority)
                .param("description", "Understanding the priority")).andExpect(status().is3xxRedirection());
        long answered = jdbc.sql("select id from training_need where description = 'Understanding the priority'").query(Long.class).single();
        mvc.perform(post("/training/courses").with(Requests.signedIn(users, "coordinator")).with(csrf()).param("title", "Priority briefing")
                .param("audience", "MANAGERS").param("format", "BLENDED").param("needs", String.valueOf(answered))
                .param("priorities", String.valueOf(priority))).andExpect(status().is3xxRedirection());
        String needs = page("viewer", "/training/needs");
        String row = needs.substring(needs.indexOf("Understanding the priority"));
        assertThat(row.substring(0, row.indexOf("</tr>"))).contains("Priority briefing");
        String perinatal = needs.substring(needs.indexOf("Perinatal mental health awareness"));
        assertThat(perinatal.substring(0, perinatal.indexOf("</tr>"))).contains("No course answers this need yet")
                .contains("A partner&#39;s request");
        assertThat(section(page("viewer", "/training"), "id=\"unanswered\"")).contains("Perinatal mental health awareness")
                .doesNotContain("Understanding the priority");
        // A source that is not offered is refused.
        mvc.perform(post("/training/needs").with(Requests.signedIn(users, "coordinator")).with(csrf()).param("source", "AUDIT|999999")
                .param("description", "Made up")).andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from training_need where description = 'Made up'").query(Integer.class).single()).isZero();
    }

    @Test
    void eachRoleMayDoOnlyWhatItShould() throws Exception {
        jdbc.sql("""
                insert into canopy_user (partnership_id, username, display_name, password_hash, role)
                select partnership_id, 'youngtraining', 'Sam', password_hash, 'YOUNG_SCRUTINEER' from canopy_user where username = 'viewer'""")
                .update();
        long course = course("Chair's course");
        mvc.perform(post("/training/courses").with(Requests.signedIn(users, "chair")).with(csrf()).param("title", "Chaired")
                .param("audience", "ALL_STAFF").param("format", "ONLINE")).andExpect(status().is3xxRedirection());
        long session = session(course, 5, LocalDate.now(clock).plusWeeks(1));
        for (String who : List.of("viewer", "scrutineer", "youngtraining", "executive")) {
            assertThat(page(who, "/training")).contains("Chair&#39;s course");
            for (String path : List.of("/training/needs", "/training/reports", "/training/courses/" + course, "/training/sessions/" + session)) {
                mvc.perform(get(path).with(Requests.signedIn(users, who))).andExpect(status().isOk());
            }
            mvc.perform(post("/training/courses").with(Requests.signedIn(users, who)).with(csrf()).param("title", "By " + who)
                    .param("audience", "ALL_STAFF").param("format", "ONLINE")).andExpect(status().isForbidden());
            book(who, session, "Zed Zee", agency("police")).andExpect(status().isForbidden());
        }
        assertThat(jdbc.sql("select count(*) from training_course where title like 'By %'").query(Integer.class).single()).isZero();
        assertThat(count("1 = 1", session)).isZero();

        // An agency contributor books only its own staff.
        book("police", session, "Pat Police", agency("police")).andExpect(status().is3xxRedirection());
        book("police", session, "Hal Health", agency("health")).andExpect(status().isForbidden());
        assertThat(count("1 = 1", session)).isEqualTo(1);
        long pat = booking("Pat Police");
        mvc.perform(post("/training/bookings/" + pat + "/cancel").with(Requests.signedIn(users, "health")).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(statusOf("Pat Police")).isEqualTo("BOOKED");
        // Attendance: the coordinator or the trainer agency's contributor only.
        mvc.perform(post("/training/sessions/" + session + "/attendance").with(Requests.signedIn(users, "police")).with(csrf())
                .param("attendance-" + pat, "ATTENDED")).andExpect(status().isForbidden());
        assertThat(column(pat, "attendance")).isNull();
        mvc.perform(post("/training/sessions/" + session + "/capacity").with(Requests.signedIn(users, "police")).with(csrf())
                .param("capacity", "9").param("version", "0")).andExpect(status().isForbidden());
    }

    /** Every role, on every page, download and API answer that shows a booking: the practitioner's agency, the trainers and the coordinator read it. */
    @Test
    void aBookingIsReadByThePractitionersAgencyTheTrainersAndTheCoordinatorOnlyAndEveryoneReadsTheCounts() throws Exception {
        jdbc.sql("""
                insert into canopy_user (partnership_id, username, display_name, password_hash, role)
                select partnership_id, 'youngtraining', 'Sam', password_hash, 'YOUNG_SCRUTINEER' from canopy_user where username = 'viewer'""")
                .update();
        long course = course("Reading the room"); // trained by the council
        long session = session(course, 1, LocalDate.now(clock).minusWeeks(7));
        book("police", session, "Pat Police", null).andExpect(status().is3xxRedirection());
        book("health", session, "Hal Health", null).andExpect(status().is3xxRedirection()); // the session is full: waiting
        long pat = booking("Pat Police");
        long hal = booking("Hal Health");
        jdbc.sql("update training_booking set attendance = 'ATTENDED', job_role = 'Detective constable' where id = ?").param(pat).update();

        var readersOfPat = List.of("coordinator", "police", "council");
        var readersOfHal = List.of("coordinator", "health", "council");
        for (String who : List.of("coordinator", "executive", "police", "health", "council", "chair", "scrutineer", "viewer", "youngtraining")) {
            boolean readsPat = readersOfPat.contains(who);
            boolean readsHal = readersOfHal.contains(who);
            String sessionPage = page(who, "/training/sessions/" + session);
            assertThat(sessionPage).as(who).contains("id=\"places-booked\">1<").contains("id=\"waiting-count\">1<")
                    .contains("id=\"places-left\">0<");
            assertThat(sessionPage.contains("Pat Police")).as(who + " reads Pat's booking on the session").isEqualTo(readsPat);
            assertThat(sessionPage.contains("Detective constable")).as(who).isEqualTo(readsPat);
            assertThat(sessionPage.contains("Hal Health")).as(who + " reads Hal's place on the waiting list").isEqualTo(readsHal);
            mvc.perform(get("/training/bookings/" + pat).with(Requests.signedIn(users, who)))
                    .andExpect(readsPat ? status().isOk() : status().isNotFound());
            assertThat(section(page(who, "/training"), "id=\"due\"").contains("Pat Police")).as(who + " on the overview").isEqualTo(readsPat);

            String csv = mvc.perform(get("/training/bookings.csv").with(Requests.signedIn(users, who))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(csv.contains("Pat Police")).as(who + " in the CSV").isEqualTo(readsPat);
            assertThat(csv.contains("Hal Health")).as(who + " in the CSV").isEqualTo(readsHal);
            String xlsx = org.canopy.support.Workbooks.text(mvc.perform(get("/training/bookings.xlsx").with(Requests.signedIn(users, who)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
            assertThat(xlsx).contains("Name");
            assertThat(xlsx.contains("Pat Police")).as(who + " in the workbook").isEqualTo(readsPat);

            var api = json.readTree(mvc.perform(get("/api/v1/training/sessions/" + session).with(Requests.user(who)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
            assertThat(api.get("booked").asInt()).isEqualTo(1);
            assertThat(api.get("waiting").asInt()).isEqualTo(1);
            assertThat(api.get("placesLeft").asInt()).isZero();
            assertThat(api.get("bookings").toString().contains("Pat Police")).as(who + " over the API").isEqualTo(readsPat);
            assertThat(api.get("bookings").toString().contains("Hal Health")).as(who + " over the API").isEqualTo(readsHal);
            String courses = mvc.perform(get("/api/v1/training/courses").with(Requests.user(who)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(courses).doesNotContain("Pat Police").doesNotContain("Hal Health");
        }
        mvc.perform(get("/training/bookings/" + hal).with(Requests.signedIn(users, "police"))).andExpect(status().isNotFound());
    }

    @Test
    void badInputIsRefusedWithNothingStored() throws Exception {
        long session = session(course("Input checks"), 5, LocalDate.now(clock).plusWeeks(1));
        book("coordinator", session, "Call 07700 900123", agency("police")).andExpect(status().isOk());
        assertThat(count("1 = 1", session)).isZero();
        mvc.perform(post("/training/courses").with(Requests.signedIn(users, "coordinator")).with(csrf()).param("title", "No audience")
                .param("format", "ONLINE")).andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from training_course where title = 'No audience'").query(Integer.class).single()).isZero();
        long course = jdbc.sql("select course_id from training_session where id = ?").param(session).query(Long.class).single();
        mvc.perform(post("/training/courses/" + course + "/sessions").with(Requests.signedIn(users, "coordinator")).with(csrf())
                .param("date-day", "1").param("date-month", "2").param("date-year", "2027").param("time", "10:00").param("place", "Online")
                .param("capacity", "0")).andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from training_session where course_id = ?").param(course).query(Integer.class).single()).isEqualTo(1);
        book("coordinator", session, "Ann Adams", agency("police")).andExpect(status().is3xxRedirection());
        long ann = booking("Ann Adams");
        evaluate(ann, "before", "beforeConfidence", "6", "beforeLearn", "x").andExpect(status().isOk());
        assertThat(jdbc.sql("select before_confidence from training_booking where id = ?").param(ann).query(Integer.class).optional()
                .orElse(null)).isNull();
    }

    @Test
    void aStaleEditIsAConflictAndEveryChangeIsInTheHistory() throws Exception {
        long course = course("Versioned course");
        mvc.perform(post("/training/courses/" + course).with(Requests.signedIn(users, "chair")).with(csrf()).param("title", "Renamed course")
                .param("audience", "MANAGERS").param("format", "ONLINE").param("version", "0")).andExpect(status().is3xxRedirection());
        String stale = mvc.perform(post("/training/courses/" + course).with(Requests.signedIn(users, "coordinator")).with(csrf())
                .param("title", "Stale rename").param("audience", "MANAGERS").param("format", "ONLINE").param("version", "0"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(stale).contains("Someone else changed this course");
        assertThat(jdbc.sql("select title from training_course where id = ?").param(course).query(String.class).single())
                .isEqualTo("Renamed course");
        assertThat(jdbc.sql("select count(*) from audit_event where record_type = 'training course' and record_id = ?")
                .param(String.valueOf(course)).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void anotherPartnershipSeesNothing() throws Exception {
        long course = course("Ours alone");
        long session = session(course, 5, LocalDate.now(clock).plusWeeks(1));
        jdbc.sql("insert into partnership (name, area) values ('Elsewhere Training Partnership', 'Elsewhere')").update();
        long elsewhere = jdbc.sql("select id from partnership where name = 'Elsewhere Training Partnership'").query(Long.class).single();
        jdbc.sql("""
                insert into canopy_user (partnership_id, username, display_name, password_hash, role)
                select ?, 'elsewheretraining', 'Elsewhere Coordinator', password_hash, 'ADMINISTRATOR' from canopy_user where username = 'viewer'""")
                .param(elsewhere).update();
        mvc.perform(get("/training/courses/" + course).with(Requests.signedIn(users, "elsewheretraining"))).andExpect(status().isNotFound());
        mvc.perform(get("/training/sessions/" + session).with(Requests.signedIn(users, "elsewheretraining"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/training/sessions/" + session).with(Requests.user("elsewheretraining"))).andExpect(status().isNotFound());
        assertThat(mvc.perform(get("/api/v1/training/courses").with(Requests.user("elsewheretraining"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).isEqualTo("[]");
        assertThat(page("elsewheretraining", "/training")).doesNotContain("Ours alone").doesNotContain("Mental health first aid");
        book("elsewheretraining", session, "Ann Adams", null).andExpect(status().isNotFound());
        assertThat(count("1 = 1", session)).isZero();
    }

    @Test
    void theDemoHoldsTheStatedTrainingFactsAndNoBookings() throws Exception {
        String overview = page("viewer", "/training");
        assertThat(overview).contains("Online safeguarding training, opened to volunteers and partners").contains("Mental health first aid")
                .contains("Violence against women and girls (VAWG) training").contains("What reflective supervision looks like");
        assertThat(overview).contains("The training program needs to be firmly linked to training needs and informed by priorities.")
                .contains("The feedback will form part of the analysis to set the training program for 21-22.");
        assertThat(section(overview, "id=\"unanswered\"")).contains("anaphylaxis").doesNotContain("reflective supervision looks like");
        String reports = page("viewer", "/training/reports");
        assertThat(section(reports, "id=\"stated\"")).contains("16 workers trained as mental health first aiders in 20/21")
                .contains("Over 350 professionals (and over 1,000 young people)");
        assertThat(jdbc.sql("select count(*) from training_session s join training_course c on c.id = s.course_id where c.created_by = 'demo'")
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from training_booking where partnership_id = ?").param(partnership).query(Integer.class).single())
                .isZero();
        String needs = page("viewer", "/training/needs");
        // The needs cite the one action plan's recommendations, linked to them.
        assertThat(needs).contains("social workers were supported and provided with reflective supervision")
                .contains("href=\"/learning/action-plan/");
        assertThat(jdbc.sql("select count(*) from training_need where created_by = 'demo' and source_kind = 'RECOMMENDATION'")
                .query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void theDemoCourseAnsweringTheActionPlansNeedIsBookedByAnAgencyAndItsAttendanceReadByAgency() throws Exception {
        long course = jdbc.sql("select id from training_course where title = 'What reflective supervision looks like'").query(Long.class).single();
        assertThat(page("viewer", "/training/courses/" + course)).contains("Social workers supported and provided with reflective supervision");
        long session = session(course, 12, LocalDate.now(clock));
        // The council's contributor books their own social worker; the coordinator records attendance at the session.
        book("council", session, "Sam Social", null).andExpect(status().is3xxRedirection());
        long sam = booking("Sam Social");
        assertThat(statusOf("Sam Social")).isEqualTo("BOOKED");
        mvc.perform(post("/training/sessions/" + session + "/attendance").with(Requests.signedIn(users, "coordinator")).with(csrf())
                .param("attendance-" + sam, "ATTENDED")).andExpect(status().is3xxRedirection());
        String byAgency = section(page("viewer", "/training/reports"), "id=\"by-agency\"");
        assertThat(byAgency).contains(agencyName("council"));
        // The same by API (API.md), for the session's financial year; none for a year without sessions.
        var day = LocalDate.now(clock);
        int start = day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1;
        String year = start + "-" + String.format("%02d", (start + 1) % 100);
        String attendance = mvc.perform(get("/api/v1/training/attendance?year=" + year).with(Requests.user("viewer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(attendance).isEqualTo("[{\"agencyId\":" + agency("council") + ",\"booked\":1,\"attended\":1,\"didNotAttend\":0}]");
        assertThat(mvc.perform(get("/api/v1/training/attendance?year=2001-02").with(Requests.user("viewer"))).andReturn().getResponse()
                .getContentAsString()).isEqualTo("[]");
        assertThat(mvc.perform(get("/api/v1/training/courses").with(Requests.user("viewer"))).andReturn().getResponse()
                .getContentAsString()).contains("\"booked\":1").contains("\"date\":\"" + day + "\"");
    }

    private long course(String title) throws Exception {
        mvc.perform(post("/training/courses").with(Requests.signedIn(users, "coordinator")).with(csrf()).param("title", title)
                .param("audience", "PRACTITIONERS").param("format", "IN_PERSON").param("trainer", String.valueOf(agency("council"))))
                .andExpect(status().is3xxRedirection());
        return jdbc.sql("select id from training_course where title = ?").param(title).query(Long.class).single();
    }

    private long session(long course, int capacity, LocalDate day) throws Exception {
        mvc.perform(post("/training/courses/" + course + "/sessions").with(Requests.signedIn(users, "coordinator")).with(csrf())
                .param("date-day", String.valueOf(day.getDayOfMonth())).param("date-month", String.valueOf(day.getMonthValue()))
                .param("date-year", String.valueOf(day.getYear())).param("time", "09:30").param("place", "Mulberry Place")
                .param("capacity", String.valueOf(capacity))).andExpect(status().is3xxRedirection());
        return jdbc.sql("select max(id) from training_session where course_id = ?").param(course).query(Long.class).single();
    }

    private ResultActions book(String who, long session, String name, Long agency) throws Exception {
        var request = post("/training/sessions/" + session + "/bookings").with(Requests.signedIn(users, who)).with(csrf())
                .param("name", name).param("role", "Social worker");
        if (agency != null) {
            request.param("agency", String.valueOf(agency));
        }
        return mvc.perform(request);
    }

    private ResultActions evaluate(long booking, String step, String f1, String v1, String f2, String v2) throws Exception {
        return mvc.perform(post("/training/bookings/" + booking + "/evaluation/" + step).with(Requests.signedIn(users, "coordinator"))
                .with(csrf()).param(f1, v1).param(f2, v2));
    }

    private long agency(String username) {
        return jdbc.sql("select agency_id from canopy_user where username = ?").param(username).query(Long.class).single();
    }

    private String agencyName(String username) {
        return jdbc.sql("select a.name from agency a join canopy_user u on u.agency_id = a.id where u.username = ?").param(username)
                .query(String.class).single().replace("'", "&#39;");
    }

    private long booking(String name) {
        return jdbc.sql("select id from training_booking where name = ?").param(name).query(Long.class).single();
    }

    private String statusOf(String name) {
        return jdbc.sql("select status from training_booking where name = ?").param(name).query(String.class).single();
    }

    private String column(long booking, String column) {
        return jdbc.sql("select " + column + " from training_booking where id = ?").param(booking).query(String.class).optional().orElse(null);
    }

    private int count(String where, long session) {
        return jdbc.sql("select count(*) from training_booking where session_id = ? and " + where).param(session).query(Integer.class).single();
    }

    private String page(String who, String path) throws Exception {
        return mvc.perform(get(path).with(Requests.signedIn(users, who))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private static String section(String page, String marker) {
        int start = page.indexOf(marker);
        assertThat(start).as(marker).isPositive();
        int end = page.indexOf("</table>", start);
        return page.substring(start, end < 0 ? page.length() : end);
    }
}
