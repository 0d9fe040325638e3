package org.canopy.voice.feedback;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.RecordChanged;
import org.canopy.privacy.IdentifierGuard;
import org.canopy.web.FieldProblem;
import org.canopy.web.InvalidInput;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The feedback log: what children, young people, families and partners told the partnership, kept without identifying detail. */
@Service
public class FeedbackLog {

    private final JdbcClient jdbc;
    private final IdentifierGuard guard;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FeedbackLog(JdbcClient jdbc, IdentifierGuard guard, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.guard = guard;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Adds a message a child sent from the no-account page to the log, in their words, as the coordinator accepts it;
     * returns the new item's id. The priority, if the child chose a topic, is the one the item bears on.
     */
    @Transactional
    public long addFromPublicPage(CanopyUser coordinator, String words, AgeBand ageBand, Long priorityId, LocalDate receivedOn) {
        if (!coordinator.isAdministrator()) {
            throw new AccessDeniedException("Only the partnership coordinator adds messages from the tell us page to the log");
        }
        var problems = new ArrayList<FieldProblem>();
        String text = guard.freeText("words", "The message", words, true, 4000, problems, FieldProblem::of);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var now = LocalDateTime.now(clock);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into feedback (partnership_id, words, own_words, source, speaker, age_band, heard_on, heard_in, recorded_by, recorded_at)
                values (?, ?, true, 'PUBLIC_PAGE', 'CHILD_OR_YOUNG_PERSON', ?, ?, ?, ?, ?)""")
                .params(coordinator.partnershipId(), text, (ageBand == null ? AgeBand.NOT_GIVEN : ageBand).name(), receivedOn,
                        financialYear(receivedOn), coordinator.getUsername(), now)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        if (priorityId != null) {
            jdbc.sql("insert into feedback_priority (feedback_id, priority_id, tagged_by, tagged_at) values (?, ?, ?, ?)")
                    .params(id, priorityId, coordinator.getUsername(), now).update();
        }
        events.publishEvent(RecordChanged.by(coordinator, "feedback", id, "added", "Added a message from the tell us page to the feedback log",
                null, java.util.Map.of("source", FeedbackSource.PUBLIC_PAGE.name(), "ageBand", String.valueOf(ageBand))));
        return id;
    }

    /** The financial year (April to March) a day falls in, as "2020-21". */
    public static String financialYear(LocalDate day) {
        int start = day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1;
        return start + "-" + String.format("%02d", (start + 1) % 100);
    }
}
