package org.canopy.voice.tell;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.Outbox;
import org.canopy.partnership.People;
import org.canopy.partnership.RecordChanged;
import org.canopy.partnership.Role;
import org.canopy.plan.PlanPriorities;
import org.canopy.plan.PriorityRef;
import org.canopy.voice.feedback.AgeBand;
import org.canopy.voice.feedback.FeedbackLog;
import org.canopy.web.EditConflict;
import org.canopy.web.FieldProblem;
import org.canopy.web.InvalidInput;
import org.canopy.web.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Messages from the tell us page: received without an account (checked, stored in their own transaction before the
 * child is thanked, then the coordinators told), and read and handled only by the partnership coordinator, since a
 * message may hold a disclosure. Added to the feedback log, its words are read there like any other feedback.
 * Nothing here logs a message's words.
 */
@Service
class PublicMessages {

    /** The longest message kept, as the feedback log keeps it. */
    static final int MAX_WORDS = 4000;

    private static final Logger log = LoggerFactory.getLogger(PublicMessages.class);
    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final String REFERENCE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a child is told after sending: whether it was kept (a honeypot's is not), and whether to show help first. */
    record Receipt(Long id, String reference, boolean helpFirst) {
    }

    private final JdbcClient jdbc;
    private final ChildPrivacy privacy;
    private final SendingLimit limit;
    private final PlanPriorities priorities;
    private final People people;
    private final Outbox outbox;
    private final FeedbackLog feedback;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    PublicMessages(JdbcClient jdbc, ChildPrivacy privacy, SendingLimit limit, PlanPriorities priorities, People people,
            Outbox outbox, FeedbackLog feedback, ApplicationEventPublisher events, TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.privacy = privacy;
        this.limit = limit;
        this.priorities = priorities;
        this.people = people;
        this.outbox = outbox;
        this.feedback = feedback;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** The partnership a signed-out sender means: the one named, or the only one there is; empty when neither. */
    Optional<Long> partnership(Long requested) {
        List<Long> ids = jdbc.sql("select id from partnership order by id").query(Long.class).list();
        if (requested != null) {
            return ids.contains(requested) ? Optional.of(requested) : Optional.empty();
        }
        return ids.size() == 1 ? Optional.of(ids.get(0)) : Optional.empty();
    }

    /** The topics a child may choose: the priorities of the partnership's newest plan. */
    List<PriorityRef> topics(long partnershipId) {
        var all = priorities.priorities(partnershipId);
        if (all.isEmpty()) {
            return List.of();
        }
        long newest = all.get(0).planId();
        return all.stream().filter(p -> p.planId() == newest).toList();
    }

    /**
     * Receives a message: refused when {@code address} is over the limit ({@link TooManyMessages}) or the input is
     * wrong ({@link InvalidInput}, in a child's words), or when storing it fails ({@link MessageNotKept}, logged without
     * the words, and given back to the sender's limit, since they are asked to try again); when the honeypot
     * {@code website} is filled, pretends to succeed and keeps nothing. Otherwise the message is committed first, then the coordinators are told by email
     * (without the words); a failure telling them is logged without the words and never loses the message.
     */
    Receipt receive(long partnershipId, String address, String message, String ageBand, String topic, String website) {
        // The check and the count are one step, so messages sent at once cannot all pass; a refused one is given back.
        if (!limit.take(address)) {
            throw new TooManyMessages();
        }
        boolean helpFirst = DangerWords.in(message);
        if (website != null && !website.isBlank()) {
            return new Receipt(null, reference(), helpFirst);
        }
        var problems = new ArrayList<FieldProblem>();
        String words = message == null || message.isBlank() ? null : message.strip();
        if (words == null) {
            problems.add(FieldProblem.of("message", "Please write what you want us to know"));
        } else {
            if (words.length() > MAX_WORDS) {
                problems.add(FieldProblem.of("message", "Your message is too long. Please make it shorter than 4,000 letters and spaces"));
            }
            problems.addAll(privacy.problems("message", words));
        }
        AgeBand band = ageBand(ageBand, problems);
        Long priority = topic(partnershipId, topic, problems);
        if (!problems.isEmpty()) {
            limit.giveBack(address);
            throw new InvalidInput(problems);
        }
        String reference = reference();
        long id;
        try {
            id = transaction.execute(status -> store(partnershipId, reference, words, band, priority, helpFirst));
        } catch (RuntimeException e) {
            limit.giveBack(address);
            // Logged without the words: a database's message can quote the values it was given, so only the kinds are named.
            log.error("A message from the tell us page could not be stored ({}); the child was asked to try again", causes(e));
            throw new MessageNotKept();
        }
        try {
            tellCoordinators(partnershipId, id, helpFirst);
        } catch (RuntimeException e) {
            log.warn("Message {} from the tell us page is stored, but telling the coordinators failed ({})", id, e.getClass().getName());
        }
        return new Receipt(id, reference, helpFirst);
    }

    /** The exception's kinds down its causes, with a database's SQL state, never a message (which may quote the words). */
    static String causes(Throwable e) {
        var kinds = new StringBuilder();
        for (Throwable t = e; t != null && kinds.length() < 500; t = t.getCause() == t ? null : t.getCause()) {
            kinds.append(kinds.isEmpty() ? "" : " caused by ").append(t.getClass().getName());
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                kinds.append(" (SQL state ").append(sql.getSQLState()).append(')');
            }
        }
        return kinds.toString();
    }

    private long store(long partnershipId, String reference, String words, AgeBand band, Long priority, boolean helpFirst) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into public_message (partnership_id, reference, words, age_band, priority_id, received_at, needs_help_today, status)
                values (?, ?, ?, ?, ?, ?, ?, 'NEW')""")
                .params(partnershipId, reference, words, band.name(), priority, LocalDateTime.now(clock), helpFirst)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        var after = new LinkedHashMap<String, Object>();
        after.put("status", MessageStatus.NEW.name());
        after.put("needsHelpToday", helpFirst);
        after.put("ageBand", band.name());
        after.put("priorityId", priority);
        events.publishEvent(new RecordChanged(partnershipId, "tell us page", "public message", String.valueOf(id), "received",
                helpFirst ? "A message came from the tell us page, marked to look at today" : "A message came from the tell us page",
                null, after));
        return id;
    }

    private void tellCoordinators(long partnershipId, long id, boolean helpFirst) {
        var coordinators = people.enabledWithRole(partnershipId, Role.ADMINISTRATOR);
        if (coordinators.isEmpty()) {
            return;
        }
        String subject = helpFirst ? "Look at today: a message from the tell us page" : "A new message from the tell us page";
        String body = "A child or young person sent a message from the tell us page."
                + (helpFirst ? " Its words suggest someone may be in danger now: please look at it today." : "")
                + " Read it in Canopy: /voice/messages/" + id + " (the message is not in this email, to keep it private).";
        outbox.send(partnershipId, "tell us page", coordinators, subject, body);
    }

    private static AgeBand ageBand(String given, List<FieldProblem> problems) {
        if (given == null || given.isBlank()) {
            return AgeBand.NOT_GIVEN;
        }
        try {
            return AgeBand.valueOf(given.strip());
        } catch (IllegalArgumentException e) {
            problems.add(FieldProblem.of("ageBand", "Choose your age from the list, or \u201cI'd rather not say\u201d"));
            return AgeBand.NOT_GIVEN;
        }
    }

    private Long topic(long partnershipId, String given, List<FieldProblem> problems) {
        if (given == null || given.isBlank() || "other".equals(given.strip())) {
            return null;
        }
        var chosen = topics(partnershipId).stream().filter(p -> String.valueOf(p.id()).equals(given.strip())).findFirst();
        if (chosen.isEmpty()) {
            problems.add(FieldProblem.of("topic", "Choose a topic from the list, or \u201cSomething else\u201d"));
            return null;
        }
        return chosen.get().id();
    }

    private static String reference() {
        var reference = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            reference.append(REFERENCE_LETTERS.charAt(RANDOM.nextInt(REFERENCE_LETTERS.length())));
        }
        return reference.toString();
    }

    // The coordinator's side.

    /** Every message of the coordinator's partnership: those to look at today first, then new ones, then the rest, newest first. */
    List<PublicMessage> all(CanopyUser user) {
        requireCoordinator(user);
        return jdbc.sql(SELECT + """
                 where partnership_id = ?
                 order by case when status = 'NEW' and needs_help_today then 0 when status = 'NEW' then 1 else 2 end,
                          received_at desc, id desc""").param(user.partnershipId()).query(PublicMessages::message).list();
    }

    /** One message of the coordinator's partnership. */
    PublicMessage one(CanopyUser user, long id) {
        requireCoordinator(user);
        return jdbc.sql(SELECT + " where partnership_id = ? and id = ?").params(user.partnershipId(), id)
                .query(PublicMessages::message).optional().orElseThrow(() -> new NotFound("The message"));
    }

    /** Marks a new message seen by the coordinator. */
    @Transactional
    void markSeen(CanopyUser user, long id, String version) {
        var before = one(user, id);
        if (before.status() != MessageStatus.NEW) {
            return;
        }
        change(user, before, version, MessageStatus.SEEN, null, "marked seen", "Marked a message from the tell us page as seen");
    }

    /** Closes a message without adding it to the log. */
    @Transactional
    void close(CanopyUser user, long id, String version) {
        var before = open(user, id);
        change(user, before, version, MessageStatus.CLOSED, null, "closed", "Closed a message from the tell us page");
    }

    /**
     * Adds the message to the feedback log in {@code words} (the child's, or the coordinator's with something
     * identifying taken out) and returns the log's new item id.
     */
    @Transactional
    long addToLog(CanopyUser user, long id, String version, String words) {
        var before = open(user, id);
        String text = words == null || words.isBlank() ? before.words() : words;
        long feedbackId = feedback.addFromPublicPage(user, text, before.ageBand(), before.priorityId(),
                before.receivedAt().atOffset(ZoneOffset.UTC).atZoneSameInstant(UK).toLocalDate());
        change(user, before, version, MessageStatus.ADDED_TO_LOG, feedbackId, "added to the feedback log",
                "Added a message from the tell us page to the feedback log");
        return feedbackId;
    }

    private PublicMessage open(CanopyUser user, long id) {
        var message = one(user, id);
        if (!message.status().open()) {
            throw new EditConflict("This message is already " + message.status().label().toLowerCase() + ": nothing was changed");
        }
        return message;
    }

    private void change(CanopyUser user, PublicMessage before, String version, MessageStatus to, Long feedbackId, String verb, String summary) {
        var now = LocalDateTime.now(clock);
        boolean seenNow = before.seenBy() == null;
        int changed = jdbc.sql("""
                update public_message set status = ?, feedback_id = coalesce(?, feedback_id),
                       seen_by = coalesce(seen_by, ?), seen_at = coalesce(seen_at, ?),
                       handled_by = ?, handled_at = ?, version = version + 1
                 where id = ? and partnership_id = ? and version = ?""")
                .params(to.name(), feedbackId, user.getUsername(), now, to == MessageStatus.SEEN ? null : user.getUsername(),
                        to == MessageStatus.SEEN ? null : now, before.id(), user.partnershipId(), parseVersion(version, before))
                .update();
        if (changed == 0) {
            throw new EditConflict("Someone else changed this message first: look at it again as it is now");
        }
        events.publishEvent(RecordChanged.by(user, "public message", before.id(), verb, summary, state(before.status(), before.feedbackId(), before.seenBy()),
                state(to, feedbackId == null ? before.feedbackId() : feedbackId, seenNow ? user.getUsername() : before.seenBy())));
    }

    // The audit keeps the status, never the words.
    private static Map<String, Object> state(MessageStatus status, Long feedbackId, String seenBy) {
        var state = new LinkedHashMap<String, Object>();
        state.put("status", status.name());
        state.put("feedbackId", feedbackId);
        state.put("seenBy", seenBy);
        return state;
    }

    private static int parseVersion(String version, PublicMessage current) {
        if (version == null || version.isBlank()) {
            return current.version();
        }
        try {
            return Integer.parseInt(version.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void requireCoordinator(CanopyUser user) {
        if (!user.isAdministrator()) {
            throw new AccessDeniedException("Only the partnership coordinator reads messages from the tell us page");
        }
    }

    private static final String SELECT = """
            select id, partnership_id, reference, words, age_band, priority_id, received_at, needs_help_today, status, feedback_id,
                   seen_by, seen_at, handled_by, handled_at, version
              from public_message
            """;

    private static PublicMessage message(ResultSet rs, int row) throws SQLException {
        long priority = rs.getLong("priority_id");
        Long priorityId = rs.wasNull() ? null : priority;
        long feedbackRow = rs.getLong("feedback_id");
        Long feedbackId = rs.wasNull() ? null : feedbackRow;
        return new PublicMessage(rs.getLong("id"), rs.getLong("partnership_id"), rs.getString("reference"), rs.getString("words"),
                AgeBand.valueOf(rs.getString("age_band")), priorityId, rs.getObject("received_at", LocalDateTime.class),
                rs.getBoolean("needs_help_today"), MessageStatus.valueOf(rs.getString("status")), feedbackId, rs.getString("seen_by"),
                rs.getObject("seen_at", LocalDateTime.class), rs.getString("handled_by"), rs.getObject("handled_at", LocalDateTime.class),
                rs.getInt("version"));
    }
}
