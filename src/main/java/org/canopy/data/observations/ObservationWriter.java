package org.canopy.data.observations;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.canopy.data.FiguresAccepted;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Stores validated observations in bulk inside the caller's transaction: a row whose indicator, area and
 * period are already held replaces that row (its version goes up), every other row is inserted.
 * <p>
 * On PostgreSQL the rows are streamed with {@code COPY} into a temporary staging table and moved across
 * with one {@code insert ... on conflict do update}: a statement per row costs a round trip and a plan
 * execution each, which is what kept the import far below {@code COPY}'s speed. H2 has neither COPY nor
 * {@code on conflict ... do update}: there the rows of an indicator and area that hold no figure yet (all of a
 * first import) are inserted with one {@code insert ... select} per 5,000 rows from H2's {@code TABLE} function
 * over column arrays, the engine's own bulk path as for {@code CSVREAD}; the rows of series already held go in
 * batches of a standard {@code MERGE}, which finds each key once instead of an update that misses and an insert.
 */
@Component
public class ObservationWriter {

    static final int H2_BATCH = 5_000;

    private static final String STAGING = "observation_staging";

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private volatile Boolean postgres;

    ObservationWriter(DataSource dataSource, JdbcTemplate jdbc, ApplicationEventPublisher events) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * Where a write's figures come from: who recorded them and when, who submitted and who accepted them
     * (null for the administrator's own imports), and the file they were imported from (null for a form).
     */
    public record Provenance(String recordedBy, LocalDateTime recordedAt, String submittedBy, String acceptedBy,
            LocalDateTime acceptedAt, String importFile) {

        /** The administrator's own import: live at once, recorded as imported from the file. */
        public static Provenance imported(String actor, LocalDateTime now, String file) {
            return new Provenance(actor, now, null, null, null, file);
        }
    }

    /**
     * Inserts or replaces {@code rows}, with their provenance; must run in a transaction. A replaced figure's
     * earlier value is kept in {@code observation_revision}. Each row is what the import's validation produces:
     * indicator id (Long), area id (Long), period label, period start (LocalDate), value (BigDecimal), narrative
     * (String or null) and, optionally, the contributor's explanation of a warning (String or null).
     * Publishes {@link FiguresAccepted} in the same transaction, whichever path the figures came by.
     */
    public void write(Provenance provenance, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            if (isPostgres(connection)) {
                copyThroughStaging(connection.unwrap(PGConnection.class), provenance, rows);
            } else {
                writeH2(connection, provenance, rows);
            }
        } catch (SQLException e) {
            DataAccessException translated = jdbc.getExceptionTranslator().translate("storing observations", null, e);
            throw translated != null ? translated : new UncategorizedSQLException("storing observations", null, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        announce(provenance, rows);
    }

    private void announce(Provenance provenance, List<Object[]> rows) {
        record Held(long partnershipId, String code) { }
        var indicatorIds = new TreeSet<Long>();
        for (Object[] row : rows) {
            indicatorIds.add((Long) row[0]);
        }
        var held = new java.util.HashMap<Long, Held>();
        new NamedParameterJdbcTemplate(jdbc).query("select id, partnership_id, code from indicator where id in (:ids)",
                Map.of("ids", indicatorIds), rs -> {
                    held.put(rs.getLong(1), new Held(rs.getLong(2), rs.getString(3)));
                });
        String by = provenance.acceptedBy() != null ? provenance.acceptedBy() : provenance.recordedBy();
        // Per partnership, in id order: its indicators' codes (distinct, sorted) and how many figures; counted, not
        // collected, so that announcing a large import holds no list of its rows.
        record Tally(TreeSet<String> codes, int[] figures) { }
        var tallies = new java.util.TreeMap<Long, Tally>();
        for (Object[] row : rows) {
            var indicator = held.get((Long) row[0]);
            var tally = tallies.computeIfAbsent(indicator.partnershipId(), k -> new Tally(new TreeSet<>(), new int[1]));
            tally.codes().add(indicator.code());
            tally.figures()[0]++;
        }
        tallies.forEach((partnershipId, tally) -> events.publishEvent(new FiguresAccepted(partnershipId,
                List.copyOf(tally.codes()), tally.figures()[0], by)));
    }

    private boolean isPostgres(Connection connection) throws SQLException {
        if (postgres == null) {
            postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        }
        return postgres;
    }

    private void copyThroughStaging(PGConnection connection, Provenance p, List<Object[]> rows)
            throws SQLException {
        // "on commit drop" cleans up if the transaction fails; the explicit drop lets a second import in the
        // same transaction create it again.
        jdbc.execute("create temp table " + STAGING + " (indicator_id bigint not null, area_id bigint not null,"
                + " period varchar(10) not null, period_start date not null, observed_value numeric(18, 4) not null,"
                + " narrative varchar(4000), explanation varchar(2000)) on commit drop");
        try (Writer out = new BufferedWriter(new OutputStreamWriter(new PGCopyOutputStream(connection,
                "copy " + STAGING + " from stdin (format text)", 1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
            for (Object[] row : rows) {
                out.write(row[0].toString());
                out.write('\t');
                out.write(row[1].toString());
                out.write('\t');
                writeText(out, (String) row[2]);
                out.write('\t');
                out.write(row[3].toString());
                out.write('\t');
                out.write(((BigDecimal) row[4]).toPlainString());
                out.write('\t');
                writeNullable(out, (String) row[5]);
                out.write('\t');
                writeNullable(out, explanation(row));
                out.write('\n');
            }
        } catch (IOException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new UncheckedIOException("Streaming observations to PostgreSQL failed", e);
        }
        var at = Timestamp.valueOf(p.recordedAt());
        jdbc.update(REVISIONS + " join " + STAGING + " s on o.indicator_id = s.indicator_id and o.area_id = s.area_id"
                + " and o.period = s.period", p.recordedBy(), at);
        jdbc.update("""
                insert into observation (indicator_id, area_id, period, period_start, observed_value, narrative, explanation,
                                         recorded_by, recorded_at, submitted_by, accepted_by, accepted_at, import_file)
                select indicator_id, area_id, period, period_start, observed_value, narrative, explanation, ?, ?, ?, ?, ?, ?
                from """ + " " + STAGING + """
                 on conflict (indicator_id, area_id, period) do update
                set observed_value = excluded.observed_value, narrative = excluded.narrative,
                    explanation = excluded.explanation, source = null, quote = null,
                    recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at,
                    submitted_by = excluded.submitted_by, accepted_by = excluded.accepted_by,
                    accepted_at = excluded.accepted_at, import_file = excluded.import_file,
                    version = observation.version + 1""", p.recordedBy(), at, p.submittedBy(), p.acceptedBy(),
                p.acceptedAt() == null ? null : Timestamp.valueOf(p.acceptedAt()), p.importFile());
        jdbc.execute("drop table " + STAGING);
    }

    /** Copies the figures about to be replaced into their history; the caller names which (a join or a where). */
    private static final String REVISIONS = """
            insert into observation_revision (indicator_id, area_id, period, observed_value, narrative, explanation,
                                              recorded_by, recorded_at, replaced_by, replaced_at)
            select o.indicator_id, o.area_id, o.period, o.observed_value, o.narrative, o.explanation, o.recorded_by,
                   o.recorded_at, ?, ? from observation o""";

    private static String explanation(Object[] row) {
        return row.length > 6 ? (String) row[6] : null;
    }

    private static void writeNullable(Writer out, String text) throws IOException {
        if (text == null) {
            out.write("\\N");
        } else {
            writeText(out, text);
        }
    }

    /** COPY's text format: backslash, tab, newline and carriage return are escaped; everything else is literal. */
    private static void writeText(Writer out, String text) throws IOException {
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escaped = switch (c) {
                case '\\' -> "\\\\";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                default -> null;
            };
            if (escaped != null) {
                out.write(text, from, i - from);
                out.write(escaped);
                from = i + 1;
            }
        }
        out.write(text, from, text.length() - from);
    }

    /**
     * H2: rows whose indicator and area hold no figure yet (every row of a first import, found with one index
     * probe per indicator and area, not per row) are inserted with one statement per 5,000 rows; only the others go
     * through the revision copy and a {@code MERGE}, which replace the figures held. The import's transaction holds the
     * rows it writes, and the unique constraint still refuses a figure stored by another transaction meanwhile.
     */
    private void writeH2(Connection connection, Provenance p, List<Object[]> rows) throws SQLException {
        var recordedAt = Timestamp.valueOf(p.recordedAt());
        var acceptedAt = p.acceptedAt() == null ? null : Timestamp.valueOf(p.acceptedAt());
        var held = seriesHeld(connection, rows);
        var replacing = new ArrayList<Object[]>();
        try (var insert = connection.prepareStatement(INSERT)) {
            // The provenance, the same for every row, comes first in the statement; the columns' arrays follow.
            insert.setString(1, p.recordedBy());
            insert.setTimestamp(2, recordedAt);
            insert.setString(3, p.submittedBy());
            insert.setString(4, p.acceptedBy());
            insert.setTimestamp(5, acceptedAt);
            insert.setString(6, p.importFile());
            var chunk = new ArrayList<Object[]>(H2_BATCH);
            for (Object[] r : rows) {
                if (held.contains(new SeriesKey((Long) r[0], (Long) r[1]))) {
                    replacing.add(r);
                    continue;
                }
                chunk.add(r);
                if (chunk.size() == H2_BATCH) {
                    insertChunk(insert, chunk);
                }
            }
            if (!chunk.isEmpty()) {
                insertChunk(insert, chunk);
            }
        }
        mergeInBatches(p, replacing);
    }

    /** One statement for the chunk: H2 reads the columns as arrays through its TABLE function, then clears the chunk. */
    private static void insertChunk(java.sql.PreparedStatement insert, List<Object[]> chunk) throws SQLException {
        int n = chunk.size();
        var columns = new Object[7][n];
        for (int i = 0; i < n; i++) {
            Object[] r = chunk.get(i);
            for (int c = 0; c < 6; c++) {
                columns[c][i] = r[c];
            }
            columns[6][i] = explanation(r);
        }
        for (int c = 0; c < 7; c++) {
            insert.setObject(c + 7, columns[c]);
        }
        insert.executeUpdate();
        chunk.clear();
    }

    private record SeriesKey(long indicatorId, long areaId) {
    }

    /** The indicator and area pairs among {@code rows} that hold at least one figure already. */
    private static java.util.Set<SeriesKey> seriesHeld(Connection connection, List<Object[]> rows) throws SQLException {
        var pairs = new java.util.LinkedHashSet<SeriesKey>();
        for (Object[] r : rows) {
            pairs.add(new SeriesKey((Long) r[0], (Long) r[1]));
        }
        var held = new java.util.HashSet<SeriesKey>();
        try (var probe = connection.prepareStatement(
                "select 1 from observation where indicator_id = ? and area_id = ? fetch first row only")) {
            for (var pair : pairs) {
                probe.setLong(1, pair.indicatorId());
                probe.setLong(2, pair.areaId());
                try (var rs = probe.executeQuery()) {
                    if (rs.next()) {
                        held.add(pair);
                    }
                }
            }
        }
        return held;
    }

    private static final String INSERT = """
            insert into observation (indicator_id, area_id, period, period_start, observed_value, narrative, explanation,
                                     recorded_by, recorded_at, submitted_by, accepted_by, accepted_at, import_file)
            select indicator_id, area_id, period, period_start, observed_value, narrative, explanation,
                   cast(? as varchar(60)), cast(? as timestamp), cast(? as varchar(60)), cast(? as varchar(60)),
                   cast(? as timestamp), cast(? as varchar(255))
            from table(indicator_id bigint = ?, area_id bigint = ?, period varchar(10) = ?, period_start date = ?,
                       observed_value numeric(18, 4) = ?, narrative varchar(4000) = ?, explanation varchar(2000) = ?)""";

    private void mergeInBatches(Provenance p, List<Object[]> rows) {
        var recordedAt = Timestamp.valueOf(p.recordedAt());
        var acceptedAt = p.acceptedAt() == null ? null : Timestamp.valueOf(p.acceptedAt());
        for (int from = 0; from < rows.size(); from += H2_BATCH) {
            var chunk = rows.subList(from, Math.min(rows.size(), from + H2_BATCH));
            var params = new ArrayList<Object[]>(chunk.size());
            var keys = new ArrayList<Object[]>(chunk.size());
            for (Object[] r : chunk) {
                params.add(new Object[] {r[0], r[1], r[2], r[3], r[4], r[5], explanation(r), p.recordedBy(), recordedAt,
                        p.submittedBy(), p.acceptedBy(), acceptedAt, p.importFile()});
                keys.add(new Object[] {p.recordedBy(), recordedAt, r[0], r[1], r[2]});
            }
            jdbc.batchUpdate(REVISIONS + " where o.indicator_id = ? and o.area_id = ? and o.period = ?", keys);
            jdbc.batchUpdate("""
                    merge into observation o
                    using (values (cast(? as bigint), cast(? as bigint), cast(? as varchar(10)), cast(? as date),
                                   cast(? as numeric(18, 4)), cast(? as varchar(4000)), cast(? as varchar(2000)),
                                   cast(? as varchar(60)), cast(? as timestamp), cast(? as varchar(60)), cast(? as varchar(60)),
                                   cast(? as timestamp), cast(? as varchar(255))))
                          s (indicator_id, area_id, period, period_start, observed_value, narrative, explanation, recorded_by,
                             recorded_at, submitted_by, accepted_by, accepted_at, import_file)
                    on o.indicator_id = s.indicator_id and o.area_id = s.area_id and o.period = s.period
                    when matched then update set observed_value = s.observed_value, narrative = s.narrative,
                         explanation = s.explanation, source = null, quote = null, recorded_by = s.recorded_by,
                         recorded_at = s.recorded_at, submitted_by = s.submitted_by, accepted_by = s.accepted_by,
                         accepted_at = s.accepted_at, import_file = s.import_file, version = o.version + 1
                    when not matched then insert (indicator_id, area_id, period, period_start, observed_value, narrative,
                                                  explanation, recorded_by, recorded_at, submitted_by, accepted_by,
                                                  accepted_at, import_file)
                         values (s.indicator_id, s.area_id, s.period, s.period_start, s.observed_value, s.narrative,
                                 s.explanation, s.recorded_by, s.recorded_at, s.submitted_by, s.accepted_by,
                                 s.accepted_at, s.import_file)""", params);
        }
    }
}
