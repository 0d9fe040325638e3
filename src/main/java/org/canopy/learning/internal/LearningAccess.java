package org.canopy.learning.internal;

import org.canopy.governance.Groups;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.Role;
import org.springframework.stereotype.Component;

/**
 * Who may change learning records. Everyone in the partnership reads them. The administrator and the chairs
 * of the Rapid Review Panel create and edit incidents, rapid reviews and local reviews; the executive, who
 * decides how a local review is carried out (the annual report's list of methods), may edit local reviews too.
 */
@Component
class LearningAccess {

    static final String RAPID_REVIEW_PANEL = "Rapid Review Panel";

    private final Groups groups;

    LearningAccess(Groups groups) {
        this.groups = groups;
    }

    /** The administrator, or a group chair who belongs to the Rapid Review Panel. */
    boolean mayEdit(CanopyUser user) {
        return groups.administratorOrChairOf(user, RAPID_REVIEW_PANEL);
    }

    /** Those who edit incidents, and the executive. */
    boolean mayEditLocalReview(CanopyUser user) {
        return mayEdit(user) || user.role() == Role.EXECUTIVE;
    }
}
