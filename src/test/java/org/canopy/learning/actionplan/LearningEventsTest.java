package org.canopy.learning.actionplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import org.canopy.learning.RecommendationOverdue;
import org.canopy.learning.ReviewPublished;
import org.canopy.support.CanopyDatabaseTest;
import org.canopy.support.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The learning module's events: a recommendation past its due date is announced once per due date by the daily
 * check, and its agency's contributors and the coordinator are told; a local review's publication is announced
 * once, and the coordinator reminded of the learning that follows.
 */
@CanopyDatabaseTest
@EnableScenarios
class LearningEventsTest {

    @Autowired
    OverdueRecommendations check;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    long partnership;
    long recommendation;
    long incident;
    java.util.Map<String, Object> localReview;
    List<String> methods;

    @BeforeEach
    void demo() {
        partnership = jdbc.sql("select id from partnership").query(Long.class).single();
        // A demo recommendation owned by Children's Social Care (the demo "council" contributor's agency).
        recommendation = jdbc.sql("select id from learning_recommendation where owner_agency = 'Children''s Social Care'")
                .query(Long.class).list().get(0);
        incident = jdbc.sql("select incident_id from local_review").query(Long.class).list().get(0);
        localReview = jdbc.sql("select * from local_review where incident_id = ?").param(incident).query().singleRow();
        methods = jdbc.sql("select method from local_review_method where incident_id = ?").param(incident).query(String.class).list();
    }

    @AfterEach
    void restoreDemo() {
        jdbc.sql("update learning_recommendation set status = 'COMPLETE', due_date = null, overdue_announced_for = null where id = ?")
                .param(recommendation).update();
        jdbc.sql("delete from outbox_message").update();
        // The demo's local review back as it was, column by column.
        var columns = localReview.keySet().stream().filter(c -> !c.equalsIgnoreCase("incident_id")).toList();
        var values = new java.util.ArrayList<Object>(columns.stream().map(localReview::get).toList());
        values.add(incident);
        jdbc.sql("update local_review set " + String.join(", ", columns.stream().map(c -> c + " = ?").toList()) + " where incident_id = ?")
                .params(values).update();
        jdbc.sql("delete from local_review_method where incident_id = ?").param(incident).update();
        methods.forEach(m -> jdbc.sql("insert into local_review_method (incident_id, method) values (?, ?)").params(incident, m).update());
    }

    @Test
    void aRecommendationPastItsDueDateIsAnnouncedOnceAndItsAgencyIsTold(Scenario scenario) {
        var due = LocalDate.now().minusDays(3);
        jdbc.sql("update learning_recommendation set status = 'IN_PROGRESS', due_date = ? where id = ?").params(due, recommendation).update();

        scenario.stimulate(() -> check.announce(partnership))
                .andWaitForEventOfType(RecommendationOverdue.class)
                .matching(overdue -> overdue.recommendationId() == recommendation)
                .toArriveAndVerify(overdue -> {
                    assertThat(overdue.due()).isEqualTo(due);
                    assertThat(overdue.ownerAgencyId()).isNotNull();
                });
        scenario.stimulate(() -> { })
                .andWaitForStateChange(() -> recipientsOf("A recommendation in the action plan is overdue%"), r -> r.size() >= 2)
                .andVerify(recipients -> assertThat(recipients).containsExactlyInAnyOrder("coordinator", "council"));

        // The next morning's check finds it already announced for this due date; a new due date makes it announceable again.
        assertThat(check.announce(partnership)).isZero();
        jdbc.sql("update learning_recommendation set due_date = ? where id = ?").params(due.plusDays(1), recommendation).update();
        assertThat(check.announce(partnership)).isEqualTo(1);
    }

    @Test
    void publishingALocalReviewIsAnnouncedOnceAndTheCoordinatorReminded(Scenario scenario) {
        int version = ((Number) localReview.get("version")).intValue();
        String published = LocalDate.now().minusDays(1).toString();

        scenario.stimulate(() -> save(version, published))
                .andWaitForEventOfType(ReviewPublished.class)
                .toArriveAndVerify(event -> {
                    assertThat(event.incidentId()).isEqualTo(incident);
                    assertThat(event.publishedOn()).hasToString(published);
                });
        scenario.stimulate(() -> { })
                .andWaitForStateChange(() -> recipientsOf("The local review of %"), r -> !r.isEmpty())
                .andVerify(recipients -> assertThat(recipients).containsExactly("coordinator"));

        // Saving the review again with the same date announces nothing more.
        save(version + 1, published);
        assertThat(recipientsOf("The local review of %")).containsExactly("coordinator");
    }

    private void save(int version, String published) {
        try {
            mvc.perform(post("/learning/incidents/" + incident + "/local-review").with(Requests.signedIn(users, "coordinator")).with(csrf())
                            .param("version", String.valueOf(version)).param("methods", "PARTNER_AUTHORED_REPORT")
                            .param("author", "Senior safeguarding manager").param("authorConfirmed", "yes")
                            .param("progress", (String) localReview.get("progress"))
                            .with(Requests.date("startDate", LocalDate.now().minusMonths(2).toString()))
                            .with(Requests.date("stage-PUBLISHED", published)))
                    .andExpect(status().is3xxRedirection());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> recipientsOf(String subject) {
        return jdbc.sql("select u.username from outbox_message m join canopy_user u on u.id = m.recipient_id where m.subject like ?")
                .param(subject).query(String.class).list();
    }
}
