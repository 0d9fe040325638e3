package org.canopy.partnership;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.util.List;
import org.canopy.support.CanopyDatabaseTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With a mail server configured the outbox sends by SMTP (GreenMail here) and keeps each message with its delivery. */
@CanopyDatabaseTest
class OutboxMailTest {

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> mail.getSmtp().getPort());
    }

    @Autowired
    Outbox outbox;

    @Autowired
    People people;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void restoreDemo() {
        jdbc.sql("delete from outbox_message").update();
        jdbc.sql("update canopy_user set email = null where username = 'police'").update();
    }

    @Test
    void aPersonWithAnAddressIsSentTheMessageAndOneWithoutIsRecorded() throws Exception {
        jdbc.sql("update canopy_user set email = 'police.contributor@example.org' where username = 'police'").update();
        long partnership = jdbc.sql("select partnership_id from canopy_user where username = 'police'").query(Long.class).single();
        long police = people.byUsername(partnership, "police").orElseThrow().id();
        long health = people.byUsername(partnership, "health").orElseThrow().id();

        int addressed = outbox.send(partnership, "coordinator", List.of(police, health), "Figures for 2021-22-Q1 are overdue",
                "Please submit them in Canopy.");

        assertThat(addressed).isEqualTo(2);
        assertThat(mail.waitForIncomingEmail(5000, 1)).isTrue();
        var received = mail.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("Figures for 2021-22-Q1 are overdue");
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("police.contributor@example.org");
        assertThat(jdbc.sql("""
                select u.username || ':' || m.delivery from outbox_message m join canopy_user u on u.id = m.recipient_id
                order by u.username""").query(String.class).list()).containsExactly("health:NO_ADDRESS", "police:SENT");
    }
}
