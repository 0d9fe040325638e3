package org.canopy.partnership.outbox;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.canopy.partnership.Outbox;
import org.canopy.partnership.PersonSummary;
import org.canopy.partnership.RecordChanged;
import org.canopy.partnership.accounts.UserAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox: each message is stored, then sent by SMTP when {@code spring.mail.host} is set. Without a
 * mail server (demo mode) messages stay in the outbox as not sent, for the administrator to read.
 */
@Service
public class OutboxMessages implements Outbox {

    private static final Logger log = LoggerFactory.getLogger(OutboxMessages.class);

    /** One stored message, as the outbox page lists it. */
    record Message(long id, String recipient, String recipientEmail, String subject, String body, String createdBy,
            LocalDateTime createdAt, String delivery) {
    }

    private final JdbcClient jdbc;
    private final UserAccounts users;
    private final ObjectProvider<JavaMailSender> mail;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String from;

    OutboxMessages(JdbcClient jdbc, UserAccounts users, ObjectProvider<JavaMailSender> mail,
            ApplicationEventPublisher events, Clock clock, MailSettings mailSettings) {
        this.jdbc = jdbc;
        this.users = users;
        this.mail = mail;
        this.events = events;
        this.clock = clock;
        this.from = mailSettings.from();
    }

    @Override
    @Transactional
    public int send(long partnershipId, String actor, Collection<Long> recipientIds, String subject, String body) {
        List<PersonSummary> people = users.byIds(partnershipId, recipientIds);
        var sender = mail.getIfAvailable();
        var now = LocalDateTime.now(clock);
        for (var person : people) {
            String delivery = deliver(sender, person, subject, body);
            jdbc.sql("""
                    insert into outbox_message (partnership_id, recipient_id, recipient_email, subject, body, created_by,
                                                created_at, delivery)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(partnershipId, person.id(), person.email(), subject, body, actor, now, delivery).update();
            events.publishEvent(new RecordChanged(partnershipId, actor, "outbox-message", person.username(), "sent",
                    "Email to " + person.displayName() + ": " + subject, null, Map.of("subject", subject, "delivery", delivery)));
        }
        return people.size();
    }

    private String deliver(JavaMailSender sender, PersonSummary person, String subject, String body) {
        if (person.email() == null || person.email().isBlank()) {
            return "NO_ADDRESS";
        }
        if (sender == null) {
            return "NOT_SENT";
        }
        try {
            var message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo(person.email());
            message.setSubject(subject);
            message.setText(body);
            sender.send(message);
            return "SENT";
        } catch (MailException e) {
            // The address is personal data: log the person's username only.
            log.warn("Could not send an email to {}: {}", person.username(), e.getClass().getSimpleName());
            return "FAILED";
        }
    }

    public List<Message> messages(long partnershipId) {
        return jdbc.sql("""
                select m.id, u.display_name, m.recipient_email, m.subject, m.body, m.created_by, m.created_at, m.delivery
                from outbox_message m join canopy_user u on u.id = m.recipient_id
                where m.partnership_id = ? order by m.created_at desc, m.id desc""")
                .param(partnershipId)
                .query((rs, n) -> new Message(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getObject(7, LocalDateTime.class), rs.getString(8)))
                .list();
    }
}
