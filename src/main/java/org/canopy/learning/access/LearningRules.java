package org.canopy.learning.access;

import java.util.List;
import org.canopy.governance.GroupFunction;
import org.canopy.governance.Groups;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.Role;
import org.canopy.privacy.IdentifierGuard;
import org.canopy.web.FieldProblem;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may change learning records, and how their free text is checked. The action plan is held
 * by the Quality Assurance and Performance Group: its chairs and the administrator add and edit; an owner
 * agency's contributors update the status of their agency's recommendations.
 */
@Component
public class LearningRules {

    private final Groups groups;
    private final IdentifierGuard guard;

    LearningRules(Groups groups, IdentifierGuard guard) {
        this.groups = groups;
        this.guard = guard;
    }

    /** The administrator, or a chair who belongs to the quality assurance group (by its function, whatever its name). */
    public boolean mayEdit(CanopyUser user) {
        return groups.administratorOrChairOf(user, GroupFunction.QUALITY_ASSURANCE);
    }

    /** Refuses anyone but the administrator and the group's chairs: {@code what} they may not do, e.g. "change the action plan". */
    public void requireEditor(CanopyUser user, String what) {
        if (!mayEdit(user)) {
            throw new AccessDeniedException("Only the Quality Assurance and Performance Group's chairs and the administrator " + what);
        }
    }

    /** An editor, or a contributor of the agency that owns the recommendation. */
    public boolean mayUpdateStatus(CanopyUser user, Long ownerAgencyId) {
        return mayEdit(user) || (user.role() == Role.AGENCY_CONTRIBUTOR && ownerAgencyId != null
                && ownerAgencyId.equals(user.agencyId()));
    }

    /** Free text as stored: trimmed, within {@code max} characters and free of identifiers; problems added to the list. */
    public String text(String field, String label, String text, boolean required, int max, List<FieldProblem> problems) {
        return guard.freeText(field, label, text, required, max, problems, FieldProblem::of);
    }
}
