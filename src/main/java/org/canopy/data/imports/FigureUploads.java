package org.canopy.data.imports;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.canopy.data.imports.ObservationImport.Checked;
import org.canopy.data.catalogue.Unit;
import org.canopy.data.observations.DataStore;
import org.canopy.data.observations.DataViews;
import org.canopy.data.observations.ObservationWriter;
import org.canopy.data.rounds.DataRounds;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.RecordChanged;
import org.canopy.privacy.IdentifierGuard;
import org.canopy.web.EditConflict;
import org.canopy.web.FieldProblem;
import org.canopy.web.InvalidInput;
import org.canopy.web.NotFound;
import org.canopy.web.StatusTag;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Uploaded files of figures. A checked file waits as a preview (the rows that are new, that replace a
 * figure, and their warnings) until its uploader stores or abandons it. The administrator's figures then go
 * live, recorded as imported from the file; an agency contributor's go to the quality assurance group as
 * the agency's submission, and reach the dashboard only when accepted. Until then they are seen only by
 * the agency's contributors, the quality assurance group and the administrator.
 */
@Service
public class FigureUploads {

    /** One row of an upload, with the figure it would replace as the figures stand now (null: a new figure). */
    record Row(int row, long indicatorId, String indicatorCode, String indicatorName, String unitSuffix, long areaId,
            String area, String period, java.time.LocalDate periodStart, BigDecimal value, String narrative, String warning,
            String explanation, BigDecimal replaces) {

        public String shown() {
            return DataViews.format(value) + unitSuffix;
        }

        public String shownReplaces() {
            return replaces == null ? "" : DataViews.format(replaces) + unitSuffix;
        }
    }

    /** Where an upload of figures stands: checked, waiting for the quality assurance group, then accepted or returned. */
    enum Status implements StatusTag {
        PREVIEW("Checked, not stored", "govuk-tag--grey"), SUBMITTED("Waiting for review", "govuk-tag--blue"),
        ACCEPTED("Accepted", "govuk-tag--green"), RETURNED("Returned", "govuk-tag--red"),
        ABANDONED("Abandoned", "govuk-tag--grey");

        private final Tag tag;

        Status(String label, String tagClass) { tag = new Tag(label, tagClass); }

        @Override public Tag tag() { return tag; }
    }

    record Upload(long id, long partnershipId, Long agencyId, Status status, String fileName, String uploadedBy,
            LocalDateTime uploadedAt, LocalDateTime submittedAt, String reviewedBy, LocalDateTime reviewedAt,
            String reviewComment, int version, List<Row> rows, int rowCount) {

        public List<Row> newRows() {
            return rows.stream().filter(r -> r.replaces() == null).toList();
        }

        public List<Row> replacing() {
            return rows.stream().filter(r -> r.replaces() != null).toList();
        }

        public List<Row> warned() {
            return rows.stream().filter(r -> r.warning() != null).toList();
        }
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final DataStore store;
    private final ObservationWriter writer;
    private final DataRounds rounds;
    private final IdentifierGuard guard;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FigureUploads(JdbcClient jdbc, JdbcTemplate batch, DataStore store, ObservationWriter writer, DataRounds rounds, IdentifierGuard guard,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.store = store;
        this.writer = writer;
        this.rounds = rounds;
        this.guard = guard;
        this.events = events;
        this.clock = clock;
    }

    /** Keeps a checked file as a preview for its uploader to store or abandon; returns its id. */
    @Transactional
    public long stage(CanopyUser user, String fileName, Checked checked) {
        return insert(user, fileName, checked, Status.PREVIEW, Map.of());
    }

    /** A contributor's figures sent through the API, explained by their narratives: straight to review. */
    @Transactional
    long submitAtOnce(CanopyUser user, String fileName, Checked checked) {
        Map<Integer, String> explanations = new HashMap<>();
        checked.rows().stream().filter(r -> r.warning() != null).forEach(r -> explanations.put(r.row(), r.narrative()));
        long id = insert(user, fileName, checked, Status.SUBMITTED, explanations);
        events.publishEvent(RecordChanged.by(user, "figure-upload", id, "submitted", "Submitted " + checked.rows().size()
                + " figures from " + fileName + " for review", null, Map.of("rows", checked.rows().size(), "file", fileName)));
        return id;
    }

    private long insert(CanopyUser user, String fileName, Checked checked, Status status, Map<Integer, String> explanations) {
        var now = LocalDateTime.now(clock);
        String name = fileName == null || fileName.isBlank() ? "an upload" : fileName.strip();
        long id = store.insert("""
                insert into figure_upload (partnership_id, agency_id, status, file_name, uploaded_by, uploaded_at, submitted_at)
                values (?, ?, ?, ?, ?, ?, ?)""", user.partnershipId(), user.agencyId(), status.name(),
                name.length() > 255 ? name.substring(0, 255) : name, user.getUsername(), now,
                status == Status.SUBMITTED ? now : null);
        var params = new ArrayList<Object[]>();
        for (var r : checked.rows()) {
            params.add(new Object[] {id, r.row(), r.indicator().id(), r.area().id(), r.period().label(), r.period().start(),
                    r.value(), r.narrative(), r.warning() == null ? null : clip(r.warning(), 1000), explanations.get(r.row())});
        }
        batch.batchUpdate("""
                insert into figure_upload_row (upload_id, row_number, indicator_id, area_id, period, period_start,
                                               observed_value, narrative, warning, explanation)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", params);
        return id;
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** Who may read an upload: its uploader, its agency's contributors, the quality assurance group and the administrator. */
    boolean mayRead(CanopyUser user, Upload upload) {
        return user.getUsername().equals(upload.uploadedBy()) || rounds.inQualityAssurance(user)
                || (upload.agencyId() != null && DataRounds.maySubmitFor(user, upload.agencyId()));
    }

    /** The upload, if the person may read it: a 404 when it is not the partnership's, a 403 when it is not theirs to see. */
    Upload upload(CanopyUser user, long id) {
        var upload = load(user.partnershipId(), id);
        if (!mayRead(user, upload)) {
            throw new AccessDeniedException("An agency's figures are seen only by its contributors, the quality assurance group"
                    + " and the administrator until they are accepted");
        }
        return upload;
    }

    /** The uploads the person may see, newest first (previews only their uploader's), with their rows counted, not read. */
    List<Upload> visibleTo(CanopyUser user) {
        return jdbc.sql(SELECT_UPLOAD.replace("from figure_upload u", """
                        , (select count(*) from figure_upload_row r where r.upload_id = u.id) from figure_upload u""")
                        + " where u.partnership_id = ? and u.status <> 'ABANDONED' order by u.uploaded_at desc, u.id desc")
                .param(user.partnershipId()).query((rs, n) -> upload(rs, List.of(), rs.getInt(13))).list().stream()
                .filter(u -> mayRead(user, u))
                .filter(u -> u.status() != Status.PREVIEW || u.uploadedBy().equals(user.getUsername()))
                .toList();
    }

    private static final String SELECT_UPLOAD = """
            select u.id, u.partnership_id, u.agency_id, u.status, u.file_name, u.uploaded_by, u.uploaded_at, u.submitted_at,
                   u.reviewed_by, u.reviewed_at, u.review_comment, u.version from figure_upload u""";

    private static Upload upload(java.sql.ResultSet rs, List<Row> rows, int rowCount) throws java.sql.SQLException {
        long agency = rs.getLong(3);
        Long agencyId = rs.wasNull() ? null : agency;
        return new Upload(rs.getLong(1), rs.getLong(2), agencyId, Status.valueOf(rs.getString(4)), rs.getString(5),
                rs.getString(6), rs.getObject(7, LocalDateTime.class), rs.getObject(8, LocalDateTime.class), rs.getString(9),
                rs.getObject(10, LocalDateTime.class), rs.getString(11), rs.getInt(12), rows, rowCount);
    }

    /** How many uploads wait for the quality assurance group. */
    public int waitingForReview(long partnershipId) {
        return jdbc.sql("select count(*) from figure_upload where partnership_id = ? and status = 'SUBMITTED'")
                .param(partnershipId).query(Integer.class).single();
    }

    private Upload load(long partnershipId, long id) {
        var rows = jdbc.sql("""
                select r.row_number, r.indicator_id, i.code, i.name, i.unit, r.area_id, a.name, r.period, r.period_start,
                       r.observed_value, r.narrative, r.warning, r.explanation, o.observed_value
                from figure_upload_row r join indicator i on i.id = r.indicator_id join data_area a on a.id = r.area_id
                left join observation o on o.indicator_id = r.indicator_id and o.area_id = r.area_id and o.period = r.period
                where r.upload_id = ? order by r.row_number""").param(id)
                .query((rs, n) -> new Row(rs.getInt(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        Unit.valueOf(rs.getString(5)).suffix(), rs.getLong(6), rs.getString(7), rs.getString(8),
                        rs.getObject(9, java.time.LocalDate.class), DataViews.plain(rs.getBigDecimal(10)), rs.getString(11),
                        rs.getString(12), rs.getString(13), DataViews.plain(rs.getBigDecimal(14))))
                .list();
        return jdbc.sql(SELECT_UPLOAD + " where u.id = ? and u.partnership_id = ?").params(id, partnershipId)
                .query((rs, n) -> upload(rs, rows, rows.size()))
                .optional().orElseThrow(() -> new NotFound("The upload"));
    }

    /**
     * The uploader stores a preview: every warned row needs an explanation (or a narrative). The administrator's
     * figures go live; a contributor's go to the quality assurance group.
     */
    @Transactional
    Upload store(CanopyUser user, long id, Map<Integer, String> explanations, int version) {
        var upload = upload(user, id);
        if (!upload.uploadedBy().equals(user.getUsername())) {
            throw new AccessDeniedException("Only the person who uploaded the file stores it");
        }
        requireStatus(upload, Status.PREVIEW, version);
        var problems = new ArrayList<FieldProblem>();
        Map<Integer, String> given = new LinkedHashMap<>();
        for (var r : upload.warned()) {
            String field = "explanation-" + r.row();
            String text = guard.freeText(field, "Row " + r.row() + "'s explanation", explanations.get(r.row()), false, 2000,
                    problems, FieldProblem::of);
            if (text == null && r.narrative() == null) {
                problems.add(FieldProblem.of(field, "Row " + r.row() + ": " + r.warning() + " Explain it, or correct the file and upload it again."));
            }
            given.put(r.row(), text != null ? text : r.narrative());
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        given.forEach((row, text) -> jdbc.sql("update figure_upload_row set explanation = ? where upload_id = ? and row_number = ?")
                .params(text, id, row).update());
        var now = LocalDateTime.now(clock);
        if (user.isAdministrator()) {
            writer.write(ObservationWriter.Provenance.imported(user.getUsername(), now, upload.fileName()), stored(upload, given));
            setStatus(id, Status.ACCEPTED, user.getUsername(), now, null, version);
            events.publishEvent(RecordChanged.by(user, "figure-upload", id, "imported", "Imported " + upload.rows().size()
                    + " figures from " + upload.fileName(), null, Map.of("rows", upload.rows().size(), "file", upload.fileName())));
        } else {
            jdbc.sql("update figure_upload set status = 'SUBMITTED', submitted_at = ?, version = version + 1 where id = ? and version = ?")
                    .params(now, id, version).update();
            events.publishEvent(RecordChanged.by(user, "figure-upload", id, "submitted", "Submitted " + upload.rows().size()
                    + " figures from " + upload.fileName() + " for review", null,
                    Map.of("rows", upload.rows().size(), "file", upload.fileName())));
        }
        return load(user.partnershipId(), id);
    }

    /** The uploader (or the administrator) abandons a preview: nothing is stored. */
    @Transactional
    void abandon(CanopyUser user, long id, int version) {
        var upload = upload(user, id);
        if (!upload.uploadedBy().equals(user.getUsername()) && !user.isAdministrator()) {
            throw new AccessDeniedException("Only the person who uploaded the file abandons it");
        }
        requireStatus(upload, Status.PREVIEW, version);
        setStatus(id, Status.ABANDONED, user.getUsername(), LocalDateTime.now(clock), null, version);
        events.publishEvent(RecordChanged.by(user, "figure-upload", id, "abandoned", "Abandoned the upload of " + upload.fileName(),
                null, Map.of("file", upload.fileName())));
    }

    /** The quality assurance group's decision: accepted figures go live with their provenance; returned ones carry a comment. */
    @Transactional
    Upload review(CanopyUser reviewer, long id, boolean accept, String comment, int version) {
        if (!rounds.isReviewer(reviewer)) {
            throw new AccessDeniedException("Only the quality assurance group's chairs and the administrator review submitted figures");
        }
        var upload = upload(reviewer, id);
        requireStatus(upload, Status.SUBMITTED, version);
        var problems = new ArrayList<FieldProblem>();
        String text = guard.freeText("comment", "The comment", comment, false, 2000, problems, FieldProblem::of);
        if (!accept && text == null) {
            problems.add(FieldProblem.of("comment", "Say what needs to change before the figures can be accepted"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var now = LocalDateTime.now(clock);
        if (accept) {
            Map<Integer, String> explanations = new HashMap<>();
            upload.rows().forEach(r -> explanations.put(r.row(), r.explanation()));
            writer.write(new ObservationWriter.Provenance(reviewer.getUsername(), now, upload.uploadedBy(), reviewer.getUsername(),
                    now, upload.fileName()), stored(upload, explanations));
        }
        setStatus(id, accept ? Status.ACCEPTED : Status.RETURNED, reviewer.getUsername(), now, text, version);
        var reviewed = load(reviewer.partnershipId(), id);
        events.publishEvent(RecordChanged.by(reviewer, "figure-upload", id, accept ? "accepted" : "returned",
                (accept ? "Accepted " : "Returned ") + upload.rows().size() + " figures from " + upload.fileName(),
                Map.of("status", upload.status().name()), Map.of("status", reviewed.status().name(),
                        "comment", text == null ? "" : text)));
        return reviewed;
    }

    private static List<Object[]> stored(Upload upload, Map<Integer, String> explanations) {
        var rows = new ArrayList<Object[]>();
        for (var r : upload.rows()) {
            rows.add(new Object[] {r.indicatorId(), r.areaId(), r.period(), r.periodStart(), r.value(), r.narrative(),
                    explanations.get(r.row())});
        }
        return rows;
    }

    private static void requireStatus(Upload upload, Status expected, int version) {
        if (upload.status() != expected) {
            throw new InvalidInput("decision", "This upload is " + upload.status().label().toLowerCase() + ": it can no longer be changed");
        }
        if (upload.version() != version) {
            throw new EditConflict("The upload changed since you opened it: check it again");
        }
    }

    private void setStatus(long id, Status status, String by, LocalDateTime at, String comment, int version) {
        int changed = jdbc.sql("""
                update figure_upload set status = ?, reviewed_by = ?, reviewed_at = ?, review_comment = ?, version = version + 1
                where id = ? and version = ?""").params(status.name(), by, at, comment, id, version).update();
        if (changed == 0) {
            throw new EditConflict("The upload changed at the same moment: check it again");
        }
    }
}
