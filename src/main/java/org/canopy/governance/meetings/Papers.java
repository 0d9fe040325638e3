package org.canopy.governance.meetings;

import jakarta.servlet.MultipartConfigElement;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.canopy.governance.Groups;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.RecordChanged;
import org.canopy.privacy.IdentifierGuard;
import org.canopy.web.FieldProblem;
import org.canopy.web.FormFields;
import org.canopy.web.InvalidInput;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Papers attached to a meeting or one of its agenda items, kept in the database: PDF, Word, Excel, OpenDocument text,
 * plain text and CSV only, up to the size limit; text papers are read by the identifier guard, as any free text is.
 */
@Service
class Papers {

    /** The kinds of paper taken: by the name's ending, checked against how the file starts. */
    enum PaperType {
        PDF("pdf", "application/pdf", "PDF"),
        WORD("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word document"),
        EXCEL("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel workbook"),
        ODF_TEXT("odt", "application/vnd.oasis.opendocument.text", "OpenDocument text"),
        TEXT("txt", "text/plain", "Plain text"),
        CSV("csv", "text/csv", "CSV");

        final String extension;
        final String contentType;
        final String label;

        PaperType(String extension, String contentType, String label) {
            this.extension = extension;
            this.contentType = contentType;
            this.label = label;
        }

        static Optional<PaperType> of(String name) {
            int dot = name.lastIndexOf('.');
            String ending = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
            return Arrays.stream(values()).filter(t -> t.extension.equals(ending)).findFirst();
        }

        static Optional<PaperType> byContentType(String contentType) {
            return Arrays.stream(values()).filter(t -> t.contentType.equals(contentType)).findFirst();
        }

        boolean text() {
            return this == TEXT || this == CSV;
        }

        /** Whether the bytes start as this kind of file does (a zip for the office formats), so a renamed file is refused. */
        boolean matches(byte[] bytes) {
            return switch (this) {
                case PDF -> startsWith(bytes, "%PDF-".getBytes(StandardCharsets.US_ASCII));
                case WORD, EXCEL, ODF_TEXT -> startsWith(bytes, new byte[] {'P', 'K', 3, 4});
                case TEXT, CSV -> !contains(bytes, (byte) 0);
            };
        }
    }

    /** A paper as listed: its name, type, size and the agenda item it belongs to (null: the meeting as a whole). */
    public record Paper(long id, Long agendaItemId, String name, String contentType, long sizeBytes) {

        /** The kind of file, as shown to people. */
        public String typeLabel() {
            return PaperType.byContentType(contentType).map(t -> t.label).orElse(contentType);
        }

        /** The size as GOV.UK writes sizes ("2.4MB", "12KB"). */
        public String sizeText() {
            return Papers.size(sizeBytes);
        }
    }

    /** A paper's content, for download. */
    public record PaperFile(String name, String contentType, byte[] content) {
    }

    /** The paper types taken, in words for the hint beside the file field. */
    static final String TYPES = "PDF, Word (.docx), Excel (.xlsx), OpenDocument text (.odt), plain text (.txt) or CSV";

    private final JdbcClient jdbc;
    private final Groups groups;
    private final IdentifierGuard guard;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final long maxBytes;

    Papers(JdbcClient jdbc, Groups groups, IdentifierGuard guard, ApplicationEventPublisher events, Clock clock,
            MeetingSettings settings, ObjectProvider<MultipartConfigElement> multipart) {
        this.jdbc = jdbc;
        this.groups = groups;
        this.guard = guard;
        this.events = events;
        this.clock = clock;
        long limit = settings.paperMaxMegabytes() * 1024L * 1024L;
        var server = multipart.getIfAvailable();
        if (server != null && server.getMaxFileSize() > 0) {
            limit = Math.min(limit, server.getMaxFileSize());
        }
        this.maxBytes = limit;
    }

    /** The largest paper taken, in bytes. */
    long maxBytes() {
        return maxBytes;
    }

    /** The limit in words, for the hint. */
    String limitText() {
        return size(maxBytes);
    }

    List<Paper> of(long partnershipId, long meetingId) {
        return jdbc.sql("""
                select id, agenda_item_id, name, content_type, size_bytes from meeting_paper
                where partnership_id = ? and meeting_id = ? order by id""").params(partnershipId, meetingId).query(Paper.class).list();
    }

    Optional<PaperFile> file(long partnershipId, long meetingId, long paperId) {
        return jdbc.sql("select name, content_type, content from meeting_paper where partnership_id = ? and meeting_id = ? and id = ?")
                .params(partnershipId, meetingId, paperId)
                .query((rs, n) -> new PaperFile(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
    }

    /**
     * Attaches a paper to the meeting (or to one of its stored items) for a member of the group: refused whole, with
     * nothing kept, when it is empty, too large, of a type not taken, or text holding what looks like an identifier.
     */
    @Transactional
    Paper attach(CanopyUser user, Meetings.Meeting meeting, List<Long> itemIds, String itemId, String filename, byte[] bytes) {
        if (!groups.takesPart(user, meeting.groupId())) {
            throw new AccessDeniedException("Only the group's members attach papers to its meetings");
        }
        var problems = new ArrayList<FieldProblem>();
        String name = filename == null ? "" : filename.replaceAll("^.*[\\\\/]", "").strip();
        if (bytes == null || bytes.length == 0 || name.isEmpty()) {
            throw new InvalidInput("file", "Choose a paper to attach");
        }
        if (name.length() > 200) {
            problems.add(FieldProblem.of("file", "The paper's name must be 200 characters or fewer"));
        }
        problems.addAll(guard.problems("file", "The paper's name", name, FieldProblem::of));
        Long item = null;
        if (itemId != null && !itemId.isBlank()) {
            long i = FormFields.id(itemId);
            if (!itemIds.contains(i)) {
                problems.add(FieldProblem.of("item", "Select an item of this meeting's agenda, or the meeting as a whole"));
            } else {
                item = i;
            }
        }
        var type = PaperType.of(name);
        if (bytes.length > maxBytes) {
            problems.add(FieldProblem.of("file", "The paper must be " + limitText() + " or smaller"));
        } else if (type.isEmpty() || !type.get().matches(bytes)) {
            problems.add(FieldProblem.of("file", "The paper must be a " + TYPES + " file"));
        } else if (type.get().text()) {
            try {
                String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
                problems.addAll(guard.problems("file", "The paper", text, FieldProblem::of));
            } catch (CharacterCodingException e) {
                problems.add(FieldProblem.of("file", "A text paper must be saved as UTF-8 text"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into meeting_paper (partnership_id, meeting_id, agenda_item_id, name, content_type, size_bytes, content,
                                           uploaded_by, uploaded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(user.partnershipId(), meeting.id(), item, name, type.get().contentType, bytes.length, bytes,
                        user.getUsername(), LocalDateTime.now(clock))
                .update(keys, "id");
        var paper = new Paper(keys.getKey().longValue(), item, name, type.get().contentType, bytes.length);
        events.publishEvent(RecordChanged.by(user, "meeting", meeting.id(), "paper-attached", "Attached the paper " + name, null, paper));
        return paper;
    }

    static String size(long bytes) {
        if (bytes >= 1024 * 1024) {
            double mb = bytes / (1024.0 * 1024.0);
            return (mb == Math.rint(mb) ? String.valueOf((long) mb) : String.format(Locale.UK, "%.1f", mb)) + "MB";
        }
        return bytes >= 1024 ? Math.round(bytes / 1024.0) + "KB" : bytes + " bytes";
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(Arrays.copyOf(bytes, prefix.length), prefix);
    }

    private static boolean contains(byte[] bytes, byte b) {
        for (byte x : bytes) {
            if (x == b) {
                return true;
            }
        }
        return false;
    }
}
