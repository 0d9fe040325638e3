package org.canopy.learning.deadlines;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.RecordChanged;
import org.canopy.web.ICalendar;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each person's secret calendar feed of open deadlines. Calendar apps cannot sign in with a form, so the feed's
 * address carries a random token; only its SHA-256 hash is stored, and making a new one replaces the old.
 * The feed is iCalendar (RFC 5545), one all-day VEVENT per open deadline, written here: it is a few lines.
 */
@Service
class CalendarFeeds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CalendarFeeds(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** When the person's current feed address was made, if they have one. */
    Optional<LocalDateTime> createdAt(CanopyUser user) {
        return jdbc.sql("select created_at from learning_calendar_feed where user_id = ?").param(user.id())
                .query(LocalDateTime.class).optional();
    }

    /** Makes a new secret token for the person (replacing any old one) and returns it; it is shown once. */
    @Transactional
    String replaceToken(CanopyUser user) {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("delete from learning_calendar_feed where user_id = ?").param(user.id()).update();
        jdbc.sql("insert into learning_calendar_feed (user_id, partnership_id, token_hash, created_at) values (?, ?, ?, ?)")
                .params(user.id(), user.partnershipId(), hash(token), LocalDateTime.now(clock)).update();
        events.publishEvent(RecordChanged.by(user, "calendar-feed", user.id(), "replaced",
                "Made a new calendar feed address for " + user.getUsername(), null, null));
        return token;
    }

    /** Whose feed a token opens: the person and their partnership. */
    record Owner(long partnershipId, long userId) {
    }

    /** The person whose feed the token opens, if the token is current. */
    Optional<Owner> ownerOf(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("select partnership_id, user_id from learning_calendar_feed where token_hash = ?").param(hash(token))
                .query((rs, n) -> new Owner(rs.getLong(1), rs.getLong(2))).optional();
    }

    /** The open deadlines as an iCalendar document, lines ending CRLF. */
    String ics(List<Deadline> open, String baseUrl) {
        var calendar = new ICalendar("Learning deadlines", "Safeguarding review deadlines");
        String stamp = STAMP.format(LocalDateTime.now(clock).atOffset(ZoneOffset.UTC));
        for (var d : open) {
            calendar.line("BEGIN:VEVENT");
            // Stable per deadline so a calendar app updates the event when its date moves rather than adding another.
            calendar.line("UID:" + hash(d.link() + "|" + d.what()).substring(0, 32) + "@canopy");
            calendar.line("DTSTAMP:" + stamp);
            calendar.line("DTSTART;VALUE=DATE:" + DAY.format(d.due()));
            calendar.line("DTEND;VALUE=DATE:" + DAY.format(d.due().plusDays(1)));
            calendar.line("SUMMARY:" + ICalendar.escape(d.what() + ": " + d.recordTitle()));
            if (!d.restricted()) {
                calendar.line("URL:" + baseUrl + d.link());
            }
            calendar.line("END:VEVENT");
        }
        return calendar.end();
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
