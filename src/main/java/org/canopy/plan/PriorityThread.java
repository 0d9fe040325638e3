package org.canopy.plan;

import java.util.List;
import java.util.Set;
import org.canopy.partnership.CanopyUser;

/**
 * What a module holds that bears on plan priorities: its strands of a priority's golden thread, and the records a
 * priority-setting round may cite as evidence. Modules that depend on plan implement it as a bean; the plan module
 * collects every implementation, so it never reaches into their tables.
 */
public interface PriorityThread {

    /**
     * What the module holds that bears on the priority (its lead groups given as well), only what the person may read;
     * empty when nothing does.
     */
    List<ThreadEntry> about(CanopyUser user, PriorityRef priority, Set<Long> leadGroupIds);

    /** What the module holds that a priority-setting round may cite as evidence, only what the person may read. */
    List<ThreadEntry> citable(CanopyUser user);
}
