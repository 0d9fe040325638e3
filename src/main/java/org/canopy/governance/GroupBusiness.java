package org.canopy.governance;

import java.time.LocalDate;
import java.util.List;

/**
 * What a module brings to a group's business: declared as a bean by any module (governance's own meetings,
 * escalations, scrutiny's challenges...), collected by the group's page and its next agenda, so governance knows
 * no other module's records.
 */
public interface GroupBusiness {

    /** The entries this module holds for the group, as they stand on {@code day}. */
    List<BusinessEntry> businessOf(long partnershipId, GroupSummary group, LocalDate day);
}
