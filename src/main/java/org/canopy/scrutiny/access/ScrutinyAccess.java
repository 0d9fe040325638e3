package org.canopy.scrutiny.access;

import java.util.Set;
import java.util.stream.Collectors;
import org.canopy.governance.Groups;
import org.canopy.governance.MemberRole;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.Role;
import org.canopy.privacy.IdentifierGuard;
import org.canopy.web.FieldProblem;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The scrutiny module's rules: the independent scrutineer (and the administrator) keep the plan, the statement and
 * the young scrutineers; a young scrutineer is confined to the group they scrutinise; free text passes the guard.
 */
@Component
public class ScrutinyAccess {

    private final Groups groups;
    private final IdentifierGuard guard;

    ScrutinyAccess(Groups groups, IdentifierGuard guard) {
        this.groups = groups;
        this.guard = guard;
    }

    /** Whether the person keeps the scrutiny plan, the statement and the young scrutineers. */
    public boolean keeps(CanopyUser user) {
        return user.isAdministrator() || user.role() == Role.INDEPENDENT_SCRUTINEER;
    }

    /** Refuses anyone who does not keep the scrutiny records. */
    public void requireKeeper(CanopyUser user, String what) {
        if (!keeps(user)) {
            throw new AccessDeniedException("Only the independent scrutineer or the administrator may " + what);
        }
    }

    /** Whether the person is a young scrutineer, whose reading is confined to their own group. */
    public static boolean young(CanopyUser user) {
        return user.role() == Role.YOUNG_SCRUTINEER;
    }

    /** The groups a young scrutineer scrutinises: those they belong to as a young scrutineer. */
    public Set<Long> ownGroups(CanopyUser user) {
        return groups.groupIdsOf(user.id()).stream()
                .filter(g -> groups.roleIn(g, user.id()).filter(r -> r == MemberRole.YOUNG_SCRUTINEER).isPresent())
                .collect(Collectors.toSet());
    }

    /**
     * Whether the person may know the group's young scrutineer (a child's first name and group): the scrutineer, the
     * administrator, the group's chair and the young scrutineer themselves (governance's rule, {@link Groups#mayKnowYoungScrutineerOf}).
     */
    public boolean mayKnowYoungScrutineerOf(CanopyUser user, long groupId) {
        return groups.mayKnowYoungScrutineerOf(user, groupId);
    }

    /** Free text as stored, checked by the identifier guard (see {@link IdentifierGuard#freeText}). */
    public String text(String field, String label, String text, boolean required, int max, List<FieldProblem> problems) {
        return guard.freeText(field, label, text, required, max, problems, FieldProblem::of);
    }
}
