package org.canopy.scrutiny.challenges;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.canopy.governance.Groups;
import org.canopy.partnership.AgencyDirectory;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.RecordChanged;
import org.canopy.partnership.Role;
import org.canopy.scrutiny.access.ScrutinyAccess;
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
 * Challenges: raised by the independent scrutineer (to any group or agency) or a young scrutineer (to their own
 * priority's group only), answered by the challenged group's writing members or the challenged agency's contributors
 * (or the administrator), then judged by the scrutineer: satisfied or not, and closed.
 */
@Service
public class Challenges {

    /** Where a challenge goes: a group or an agency of the partnership. */
    public record Target(Long groupId, Long agencyId, String name) {
    }

    private final JdbcClient jdbc;
    private final Groups groups;
    private final AgencyDirectory agencies;
    private final ScrutinyAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Challenges(JdbcClient jdbc, Groups groups, AgencyDirectory agencies, ScrutinyAccess access, ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.groups = groups;
        this.agencies = agencies;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Every challenge of the partnership, newest first: for the groups' business, not for a person's reading. */
    public List<Challenge> all(long partnershipId) {
        return jdbc.sql(SELECT + " where partnership_id = ? order by raised_at desc, id desc").param(partnershipId)
                .query(Challenge.class).list();
    }

    /**
     * Whether the person may read the challenge, wherever it is shown (its page, lists, downloads, the API, the thread): one
     * to a group is that group's records, read by those who read the group's records (a challenge to the rapid review panel
     * only by its members, the executive, the scrutineer and the administrator; a young scrutineer only their own group's);
     * one to an agency by everyone but a young scrutineer; whoever raised it reads it.
     */
    public boolean mayRead(CanopyUser user, Challenge c) {
        return mayRead(user, c, groupId -> groups.mayRead(user, groupId));
    }

    private static boolean mayRead(CanopyUser user, Challenge c, java.util.function.LongPredicate readsGroup) {
        if (c.raisedByUserId() == user.id()) {
            return true;
        }
        return c.toGroupId() != null ? readsGroup.test(c.toGroupId()) : !ScrutinyAccess.young(user);
    }

    /** The challenges the person may read ({@link #mayRead}), newest first. */
    public List<Challenge> readable(CanopyUser user) {
        var readsGroup = new java.util.HashMap<Long, Boolean>(); // one check per group, not per challenge
        return all(user.partnershipId()).stream()
                .filter(c -> mayRead(user, c, g -> readsGroup.computeIfAbsent(g, x -> groups.mayRead(user, x)))).toList();
    }

    /** One challenge the person may read; not found for one they may not (its existence is the group's records too). */
    public Challenge challenge(CanopyUser user, long id) {
        return jdbc.sql(SELECT + " where partnership_id = ? and id = ?").params(user.partnershipId(), id).query(Challenge.class)
                .optional().filter(c -> mayRead(user, c)).orElseThrow(() -> new NotFound("The challenge"));
    }

    /** Whether the person may raise a challenge at all. */
    public boolean mayRaise(CanopyUser user) {
        return user.role() == Role.INDEPENDENT_SCRUTINEER || (ScrutinyAccess.young(user) && !access.ownGroups(user).isEmpty());
    }

    /** The groups and agencies the person may challenge. */
    public List<Target> targets(CanopyUser user) {
        var targets = new ArrayList<Target>();
        if (user.role() == Role.INDEPENDENT_SCRUTINEER) {
            targets.addAll(groupTargets(user.partnershipId(), null));
            agencies.agencies(user.partnershipId()).stream().filter(a -> a.active())
                    .forEach(a -> targets.add(new Target(null, a.id(), a.name())));
        } else if (ScrutinyAccess.young(user)) {
            targets.addAll(groupTargets(user.partnershipId(), access.ownGroups(user)));
        }
        return targets;
    }

    private List<Target> groupTargets(long partnershipId, java.util.Set<Long> only) {
        return groups.all(partnershipId).stream().filter(g -> only == null || only.contains(g.id()))
                .map(g -> new Target(g.id(), null, g.name())).toList();
    }

    /** Whether the person may answer the challenge: the challenged group's writing members, the agency's contributors, the administrator. */
    public boolean mayAnswer(CanopyUser user, Challenge c) {
        if (user.isAdministrator()) {
            return true;
        }
        if (c.toGroupId() != null) {
            return groups.takesPart(user, c.toGroupId());
        }
        return user.role() == Role.AGENCY_CONTRIBUTOR && c.toAgencyId().equals(user.agencyId());
    }

    /** Whether the person may record whether the scrutineers are satisfied: the independent scrutineer, or the young scrutineer who raised it. */
    public boolean mayJudge(CanopyUser user, Challenge c) {
        return user.role() == Role.INDEPENDENT_SCRUTINEER || (ScrutinyAccess.young(user) && c.raisedByUserId() == user.id());
    }

    /**
     * Raises a challenge. {@code target} is {@code group:<id>} or {@code agency:<id>}; the response is due today or later.
     */
    @Transactional
    public Challenge raise(CanopyUser user, String target, String text, String evidence, DateInput due) {
        if (!mayRaise(user)) {
            throw new AccessDeniedException("Only the independent scrutineer or a young scrutineer raises a challenge");
        }
        var problems = new ArrayList<FieldProblem>();
        var to = targets(user).stream().filter(t -> key(t).equals(target == null ? "" : target.strip())).findFirst().orElse(null);
        if (to == null) {
            problems.add(FieldProblem.of("to", ScrutinyAccess.young(user) ? "Choose your priority's group"
                    : "Choose the group or agency of the partnership you are challenging"));
        }
        String t = access.text("text", "The challenge", text, true, 4000, problems);
        String e = access.text("evidence", "The evidence", evidence, false, 4000, problems);
        var today = today();
        LocalDate responseDue = due.read("responseDue", "The response due date", true, DateInput.Range.PLANNED, today, problems);
        if (responseDue != null && responseDue.isBefore(today)) {
            problems.add(FieldProblem.of("responseDue", "The response due date must be today or in the future"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into scrutiny_challenge (partnership_id, raised_by, raised_by_user_id, raised_by_role, to_group_id, to_agency_id,
                                                to_name, text, evidence, response_due, raised_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(user.partnershipId(), user.getUsername(), user.id(), user.role().name(), to.groupId(), to.agencyId(), to.name(),
                        t, e, responseDue, LocalDateTime.now(clock))
                .update(keys, "id");
        var added = challenge(user, keys.getKey().longValue());
        events.publishEvent(RecordChanged.by(user, "challenge", added.id(), "added", "Challenged " + to.name(), null, added));
        return added;
    }

    /** The challenged group's or agency's answer and what changed. */
    @Transactional
    public Challenge answer(CanopyUser user, long id, String response, String whatChanged, int version) {
        var current = challenge(user, id);
        if (!mayAnswer(user, current)) {
            throw new AccessDeniedException("Only the challenged group's members or agency, or the administrator, answer a challenge");
        }
        var problems = new ArrayList<FieldProblem>();
        String r = access.text("response", "The response", response, true, 4000, problems);
        String w = access.text("whatChanged", "What changed", whatChanged, false, 4000, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        int changed = jdbc.sql("""
                update scrutiny_challenge set response = ?, what_changed = ?, responded_by = ?, responded_at = ?, version = version + 1
                where id = ? and partnership_id = ? and version = ?""")
                .params(r, w, user.getUsername(), LocalDateTime.now(clock), id, user.partnershipId(), version).update();
        return changed(user, id, changed, current, "answered", "Answered the challenge to " + current.toName());
    }

    /** The scrutineer's view of the answer (satisfied or not, null for not yet), what changed, and whether it is closed. */
    @Transactional
    public Challenge judge(CanopyUser user, long id, Boolean satisfied, String whatChanged, boolean close, int version) {
        var current = challenge(user, id);
        if (!mayJudge(user, current)) {
            throw new AccessDeniedException("Only the scrutineer records whether they are satisfied");
        }
        var problems = new ArrayList<FieldProblem>();
        String w = access.text("whatChanged", "What changed", whatChanged, false, 4000, problems);
        if (satisfied != null && current.response() == null) {
            problems.add(FieldProblem.of("satisfied", "The challenge has no response yet to be satisfied with"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        int changed = jdbc.sql("""
                update scrutiny_challenge set satisfied = ?, what_changed = ?, closed = ?, version = version + 1
                where id = ? and partnership_id = ? and version = ?""")
                .params(satisfied, w, close, id, user.partnershipId(), version).update();
        return changed(user, id, changed, current, "judged", "Recorded the scrutineer's view of the challenge to " + current.toName());
    }

    private Challenge changed(CanopyUser user, long id, int changed, Challenge before, String action, String summary) {
        if (changed == 0) {
            throw new EditConflict("Someone else changed this challenge since you opened it: check it again");
        }
        var after = challenge(user, id);
        events.publishEvent(RecordChanged.by(user, "challenge", id, action, summary, before, after));
        return after;
    }

    /** A target's form value. */
    public static String key(Target t) {
        return t.groupId() != null ? "group:" + t.groupId() : "agency:" + t.agencyId();
    }

    private static final String SELECT = """
            select id, raised_by, raised_by_user_id, raised_by_role, to_group_id, to_agency_id, to_name, text, evidence, response_due,
                   response, responded_by, responded_at, satisfied, what_changed, closed, raised_at, version from scrutiny_challenge""";
}
