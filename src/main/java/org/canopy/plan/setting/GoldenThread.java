package org.canopy.plan.setting;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.canopy.governance.GroupSummary;
import org.canopy.partnership.CanopyUser;
import org.canopy.plan.PriorityRef;
import org.canopy.plan.PriorityThread;
import org.canopy.plan.ThreadEntry;
import org.canopy.plan.ThreadStrand;
import org.canopy.plan.plans.PlanViews.PlanView;
import org.canopy.plan.plans.PlanViews.PriorityView;
import org.springframework.stereotype.Service;

/** A priority's golden thread: every module's strands of it, gathered from each {@link PriorityThread} bean. */
@Service
public class GoldenThread {

    /** What an empty strand says. */
    static final Map<ThreadStrand, String> ABSENT = Map.of(
            ThreadStrand.CHILDREN_VOICE, "No children's voice is recorded behind this priority yet.",
            ThreadStrand.RESPONSES, "No 'you said, we did' response is recorded for this priority yet.",
            ThreadStrand.INDICATORS, "No indicator is linked to this priority or its lead group yet.",
            ThreadStrand.LEARNING, "No review, audit or recommendation is linked to this priority or its lead group yet.",
            ThreadStrand.SCRUTINY, "No scrutiny challenge has been made to this priority's lead group yet.",
            ThreadStrand.YOUNG_SCRUTINEER, "No young scrutineer is allocated to this priority yet.");

    /** One strand: its heading, what it holds, and the sentence shown when it holds nothing. */
    public record Strand(ThreadStrand strand, String label, List<ThreadEntry> entries, String absence) {

        public boolean empty() {
            return entries.isEmpty();
        }
    }

    private final List<PriorityThread> threads;

    GoldenThread(List<PriorityThread> threads) {
        this.threads = threads;
    }

    /** Every strand of the priority, in the thread's order, holding only what the person may read. */
    public List<Strand> strands(CanopyUser user, PlanView plan, PriorityView priority) {
        var ref = new PriorityRef(priority.id(), plan.id(), plan.title(), priority.number(), priority.title());
        var leads = new LinkedHashSet<Long>(priority.leadGroups().stream().map(GroupSummary::id).toList());
        Map<ThreadStrand, List<ThreadEntry>> byStrand = new EnumMap<>(ThreadStrand.class);
        for (var thread : threads) {
            for (var entry : thread.about(user, ref, leads)) {
                byStrand.computeIfAbsent(entry.strand(), k -> new ArrayList<>()).add(entry);
            }
        }
        var strands = new ArrayList<Strand>();
        for (var s : ThreadStrand.values()) {
            strands.add(new Strand(s, s.label(), byStrand.getOrDefault(s, List.of()), ABSENT.get(s)));
        }
        return strands;
    }

    /** The one strand of a thread. */
    public static Strand strand(List<Strand> strands, ThreadStrand which) {
        return strands.stream().filter(s -> s.strand() == which).findFirst()
                .orElse(new Strand(which, which.label(), List.of(), ABSENT.get(which)));
    }
}
