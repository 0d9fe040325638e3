package org.canopy.data.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.canopy.partnership.CanopyUser;
import org.canopy.plan.PriorityRef;
import org.canopy.plan.PriorityThread;
import org.canopy.plan.ThreadEntry;
import org.canopy.plan.ThreadStrand;
import org.springframework.stereotype.Component;

/**
 * The data module's strand of a priority's golden thread: the indicators linked to the priority (the catalogue's plan
 * priorities) or to its lead groups (the catalogue's partnership priorities), each with its latest figure and signal;
 * and the indicators a priority-setting round may cite. Everyone signed in reads the dashboard, so everyone reads these.
 */
@Component
class IndicatorThread implements PriorityThread {

    private final Dashboard dashboard;

    IndicatorThread(Dashboard dashboard) {
        this.dashboard = dashboard;
    }

    @Override
    public List<ThreadEntry> about(CanopyUser user, PriorityRef priority, Set<Long> leadGroupIds) {
        var entries = new ArrayList<ThreadEntry>();
        for (var tile : dashboard.tiles(user.partnershipId())) {
            var indicator = tile.indicator();
            boolean linked = indicator.priorityIds().contains(priority.id())
                    || indicator.groupIds().stream().anyMatch(leadGroupIds::contains);
            if (linked) {
                entries.add(entry(tile));
            }
        }
        return entries;
    }

    @Override
    public List<ThreadEntry> citable(CanopyUser user) {
        return dashboard.tiles(user.partnershipId()).stream().map(IndicatorThread::entry).toList();
    }

    private static ThreadEntry entry(Dashboard.Tile tile) {
        var indicator = tile.indicator();
        var latest = tile.latest();
        String detail = latest == null ? "No figure yet"
                : "Latest: " + latest.shown() + indicator.unit().suffix() + " in " + latest.period();
        var concerns = tile.concerns();
        String status = concerns.isEmpty() ? null : String.join("; ", concerns);
        return new ThreadEntry(ThreadStrand.INDICATORS, "INDICATOR", indicator.code(), indicator.name(), detail,
                "/dashboard/indicators/" + indicator.code(), status);
    }
}
