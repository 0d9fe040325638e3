package org.canopy.scrutiny.statement;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.canopy.partnership.RecordChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/** The scrutineer's yearly statements (the report's reflections): an opening, positives and work still needed. */
@Service
class Statements {

    /** One point of a statement, with the evidence or challenge behind it where recorded. */
    record Point(long id, String kind, String text, String evidence, Long challengeId) {
    }

    /** A year's statement with its points in order. */
    record Statement(long id, String year, String author, String opening, List<Point> positives, List<Point> workNeeded) {
    }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Statements(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Every statement of the partnership, newest year first. */
    List<Statement> statements(long partnershipId) {
        return jdbc.sql("select id, statement_year, author, opening from scrutiny_statement where partnership_id = ? order by statement_year desc")
                .param(partnershipId).query((rs, n) -> {
                    long id = rs.getLong("id");
                    return new Statement(id, rs.getString("statement_year"), rs.getString("author"), rs.getString("opening"),
                            points(partnershipId, id, "POSITIVE"), points(partnershipId, id, "WORK_NEEDED"));
                }).list();
    }

    private List<Point> points(long partnershipId, long statementId, String kind) {
        return jdbc.sql("""
                select id, kind, text, evidence, challenge_id from scrutiny_statement_point
                where partnership_id = ? and statement_id = ? and kind = ? order by position""")
                .params(partnershipId, statementId, kind).query(Point.class).list();
    }

    /** Stores a statement as a record states it (demo data), its points in the order given. */
    void addAsStated(long partnershipId, String actor, String year, String author, String opening, List<String> positives,
            List<String> workNeeded) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into scrutiny_statement (partnership_id, statement_year, author, opening, created_by, created_at) values (?, ?, ?, ?, ?, ?)")
                .params(partnershipId, year, author, opening, actor, LocalDateTime.now(clock)).update(keys, "id");
        long id = keys.getKey().longValue();
        int position = 0;
        for (var kind : List.of("POSITIVE", "WORK_NEEDED")) {
            for (var text : kind.equals("POSITIVE") ? positives : workNeeded) {
                jdbc.sql("insert into scrutiny_statement_point (partnership_id, statement_id, kind, position, text) values (?, ?, ?, ?, ?)")
                        .params(partnershipId, id, kind, ++position, text).update();
            }
        }
        events.publishEvent(new RecordChanged(partnershipId, actor, "scrutiny statement", String.valueOf(id), "added",
                "Recorded the scrutineer's statement for " + year, null, opening));
    }
}
