package org.canopy.voice.tell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.canopy.support.CanopyDatabaseTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A message from the tell us page is deleted 90 days after it came unless it was added to the feedback log, and the
 * audit history says how many were deleted, never what they said.
 */
@CanopyDatabaseTest
class MessageRetentionTest {

    static final String WORDS = "Words only the child and the coordinator should ever read";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MessageRetention retention;

    @AfterEach
    void cleanUp() {
        jdbc.sql("delete from public_message where reference like 'KEEP%'").update();
        jdbc.sql("delete from audit_event where record_type = 'public message' and actor = 'retention'").update();
    }

    @Test
    void deletesOldMessagesNotInTheFeedbackLogAndCountsThemInTheHistory() {
        long partnership = jdbc.sql("select min(id) from partnership").query(Long.class).single();
        LocalDateTime now = LocalDateTime.now();
        message(partnership, "KEEP1", now.minusDays(91), "NEW");
        message(partnership, "KEEP2", now.minusDays(200), "CLOSED");
        message(partnership, "KEEP3", now.minusDays(200), "ADDED_TO_LOG");
        message(partnership, "KEEP4", now.minusDays(10), "NEW");

        assertThat(retention.clear(partnership)).isEqualTo(2);

        assertThat(jdbc.sql("select reference from public_message where reference like 'KEEP%' order by reference")
                .query(String.class).list()).containsExactly("KEEP3", "KEEP4");
        var history = jdbc.sql("select summary || ' ' || coalesce(after_state, '') from audit_event"
                + " where record_type = 'public message' and actor = 'retention' and action = 'deleted' and partnership_id = ?")
                .param(partnership).query(String.class).list();
        assertThat(history).singleElement().asString().contains("Deleted 2 messages").contains("\"deleted\":2")
                .doesNotContain(WORDS).doesNotContain("KEEP");

        // A second run, or a second node running at once, finds nothing more and records nothing.
        assertThat(retention.clear(partnership)).isZero();
        assertThat(jdbc.sql("select count(*) from audit_event where actor = 'retention' and partnership_id = ?").param(partnership)
                .query(Long.class).single()).isEqualTo(1);
    }

    private void message(long partnership, String reference, LocalDateTime received, String status) {
        jdbc.sql("insert into public_message (partnership_id, reference, words, received_at, status) values (?, ?, ?, ?, ?)")
                .params(partnership, reference, WORDS, received, status).update();
    }
}
