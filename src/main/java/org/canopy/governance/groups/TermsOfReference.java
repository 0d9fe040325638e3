package org.canopy.governance.groups;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.RecordChanged;
import org.canopy.privacy.IdentifierGuard;
import org.canopy.web.DateInput;
import org.canopy.web.DateInput.Range;
import org.canopy.web.EditConflict;
import org.canopy.web.FieldProblem;
import org.canopy.web.InvalidInput;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A group's terms of reference, versioned: each save adds a version and the latest is in force. */
@Service
public class TermsOfReference {

    /** One version of a group's terms of reference. */
    public record Terms(long groupId, int number, String purpose, String chairNote, String viceChairNote, Integer quorumMembers,
            Set<Long> quorumAgencyIds, Set<Long> memberAgencyIds, String meetingFrequency, Long reportsTo, LocalDate reviewOn,
            LocalDate agreedOn, String recordedBy, LocalDateTime recordedAt) {
    }

    private final JdbcClient jdbc;
    private final GroupRegistry groups;
    private final IdentifierGuard guard;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TermsOfReference(JdbcClient jdbc, GroupRegistry groups, IdentifierGuard guard, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.groups = groups;
        this.guard = guard;
        this.events = events;
        this.clock = clock;
    }

    /** The terms in force (the latest version), if the group has any. */
    public Optional<Terms> current(long partnershipId, long groupId) {
        return versions(partnershipId, groupId).stream().findFirst();
    }

    /** Every version of the group's terms, newest first. */
    public List<Terms> versions(long partnershipId, long groupId) {
        return jdbc.sql("""
                select group_id, version_number, purpose, chair_note, vice_chair_note, quorum_members, quorum_agencies, member_agencies,
                       meeting_frequency, reports_to, review_on, agreed_on, recorded_by, recorded_at
                from terms_of_reference where partnership_id = ? and group_id = ? order by version_number desc""")
                .params(partnershipId, groupId)
                .query((rs, n) -> new Terms(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        (Integer) rs.getObject(6, Integer.class), GroupTerms.agencyIds(rs.getString(7)), GroupTerms.agencyIds(rs.getString(8)),
                        rs.getString(9), (Long) rs.getObject(10, Long.class), rs.getObject(11, LocalDate.class),
                        rs.getObject(12, LocalDate.class), rs.getString(13), rs.getObject(14, LocalDateTime.class)))
                .list();
    }

    /**
     * Saves a new version from the form, by the administrator or the group's chair or vice-chair. {@code basedOn} is the
     * version the person read (0 for none): a version saved since is a conflict, never overwritten.
     */
    @Transactional
    public Terms save(CanopyUser user, long groupId, Map<String, String> form, Set<Long> memberAgencies, Set<Long> quorumAgencies,
            Set<Long> knownAgencies, int basedOn) {
        var group = groups.find(user.partnershipId(), groupId).orElseThrow();
        if (!groups.runs(user, groupId)) {
            throw new AccessDeniedException("Only the administrator and the group's chair or vice-chair change its terms of reference");
        }
        var problems = new ArrayList<FieldProblem>();
        String purpose = text("purpose", "The purpose", form.get("purpose"), true, 4000, problems);
        String chair = text("chairNote", "The chair", form.get("chairNote"), false, 400, problems);
        String vice = text("viceChairNote", "The vice-chair", form.get("viceChairNote"), false, 400, problems);
        String frequency = text("meetingFrequency", "The meeting frequency", form.get("meetingFrequency"), false, 200, problems);
        Integer quorum = null;
        String quorumText = form.get("quorumMembers") == null ? "" : form.get("quorumMembers").strip();
        if (!quorumText.isEmpty()) {
            try {
                quorum = Integer.valueOf(quorumText);
                if (quorum < 1 || quorum > 500) {
                    problems.add(FieldProblem.of("quorumMembers", "The quorum must be a whole number from 1 to 500"));
                }
            } catch (NumberFormatException e) {
                problems.add(FieldProblem.of("quorumMembers", "The quorum must be a whole number, like 4"));
            }
        }
        Long reportsTo = null;
        String reports = form.get("reportsTo");
        if (reports != null && !reports.isBlank()) {
            try {
                reportsTo = Long.valueOf(reports);
            } catch (NumberFormatException e) {
                reportsTo = -1L;
            }
            if (reportsTo == groupId || groups.find(user.partnershipId(), reportsTo).isEmpty()) {
                problems.add(FieldProblem.of("reportsTo", "Choose another of the partnership's groups it reports to"));
            }
        }
        if (!knownAgencies.containsAll(memberAgencies) || !knownAgencies.containsAll(quorumAgencies)) {
            problems.add(FieldProblem.of("memberAgencies", "Choose the partnership's own agencies"));
        }
        var today = LocalDate.now(clock);
        LocalDate review = DateInput.fromForm(form::get, "reviewOn").read("reviewOn", "The review date", false, Range.PLANNED, today, problems);
        LocalDate agreed = DateInput.fromForm(form::get, "agreedOn").read("agreedOn", "The date agreed", false, Range.PAST, today, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        int latest = current(user.partnershipId(), groupId).map(Terms::number).orElse(0);
        if (latest != basedOn) {
            throw new EditConflict("Someone else changed these terms of reference since you opened them: check them again");
        }
        try {
            jdbc.sql("""
                    insert into terms_of_reference (partnership_id, group_id, version_number, purpose, chair_note, vice_chair_note,
                        quorum_members, quorum_agencies, member_agencies, meeting_frequency, reports_to, review_on, agreed_on,
                        recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(user.partnershipId(), groupId, latest + 1, purpose, chair, vice, quorum, stored(quorumAgencies),
                            stored(memberAgencies), frequency, reportsTo, review, agreed, user.getUsername(), LocalDateTime.now(clock))
                    .update();
        } catch (DuplicateKeyException raced) {
            throw new EditConflict("Someone else changed these terms of reference since you opened them: check them again");
        }
        var before = latest == 0 ? null : versions(user.partnershipId(), groupId).get(1);
        var saved = current(user.partnershipId(), groupId).orElseThrow();
        events.publishEvent(RecordChanged.by(user, "terms-of-reference", groupId, "version-added",
                "Terms of reference of " + group.name() + ": version " + saved.number(), before, saved));
        return saved;
    }

    /** The demo's terms: only what the report says of a group (the loader checks nothing, its text is the seed's). */
    void loadDemo(long partnershipId, long groupId, String purpose, String chairNote, Set<Long> memberAgencies) {
        jdbc.sql("""
                insert into terms_of_reference (partnership_id, group_id, version_number, purpose, chair_note, member_agencies,
                    recorded_by, recorded_at) values (?, ?, 1, ?, ?, ?, 'demo', ?)""")
                .params(partnershipId, groupId, purpose, chairNote, stored(memberAgencies), LocalDateTime.now(clock)).update();
    }

    private String text(String field, String label, String value, boolean required, int max, List<FieldProblem> problems) {
        return guard.freeText(field, label, value, required, max, problems, FieldProblem::of);
    }

    private static String stored(Set<Long> ids) {
        return ids.isEmpty() ? null : ids.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
    }
}
