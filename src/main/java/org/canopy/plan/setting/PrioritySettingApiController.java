package org.canopy.plan.setting;

import java.time.LocalDate;
import java.util.List;
import org.canopy.partnership.CanopyUser;
import org.canopy.plan.ThreadEntry;
import org.canopy.plan.plans.PlanStore;
import org.canopy.plan.setting.SettingViews.Citation;
import org.canopy.plan.setting.SettingViews.Round;
import org.canopy.plan.setting.SettingViews.RoundView;
import org.canopy.web.NotFound;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Priority-setting rounds and a priority's golden thread as JSON (README's API section). */
@RestController
class PrioritySettingApiController {

    record RoundListing(long id, String title, String when, String status, Long planId) {

        static RoundListing of(Round r) {
            return new RoundListing(r.id(), r.title(), r.when(), r.status().name(), r.planId());
        }
    }

    record EvidenceJson(long id, String kind, String kindLabel, String description, List<Citation> citations) {
    }

    record CandidateJson(long id, String title, String description, boolean chosen, Long leadGroupId, Long priorityId,
            List<BasisJson> evidence) {
    }

    record BasisJson(long evidenceId, String basis) {
    }

    record DecisionJson(String decidedBy, String when, LocalDate on, String reasons, Long planId) {
    }

    record RoundJson(long id, String title, String when, LocalDate startsOn, LocalDate endsOn, String summary, String status,
            List<EvidenceJson> evidence, List<CandidateJson> candidates, DecisionJson decision) {

        static RoundJson of(RoundView v) {
            var r = v.round();
            return new RoundJson(r.id(), r.title(), r.when(), r.startsOn(), r.endsOn(), r.summary(), r.status().name(),
                    v.evidence().stream().map(e -> new EvidenceJson(e.id(), e.kind().name(), e.kind().label(), e.description(),
                            e.citations())).toList(),
                    v.candidates().stream().map(c -> new CandidateJson(c.id(), c.title(), c.description(), c.chosen(), c.groupId(),
                            c.priorityId(), c.evidence().stream().map(b -> new BasisJson(b.evidenceId(), b.basis())).toList()))
                            .toList(),
                    r.decided() ? new DecisionJson(r.decidedByGroup(), r.decidedWhen(), r.decidedOn(), r.decisionReasons(),
                            r.planId()) : null);
        }
    }

    record StrandJson(String strand, String label, List<ThreadEntry> entries, String absence) {
    }

    record ThreadJson(long priorityId, long planId, int number, String title, RoundListing chosenIn, List<EvidenceJson> chosenBy,
            List<StrandJson> strands, List<ActionJson> actions) {
    }

    record ActionJson(long id, String reference, String text, String rag) {
    }

    private final PrioritySetting setting;
    private final PlanStore plans;
    private final GoldenThread thread;

    PrioritySettingApiController(PrioritySetting setting, PlanStore plans, GoldenThread thread) {
        this.setting = setting;
        this.plans = plans;
        this.thread = thread;
    }

    @GetMapping("/api/v1/priority-setting/rounds")
    List<RoundListing> rounds(@AuthenticationPrincipal CanopyUser user) {
        return setting.rounds(user.partnershipId()).stream().map(RoundListing::of).toList();
    }

    @GetMapping("/api/v1/priority-setting/rounds/{id}")
    RoundJson round(@AuthenticationPrincipal CanopyUser user, @PathVariable long id) {
        return RoundJson.of(setting.round(user, id));
    }

    /** What chose the priority (API.md): each evidence item's kind, and the title and link of what it cites, or its description. */
    @GetMapping("/api/v1/priorities/{id}/evidence")
    List<java.util.Map<String, Object>> evidence(@AuthenticationPrincipal CanopyUser user, @PathVariable long id) {
        var rows = new java.util.ArrayList<java.util.Map<String, Object>>();
        for (var e : thread(user, id).chosenBy()) {
            if (e.citations().isEmpty()) {
                rows.add(row(e.kind(), e.description(), null));
            }
            for (var c : e.citations()) {
                rows.add(row(e.kind(), c.title(), c.href()));
            }
        }
        return rows;
    }

    private static java.util.Map<String, Object> row(String kind, String title, String link) {
        var json = new java.util.LinkedHashMap<String, Object>();
        json.put("kind", kind);
        json.put("title", title);
        json.put("link", link);
        return json;
    }

    @GetMapping("/api/v1/priorities/{id}/thread")
    ThreadJson thread(@AuthenticationPrincipal CanopyUser user, @PathVariable long id) {
        for (var summary : plans.plans(user.partnershipId())) {
            var plan = plans.plan(user.partnershipId(), summary.id()).orElseThrow();
            for (var priority : plan.priorities()) {
                if (priority.id() == id) {
                    var chosen = setting.chosenBy(user.partnershipId(), id);
                    return new ThreadJson(id, plan.id(), priority.number(), priority.title(),
                            chosen.map(c -> RoundListing.of(c.round())).orElse(null),
                            chosen.map(c -> c.evidence().stream().map(e -> new EvidenceJson(e.id(), e.kind().name(),
                                    e.kind().label(), e.description(), e.citations())).toList()).orElse(List.of()),
                            thread.strands(user, plan, priority).stream()
                                    .map(s -> new StrandJson(s.strand().name(), s.label(), s.entries(), s.absence())).toList(),
                            priority.actions().stream().map(a -> new ActionJson(a.id(), a.reference(), a.text(),
                                    a.rag() == null ? null : a.rag().name())).toList());
                }
            }
        }
        throw new NotFound("The priority");
    }
}
