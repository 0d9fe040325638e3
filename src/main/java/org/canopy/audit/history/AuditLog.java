package org.canopy.audit.history;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.canopy.partnership.RecordChanged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Stores every {@link RecordChanged} with before and after as JSON, and reads the history back. */
@Component
class AuditLog {

    /** One entry in the history. */
    record Entry(long id, LocalDateTime occurredAt, String actor, String recordType, String recordId, String action,
            String summary, String before, String after) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    // A plain (not transactional-phase) listener: it runs inside the publisher's transaction.
    @EventListener
    void on(RecordChanged change) {
        jdbc.sql("""
                insert into audit_event (partnership_id, occurred_at, actor, record_type, record_id, action, summary,
                                         before_state, after_state)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(change.partnershipId(), LocalDateTime.now(clock), change.actor(), change.recordType(),
                        change.recordId(), change.action(), truncate(change.summary()), toJson(change.before()),
                        toJson(change.after()))
                .update();
    }

    List<Entry> recent(long partnershipId, int limit, int offset) {
        return jdbc.sql(SELECT + " where partnership_id = ? order by id desc limit ? offset ?")
                .params(partnershipId, limit, offset).query(AuditLog::entry).list();
    }

    long count(long partnershipId) {
        return jdbc.sql("select count(*) from audit_event where partnership_id = ?").param(partnershipId)
                .query(Long.class).single();
    }

    List<Entry> history(long partnershipId, String recordType, String recordId) {
        return jdbc.sql(SELECT + " where partnership_id = ? and record_type = ? and record_id = ? order by id desc")
                .params(partnershipId, recordType, recordId).query(AuditLog::entry).list();
    }

    private static final String SELECT = """
            select id, occurred_at, actor, record_type, record_id, action, summary, before_state, after_state
            from audit_event""";

    private String toJson(Object state) {
        return state == null ? null : json.writeValueAsString(state);
    }

    private static String truncate(String summary) {
        return summary.length() <= 500 ? summary : summary.substring(0, 499) + "…";
    }

    private static Entry entry(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Entry(rs.getLong("id"), rs.getObject("occurred_at", LocalDateTime.class), rs.getString("actor"),
                rs.getString("record_type"), rs.getString("record_id"), rs.getString("action"), rs.getString("summary"),
                rs.getString("before_state"), rs.getString("after_state"));
    }
}
