package org.canopy.learning.audits;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.canopy.learning.access.LearningRules;
import org.canopy.learning.deadlines.Deadline;
import org.canopy.learning.deadlines.DeadlineSource;
import org.canopy.learning.sources.Source;
import org.canopy.learning.sources.SourceKind;
import org.canopy.partnership.AgencyDirectory;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.RecordChanged;
import org.canopy.web.DateInput;
import org.canopy.web.DateInput.Range;
import org.canopy.web.EditConflict;
import org.canopy.web.FieldProblem;
import org.canopy.web.InvalidInput;
import org.canopy.web.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Audits: single-agency audits reviewed at the Quality Assurance and Performance Group, and multi-agency
 * audit workshops whose actions join the one action plan and whose follow-up learning session falls six
 * months after the workshop (derived, so it moves when the workshop date moves).
 */
@Service
public class Audits implements DeadlineSource {

    enum Kind {
        SINGLE_AGENCY("Single-agency audit"), MULTI_AGENCY("Multi-agency audit");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Audit(long id, Kind kind, String title, Long agencyId, String agencyName, LocalDate reviewedOn, LocalDate workshopOn,
            Integer caseCount, String theme, String findings, LocalDate followUpHeldOn, int version) {

        /** Six months after the workshop; none until the workshop date is known. */
        public LocalDate followUpDue() {
            return kind == Kind.MULTI_AGENCY && workshopOn != null ? workshopOn.plusMonths(FOLLOW_UP_MONTHS) : null;
        }

        /** The audit as a source of recommendations and briefings. */
        public Source source() {
            return new Source(SourceKind.AUDIT, id, title);
        }
    }

    static final int FOLLOW_UP_MONTHS = 6;

    private final JdbcClient jdbc;
    private final LearningRules rules;
    private final AgencyDirectory agencies;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Audits(JdbcClient jdbc, LearningRules rules, AgencyDirectory agencies, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.agencies = agencies;
        this.events = events;
        this.clock = clock;
    }

    public List<Audit> audits(long partnershipId) {
        return jdbc.sql(SELECT + " where partnership_id = ? order by kind, title").param(partnershipId).query(Audit.class).list();
    }

    Audit audit(long partnershipId, long id) {
        return jdbc.sql(SELECT + " where partnership_id = ? and id = ?").params(partnershipId, id).query(Audit.class).optional()
                .orElseThrow(() -> new NotFound("The audit"));
    }

    /** Records an audit from the form's fields (see {@link #checked}). */
    @Transactional
    Audit add(CanopyUser user, Map<String, String> form) {
        rules.requireEditor(user, "record audits");
        var a = checked(user, form);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into learning_audit (partnership_id, kind, title, agency_id, agency_name, reviewed_on, workshop_on, case_count,
                                            theme, findings, follow_up_held_on, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(user.partnershipId(), a.kind().name(), a.title(), a.agencyId(), a.agencyName(), a.reviewedOn(), a.workshopOn(),
                        a.caseCount(), a.theme(), a.findings(), a.followUpHeldOn(), user.getUsername(), LocalDateTime.now(clock))
                .update(keys, "id");
        var added = audit(user.partnershipId(), keys.getKey().longValue());
        events.publishEvent(RecordChanged.by(user, "audit", added.id(), "added", "Recorded the " + a.kind().label().toLowerCase()
                + " " + a.title(), null, added));
        return added;
    }

    /** Changes an audit; a moved workshop date moves its follow-up session with it. */
    @Transactional
    Audit edit(CanopyUser user, long id, Map<String, String> form, int version) {
        rules.requireEditor(user, "record audits");
        var current = audit(user.partnershipId(), id);
        var a = checked(user, form);
        int changed = jdbc.sql("""
                update learning_audit set kind = ?, title = ?, agency_id = ?, agency_name = ?, reviewed_on = ?, workshop_on = ?,
                       case_count = ?, theme = ?, findings = ?, follow_up_held_on = ?, version = version + 1
                where id = ? and partnership_id = ? and version = ?""")
                .params(a.kind().name(), a.title(), a.agencyId(), a.agencyName(), a.reviewedOn(), a.workshopOn(), a.caseCount(),
                        a.theme(), a.findings(), a.followUpHeldOn(), id, user.partnershipId(), version).update();
        if (changed == 0) {
            throw new EditConflict("Someone else changed this audit since you opened it: check it again");
        }
        var after = audit(user.partnershipId(), id);
        events.publishEvent(RecordChanged.by(user, "audit", id, "edited", "Edited the audit " + a.title(), current, after));
        return after;
    }

    /** A multi-agency audit the report describes, without the dates and counts it does not give (demo data). */
    public long addDemo(long partnershipId, String actor, String title, String theme, String findings) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into learning_audit (partnership_id, kind, title, theme, findings, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(partnershipId, Kind.MULTI_AGENCY.name(), title, theme, findings, actor, LocalDateTime.now(clock))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        events.publishEvent(new RecordChanged(partnershipId, actor, "audit", String.valueOf(id), "added",
                "Recorded the multi-agency audit " + title, null, audit(partnershipId, id)));
        return id;
    }

    @Override
    public List<Deadline> deadlines(long partnershipId) {
        return audits(partnershipId).stream().filter(a -> a.followUpDue() != null)
                .map(a -> new Deadline("Follow-up learning session (six months after the audit workshop)", a.followUpDue(), a.title(),
                        "/learning/audits/" + a.id(), a.followUpHeldOn()))
                .toList();
    }

    /** The form's fields checked: kind, title, agency (single-agency), dates, number of cases, theme, findings. */
    private Audit checked(CanopyUser user, Map<String, String> form) {
        var problems = new ArrayList<FieldProblem>();
        Kind kind = null;
        try {
            kind = Kind.valueOf(form.getOrDefault("kind", ""));
        } catch (IllegalArgumentException e) {
            problems.add(FieldProblem.of("kind", "Choose single-agency or multi-agency"));
        }
        String title = rules.text("title", "The title", form.get("title"), true, 300, problems);
        Long agencyId = null;
        String agencyName = null;
        String agency = form.get("agency");
        if (agency != null && !agency.isBlank()) {
            var found = agencies.agencies(user.partnershipId()).stream().filter(x -> String.valueOf(x.id()).equals(agency.strip())).findFirst();
            if (found.isEmpty()) {
                problems.add(FieldProblem.of("agency", "Choose an agency of the partnership"));
            } else {
                agencyId = found.get().id();
                agencyName = found.get().name();
            }
        } else if (kind == Kind.SINGLE_AGENCY) {
            problems.add(FieldProblem.of("agency", "Choose the agency whose audit it is"));
        }
        var today = LocalDate.now(clock);
        LocalDate reviewed = DateInput.fromForm(form::get, "reviewedOn").read("reviewedOn", "The date reviewed", false, Range.PAST, today, problems);
        LocalDate workshop = DateInput.fromForm(form::get, "workshopOn").read("workshopOn", "The workshop date", false, Range.PLANNED, today,
                problems);
        LocalDate held = DateInput.fromForm(form::get, "followUpHeldOn").read("followUpHeldOn", "The follow-up session date", false,
                Range.PAST, today, problems);
        if (workshop != null && held != null && held.isBefore(workshop)) {
            problems.add(FieldProblem.of("followUpHeldOn", "The follow-up session date must be on or after the workshop date"));
        }
        Integer cases = null;
        String count = form.get("caseCount");
        if (count != null && !count.isBlank()) {
            try {
                cases = Integer.parseInt(count.strip());
                if (cases < 1) {
                    problems.add(FieldProblem.of("caseCount", "The number of cases must be 1 or more"));
                }
            } catch (NumberFormatException e) {
                problems.add(FieldProblem.of("caseCount", "The number of cases must be a whole number"));
            }
        }
        String theme = rules.text("theme", "The theme", form.get("theme"), false, 200, problems);
        String findings = rules.text("findings", "The findings", form.get("findings"), false, 4000, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        boolean multi = kind == Kind.MULTI_AGENCY;
        return new Audit(0, kind, title, agencyId, agencyName, multi ? null : reviewed, multi ? workshop : null, multi ? cases : null,
                theme, findings, multi ? held : null, 0);
    }

    private static final String SELECT = """
            select id, kind, title, agency_id, agency_name, reviewed_on, workshop_on, case_count, theme, findings, follow_up_held_on,
                   version from learning_audit""";
}
