package org.canopy.voice.feedback;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.canopy.governance.GroupType;
import org.canopy.governance.Groups;
import org.canopy.governance.MemberRole;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.RecordChanged;
import org.canopy.partnership.Role;
import org.canopy.privacy.IdentifierGuard;
import org.canopy.web.DateInput;
import org.canopy.web.EditConflict;
import org.canopy.web.FieldProblem;
import org.canopy.web.InvalidInput;
import org.canopy.web.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "You said, we did": what was done about an item or a theme, by whom, when, with evidence, whether the children who
 * raised it were told, and plain words for the public page. Recorded by the coordinator and the chairs of priority groups.
 */
@Service
class Responses {

    /** A response to one item ({@code feedbackId}) or one theme ({@code themeId}), with the words of what it answers. */
    record Response(long id, Long feedbackId, Long themeId, String answers, String done, String doneBy, LocalDate doneOn, String evidence,
            String evidenceUrl, boolean childrenTold, String childrenToldHow, boolean published, String plainWords, String recordedBy,
            LocalDateTime recordedAt, int version) {

        /** The page of what it answers. */
        public String href() {
            return feedbackId != null ? "/voice/feedback/" + feedbackId : "/voice/themes/" + themeId;
        }

        /** What the public page says was done: the plain words, or what was done when none were written. */
        public String publicWords() {
            return plainWords != null ? plainWords : done;
        }
    }

    private static final String COLUMNS = """
            select r.id, r.feedback_id, r.theme_id, coalesce(f.words, t.name) as answers, r.done, r.done_by, r.done_on, r.evidence,
                   r.evidence_url, r.children_told, r.children_told_how, r.published, r.plain_words, r.recorded_by, r.recorded_at, r.version
            from feedback_response r left join feedback f on f.id = r.feedback_id left join feedback_theme t on t.id = r.theme_id""";

    private final JdbcClient jdbc;
    private final IdentifierGuard guard;
    private final Groups groups;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Responses(JdbcClient jdbc, IdentifierGuard guard, Groups groups, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.guard = guard;
        this.groups = groups;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Whether the person may record "you said, we did": the coordinator, or a group chair who chairs (or vice-chairs) a
     * priority group of the partnership.
     */
    boolean mayRespond(CanopyUser user) {
        if (user.isAdministrator()) {
            return true;
        }
        if (user.role() != Role.GROUP_CHAIR) {
            return false;
        }
        return groups.all(user.partnershipId()).stream().filter(g -> g.type() == GroupType.PRIORITY_GROUP)
                .anyMatch(g -> groups.roleIn(g.id(), user.id()).map(r -> r == MemberRole.CHAIR || r == MemberRole.VICE_CHAIR).orElse(false));
    }

    List<Response> all(long partnershipId) {
        return jdbc.sql(COLUMNS + " where r.partnership_id = ? order by r.id desc").param(partnershipId).query(Responses::response).list();
    }

    List<Response> published(long partnershipId) {
        return jdbc.sql(COLUMNS + " where r.partnership_id = ? and r.published = true order by coalesce(r.done_on, r.recorded_at) desc, r.id desc")
                .param(partnershipId).query(Responses::response).list();
    }

    List<Response> onItem(long partnershipId, long feedbackId) {
        return jdbc.sql(COLUMNS + " where r.partnership_id = ? and r.feedback_id = ? order by r.id").params(partnershipId, feedbackId)
                .query(Responses::response).list();
    }

    List<Response> onTheme(long partnershipId, long themeId) {
        return jdbc.sql(COLUMNS + " where r.partnership_id = ? and r.theme_id = ? order by r.id").params(partnershipId, themeId)
                .query(Responses::response).list();
    }

    /** Records a response to an item or a theme the caller has found in the person's partnership. */
    @Transactional
    Response add(CanopyUser user, Long feedbackId, Long themeId, Map<String, String> form) {
        if (!mayRespond(user)) {
            throw new AccessDeniedException("Only the coordinator and the chairs of priority groups record what was done");
        }
        var problems = new ArrayList<FieldProblem>();
        String done = guard.freeText("done", "What was done", form.get("done"), true, 4000, problems, FieldProblem::of);
        String doneBy = guard.freeText("doneBy", "Who did it", form.get("doneBy"), true, 300, problems, FieldProblem::of);
        LocalDate doneOn = DateInput.fromForm(form::get, "doneOn").read("doneOn", "The day it was done", false, DateInput.Range.PAST,
                LocalDate.now(clock), problems);
        String evidence = guard.freeText("evidence", "The evidence", form.get("evidence"), false, 2000, problems, FieldProblem::of);
        String url = guard.freeText("evidenceUrl", "The link to the evidence", form.get("evidenceUrl"), false, 500, problems, FieldProblem::of);
        if (url != null && !url.matches("https?://\\S+")) {
            problems.add(FieldProblem.of("evidenceUrl", "Enter the link as a web address starting https://"));
        }
        String told = form.getOrDefault("childrenTold", "");
        if (!told.equals("true") && !told.equals("false")) {
            problems.add(FieldProblem.of("childrenTold", "Choose whether the children who raised it were told"));
        }
        String toldHow = guard.freeText("childrenToldHow", "How they were told", form.get("childrenToldHow"), false, 1000, problems,
                FieldProblem::of);
        if (told.equals("true") && toldHow == null) {
            problems.add(FieldProblem.of("childrenToldHow", "Enter how the children were told"));
        }
        String plain = guard.freeText("plainWords", "The plain words for the public", form.get("plainWords"), false, 2000, problems,
                FieldProblem::of);
        boolean published = "true".equals(form.get("published"));
        if (published && plain == null) {
            problems.add(FieldProblem.of("plainWords", "Enter the plain words for children and families before publishing"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into feedback_response (partnership_id, feedback_id, theme_id, done, done_by, done_on, evidence, evidence_url,
                    children_told, children_told_how, published, plain_words, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(user.partnershipId(), feedbackId, themeId, done, doneBy, doneOn, evidence, url, told.equals("true"), toldHow, published,
                        plain, user.getUsername(), LocalDateTime.now(clock))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        var added = jdbc.sql(COLUMNS + " where r.id = ?").param(id).query(Responses::response).single();
        events.publishEvent(RecordChanged.by(user, "feedback response", id, "added", "Recorded what was done (you said, we did)", null, added));
        return added;
    }

    /** Publishes a response on the public page, or takes it off, at the version the person read; publishing needs plain words. */
    @Transactional
    Response publish(CanopyUser user, long id, boolean published, int version) {
        if (!mayRespond(user)) {
            throw new AccessDeniedException("Only the coordinator and the chairs of priority groups publish what was done");
        }
        var before = jdbc.sql(COLUMNS + " where r.partnership_id = ? and r.id = ?").params(user.partnershipId(), id).query(Responses::response)
                .optional().orElseThrow(() -> new NotFound("The response"));
        if (published && before.plainWords() == null) {
            throw new InvalidInput(List.of(FieldProblem.of("published", "Record plain words for children and families before publishing")));
        }
        int changed = jdbc.sql("update feedback_response set published = ?, version = version + 1 where id = ? and partnership_id = ? and version = ?")
                .params(published, id, user.partnershipId(), version).update();
        if (changed == 0) {
            throw new EditConflict("Someone else changed this response since you opened it: check it again");
        }
        var after = jdbc.sql(COLUMNS + " where r.id = ?").param(id).query(Responses::response).single();
        events.publishEvent(RecordChanged.by(user, "feedback response", id, published ? "published" : "unpublished",
                published ? "Published what was done on the public page" : "Took what was done off the public page", before, after));
        return after;
    }

    private static Response response(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        long f = rs.getLong("feedback_id");
        Long feedbackId = rs.wasNull() ? null : f;
        long t = rs.getLong("theme_id");
        Long themeId = rs.wasNull() ? null : t;
        return new Response(rs.getLong("id"), feedbackId, themeId, rs.getString("answers"), rs.getString("done"), rs.getString("done_by"),
                rs.getObject("done_on", LocalDate.class), rs.getString("evidence"), rs.getString("evidence_url"), rs.getBoolean("children_told"),
                rs.getString("children_told_how"), rs.getBoolean("published"), rs.getString("plain_words"), rs.getString("recorded_by"),
                rs.getObject("recorded_at", LocalDateTime.class), rs.getInt("version"));
    }
}
