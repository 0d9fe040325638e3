package org.canopy.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import org.canopy.support.CanopyDatabaseTest;
import org.canopy.support.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The data module's events, as the modules that listen to them receive them: figures accepted (whichever path
 * they came by), an escalation raised (and the executive told by message), a round closed (once).
 */
@CanopyDatabaseTest
@EnableScenarios
class DataEventsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @AfterEach
    void restoreDemo() {
        Figures.removeImported(jdbc);
        jdbc.sql("delete from outbox_message").update();
        jdbc.sql("delete from escalation_event").update();
        jdbc.sql("delete from escalation").update();
        jdbc.sql("delete from executive_escalation_step").update();
        jdbc.sql("delete from executive_escalation").update();
        jdbc.sql("update data_round set due_date = ?, closed_at = null where period = '2021-22-Q1'")
                .param(LocalDate.now().plusDays(14)).update();
    }

    @Test
    void figuresStoredByTheCoordinatorAreAnnouncedWithTheirIndicators(Scenario scenario) {
        scenario.stimulate(() -> perform(() -> Figures.importCsv(mvc, "coordinator",
                        "DOMESTIC_ABUSE_CASES,2020-21-Q3,Tower Hamlets,812,\nDOMESTIC_ABUSE_CASES,2020-21-Q4,Tower Hamlets,790,\n")
                        .andExpect(status().isCreated())))
                .andWaitForEventOfType(FiguresAccepted.class)
                .toArriveAndVerify(accepted -> {
                    assertThat(accepted.indicatorCodes()).containsExactly("DOMESTIC_ABUSE_CASES");
                    assertThat(accepted.figures()).isEqualTo(2);
                    assertThat(accepted.acceptedBy()).isEqualTo("coordinator");
                    assertThat(accepted.partnershipId()).isEqualTo(demoPartnership());
                });
    }

    @Test
    void aContributorsUploadIsAnnouncedOnlyWhenTheReviewerAcceptsIt(Scenario scenario) throws Exception {
        // Submitted for review: no figures have reached the dashboard, so nothing is announced.
        Figures.importCsv(mvc, "police", "DOMESTIC_ABUSE_CASES,2020-21-Q3,Tower Hamlets,812,\n").andExpect(status().isAccepted());
        long upload = jdbc.sql("select max(id) from figure_upload").query(Long.class).single();
        int version = jdbc.sql("select version from figure_upload where id = ?").param(upload).query(Integer.class).single();

        scenario.stimulate(() -> perform(() -> mvc.perform(post("/data/uploads/" + upload + "/review")
                        .with(Requests.signedIn(users, "coordinator")).with(csrf()).param("decision", "accept")
                        .param("version", String.valueOf(version))).andExpect(status().is3xxRedirection())))
                .andWaitForEventOfType(FiguresAccepted.class)
                .toArriveAndVerify(accepted -> {
                    assertThat(accepted.indicatorCodes()).containsExactly("DOMESTIC_ABUSE_CASES");
                    assertThat(accepted.acceptedBy()).isEqualTo("coordinator");
                });
    }

    @Test
    void anEscalationIsAnnouncedAndTheExecutiveIsToldByMessage(Scenario scenario) {
        scenario.stimulate(() -> perform(() -> mvc.perform(post("/dashboard/indicators/CP_COUNT/escalations")
                        .with(Requests.signedIn(users, "coordinator")).with(csrf()).param("period", "2020-21")
                        .param("reason", "Plans rose while neglect stays at 77 per cent.")).andExpect(status().is3xxRedirection())))
                .andWaitForEventOfType(EscalationRaised.class)
                .toArriveAndVerify(raised -> {
                    assertThat(raised.indicatorCode()).isEqualTo("CP_COUNT");
                    assertThat(raised.period()).isEqualTo("2020-21");
                    assertThat(raised.raisedBy()).isEqualTo("coordinator");
                });

        // The listener runs after the escalation is stored, on its own: wait for its message.
        scenario.stimulate(() -> { })
                .andWaitForStateChange(this::executiveMessages, messages -> !messages.isEmpty())
                .andVerify(messages -> assertThat(messages).singleElement().satisfies(subject ->
                        assertThat(subject).contains("was escalated to the executive").contains("2020-21")));
    }

    @Test
    void closingARoundIsAnnouncedOnceEvenWhenClosedAgain(Scenario scenario) {
        long round = jdbc.sql("select id from data_round where period = '2021-22-Q1'").query(Long.class).single();
        scenario.stimulate(() -> perform(() -> mvc.perform(post("/data/rounds/" + round + "/close")
                        .with(Requests.signedIn(users, "coordinator")).with(csrf())).andExpect(status().is3xxRedirection())))
                .andWaitForEventOfType(RoundClosed.class)
                .toArriveAndVerify(closed -> {
                    assertThat(closed.roundId()).isEqualTo(round);
                    assertThat(closed.period()).isEqualTo("2021-22-Q1");
                });

        // Closing it again changes nothing, so nothing is announced: one close in the history, as one event.
        perform(() -> mvc.perform(post("/data/rounds/" + round + "/close").with(Requests.signedIn(users, "coordinator")).with(csrf()))
                .andExpect(status().is3xxRedirection()));
        assertThat(jdbc.sql("select count(*) from audit_event where record_type = 'data-round' and record_id = ? and action = 'closed'")
                .param(String.valueOf(round)).query(Integer.class).single()).isEqualTo(1);
    }

    private List<String> executiveMessages() {
        return jdbc.sql("""
                select m.subject from outbox_message m join canopy_user u on u.id = m.recipient_id
                where u.username = 'executive'""").query(String.class).list();
    }

    private long demoPartnership() {
        return jdbc.sql("select id from partnership").query(Long.class).single();
    }

    private interface Request {
        void run() throws Exception;
    }

    private static void perform(Request request) {
        try {
            request.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
