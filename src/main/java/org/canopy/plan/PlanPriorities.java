package org.canopy.plan;

import java.util.List;

/** The priorities of a partnership's plans, for modules that link their records to them. */
public interface PlanPriorities {

    /** Every priority of every plan of the partnership, newest plan first, then by number. */
    List<PriorityRef> priorities(long partnershipId);

    /** Every section of every plan of the partnership, newest plan first, then by number. */
    List<PlanSectionRef> sections(long partnershipId);
}
