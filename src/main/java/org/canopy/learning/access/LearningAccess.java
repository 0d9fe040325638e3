package org.canopy.learning.access;

import org.canopy.governance.GroupFunction;
import org.canopy.governance.Groups;
import org.canopy.learning.actionplan.ActionPlan;
import org.canopy.learning.sources.Source;
import org.canopy.learning.sources.SourceKind;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may read and change case records. An incident, its rapid review and its local review hold a child's story
 * (pseudonymised), so they are need-to-know: the administrator, the executive, the independent scrutineer and the
 * members of the Rapid Review Panel read them; everyone else sees the learning drawn from them (recommendations,
 * briefings, library entries) without the case. The administrator and the panel's chairs create and edit incidents,
 * rapid reviews and local reviews; the executive, who decides how a local review is carried out (the annual
 * report's list of methods), may edit local reviews too.
 */
@Component
public class LearningAccess {

    static final String CASE_RECORDS_REFUSED = "Case records are seen only by the administrator, the executive, "
            + "the independent scrutineer and the Rapid Review Panel's members";

    private final Groups groups;

    LearningAccess(Groups groups) {
        this.groups = groups;
    }

    /** Whether the person belongs to the group holding the partnership's rapid review panel function. */
    boolean onRapidReviewPanel(long partnershipId, long userId) {
        return groups.memberOf(partnershipId, userId, GroupFunction.RAPID_REVIEW_PANEL);
    }

    /** Whether someone of this role, in this partnership, reads case records. */
    public boolean mayReadCases(long partnershipId, long userId, Role role) {
        return switch (role) {
            case ADMINISTRATOR, EXECUTIVE, INDEPENDENT_SCRUTINEER -> true;
            default -> onRapidReviewPanel(partnershipId, userId);
        };
    }

    /** Whether the signed-in person reads case records. */
    public boolean mayReadCases(CanopyUser user) {
        return mayReadCases(user.partnershipId(), user.id(), user.role());
    }

    /** Refuses anyone who may not read case records (call it once the record is known to exist: a missing one is a 404). */
    public void requireCaseReader(CanopyUser user) {
        if (!mayReadCases(user)) {
            throw new AccessDeniedException(CASE_RECORDS_REFUSED);
        }
    }

    /** The administrator, or a group chair who belongs to the rapid review panel. */
    public boolean mayEdit(CanopyUser user) {
        return user.isAdministrator() || (user.role() == Role.GROUP_CHAIR && onRapidReviewPanel(user.partnershipId(), user.id()));
    }

    /** Those who edit incidents, and the executive. */
    public boolean mayEditLocalReview(CanopyUser user) {
        return mayEdit(user) || user.role() == Role.EXECUTIVE;
    }

    /**
     * The source as a reader sees it: a rapid or local review is named by its incident's pseudonym, which is case
     * detail, so for one who may not read cases ({@code caseReader} false) it is named by the incident's number only.
     */
    public static Source shown(boolean caseReader, Source source) {
        return caseReader || !namesCase(source) ? source : new Source(source.kind(), source.id(), "serious incident " + source.id());
    }

    /** Whether the source is a case record (and so named by pseudonym). */
    public static boolean namesCase(Source source) {
        return source.kind() == SourceKind.RAPID_REVIEW || source.kind() == SourceKind.LOCAL_REVIEW;
    }

    /** The recommendation with its sources as a reader sees them (see {@link #shown(boolean, Source)}). */
    public static ActionPlan.Recommendation shown(boolean caseReader, ActionPlan.Recommendation r) {
        if (caseReader || r.sources().stream().noneMatch(LearningAccess::namesCase)) {
            return r;
        }
        return new ActionPlan.Recommendation(r.id(), r.text(), r.ownerAgencyId(), r.ownerAgency(), r.due(), r.stored(), r.evidence(),
                r.completedOn(), r.version(), r.sources().stream().map(s -> shown(false, s)).toList(), r.themes());
    }

    /** The recommendations as a reader sees them. */
    public static java.util.List<ActionPlan.Recommendation> shown(boolean caseReader, java.util.List<ActionPlan.Recommendation> list) {
        return list.stream().map(r -> shown(caseReader, r)).toList();
    }
}
