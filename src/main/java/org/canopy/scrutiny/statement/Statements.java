package org.canopy.scrutiny.statement;

import java.util.ArrayList;
import org.canopy.partnership.CanopyUser;
import org.canopy.scrutiny.access.ScrutinyAccess;
import org.canopy.web.FieldProblem;
import org.canopy.web.InvalidInput;
import org.canopy.web.NotFound;
import org.springframework.transaction.annotation.Transactional;

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
    private final ScrutinyAccess access;

    Statements(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock, ScrutinyAccess access) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.access = access;
    }

    /** Starts a year's statement (the scrutineer or the administrator): a year not yet stated, an author, an opening. */
    @Transactional
    long start(CanopyUser user, String year, String author, String opening) {
        access.requireKeeper(user, "write the scrutineer's statement");
        var problems = new ArrayList<FieldProblem>();
        String y = year == null ? "" : year.strip();
        if (!y.matches("\\d{4}-\\d{2}")) {
            problems.add(FieldProblem.of("year", "Enter the financial year, like 2021-22"));
        } else if (jdbc.sql("select count(*) from scrutiny_statement where partnership_id = ? and statement_year = ?")
                .params(user.partnershipId(), y).query(Integer.class).single() > 0) {
            problems.add(FieldProblem.of("year", "There is already a statement for " + y + ": add its points below it"));
        }
        String a = access.text("author", "The author", author, false, 400, problems);
        String o = access.text("opening", "The opening", opening, true, 2000, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into scrutiny_statement (partnership_id, statement_year, author, opening, created_by, created_at) values (?, ?, ?, ?, ?, ?)")
                .params(user.partnershipId(), y, a, o, user.getUsername(), LocalDateTime.now(clock)).update(keys, "id");
        long id = keys.getKey().longValue();
        events.publishEvent(RecordChanged.by(user, "scrutiny statement", id, "added", "Started the scrutineer's statement for " + y,
                null, o));
        return id;
    }

    /**
     * Adds a point to a statement: a positive or work still needed, with the evidence behind it (a description or a link)
     * or the challenge behind it (one of the partnership's challenges).
     */
    @Transactional
    void addPoint(CanopyUser user, long statementId, String kind, String text, String evidence, String challenge) {
        access.requireKeeper(user, "write the scrutineer's statement");
        boolean exists = jdbc.sql("select count(*) from scrutiny_statement where partnership_id = ? and id = ?")
                .params(user.partnershipId(), statementId).query(Integer.class).single() > 0;
        if (!exists) {
            throw new NotFound("The statement");
        }
        var problems = new ArrayList<FieldProblem>();
        if (!"POSITIVE".equals(kind) && !"WORK_NEEDED".equals(kind)) {
            problems.add(FieldProblem.of("kind", "Choose whether it is a positive or work still needed"));
        }
        String t = access.text("text", "The point", text, true, 2000, problems);
        String e = access.text("evidence", "The evidence", evidence, false, 1000, problems);
        Long challengeId = null;
        if (challenge != null && !challenge.isBlank()) {
            try {
                challengeId = Long.valueOf(challenge);
            } catch (NumberFormatException bad) {
                challengeId = -1L;
            }
            if (jdbc.sql("select count(*) from scrutiny_challenge where partnership_id = ? and id = ?")
                    .params(user.partnershipId(), challengeId).query(Integer.class).single() == 0) {
                problems.add(FieldProblem.of("challenge", "Choose one of the partnership's challenges"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        int position = jdbc.sql("select coalesce(max(position), 0) from scrutiny_statement_point where statement_id = ?")
                .param(statementId).query(Integer.class).single() + 1;
        jdbc.sql("""
                insert into scrutiny_statement_point (partnership_id, statement_id, kind, position, text, evidence, challenge_id)
                values (?, ?, ?, ?, ?, ?, ?)""").params(user.partnershipId(), statementId, kind, position, t, e, challengeId).update();
        events.publishEvent(RecordChanged.by(user, "scrutiny statement", statementId, "point-added",
                "Added a point to the scrutineer's statement", null, t));
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
