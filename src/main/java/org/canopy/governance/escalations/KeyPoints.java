package org.canopy.governance.escalations;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.Outbox;
import org.canopy.partnership.People;
import org.canopy.partnership.PersonSummary;
import org.canopy.partnership.RecordChanged;
import org.canopy.privacy.IdentifierGuard;
import org.canopy.web.DateInput;
import org.canopy.web.FieldProblem;
import org.canopy.web.InvalidInput;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The key discussion points after an Executive meeting: published by the executive or the administrator, sent to every
 * enabled person of the partnership through the outbox, and kept on the news page.
 */
@Service
class KeyPoints {

    /** One publication of key points. */
    record Published(long id, LocalDate meetingDate, String title, String points, String publishedBy,
            LocalDateTime publishedAt, int sentTo) {
    }

    private final JdbcClient jdbc;
    private final EscalationRegister register;
    private final IdentifierGuard guard;
    private final People people;
    private final Outbox outbox;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    KeyPoints(JdbcClient jdbc, EscalationRegister register, IdentifierGuard guard, People people, Outbox outbox,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.register = register;
        this.guard = guard;
        this.people = people;
        this.outbox = outbox;
        this.events = events;
        this.clock = clock;
    }

    /** Whether the person publishes key points: those who record the executive's decisions. */
    boolean mayPublish(CanopyUser user) {
        return register.mayDecide(user);
    }

    /** The partnership's key points, latest meeting first. */
    List<Published> all(long partnershipId) {
        return jdbc.sql("""
                select id, meeting_date, title, points, published_by, published_at, sent_to from executive_key_points
                where partnership_id = ? order by meeting_date desc, id desc""").param(partnershipId)
                .query((rs, n) -> new Published(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, LocalDateTime.class), rs.getInt(7))).list();
    }

    /** Publishes the points of the meeting on that day and sends them to the partners; all or nothing. */
    @Transactional
    Published publish(CanopyUser user, DateInput meeting, String title, String points) {
        if (!mayPublish(user)) {
            throw new AccessDeniedException("Only the executive and the administrator publish the Executive's key points");
        }
        var problems = new ArrayList<FieldProblem>();
        LocalDate day = meeting.read("meetingDate", "The meeting date", true, DateInput.Range.PAST, LocalDate.now(clock), problems);
        String titleText = guard.freeText("title", "The title", title, true, 300, problems, FieldProblem::of);
        // 3,500 leaves room in the message (at most 4,000 characters) for the words around the points.
        String pointsText = guard.freeText("points", "The key points", points, true, 3500, problems, FieldProblem::of);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var recipients = people.inPartnership(user.partnershipId()).stream().filter(PersonSummary::enabled)
                .map(PersonSummary::id).toList();
        int sent = outbox.send(user.partnershipId(), user.getUsername(), recipients, "Key discussion points: " + titleText,
                "The Executive met on " + day + ". Its key discussion points:\n\n" + pointsText + "\n\nKept in Canopy: /news");
        var now = LocalDateTime.now(clock);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into executive_key_points (partnership_id, meeting_date, title, points, published_by, published_at, sent_to)
                values (?, ?, ?, ?, ?, ?, ?)""").params(user.partnershipId(), day, titleText, pointsText, user.getUsername(),
                now, sent).update(keys, "id");
        var published = new Published(keys.getKeyAs(Number.class).longValue(), day, titleText, pointsText, user.getUsername(),
                now, sent);
        events.publishEvent(RecordChanged.by(user, "executive-key-points", published.id(), "published",
                "Published the key discussion points of the Executive's meeting on " + day, null, published));
        return published;
    }
}
