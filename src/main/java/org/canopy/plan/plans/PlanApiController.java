package org.canopy.plan.plans;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.canopy.partnership.CanopyUser;
import org.canopy.plan.Rag;
import org.canopy.plan.files.PlanFileReader;
import org.canopy.plan.plans.PlanViews.UpdateView;
import org.canopy.plan.updates.ActionUpdates;
import org.canopy.plan.updates.UpdateInput;
import org.canopy.web.NotFound;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The Plan part of API.md. */
@RestController
@RequestMapping("/api/v1")
class PlanApiController {

    record PlanListing(long id, String title, LocalDate start, LocalDate end, String period) {
    }

    record PlanJson(long id, String title, LocalDate start, LocalDate end, Rag rag, String round, int actionsUpdated,
            int actionCount, String status, List<String> crossCuttingPriorities, List<String> communityPlanThemes,
            List<String> linkedStrategies, List<SectionJson> sections, String period, List<PriorityJson> priorities) {
    }

    record SectionJson(int number, String title, String vision, Rag rag, int actionsUpdated, int actionCount,
            String status, List<Integer> uncrcArticles, List<String> indicators, List<PriorityJson> priorities) {
    }

    /**
     * {@code rag} stays the roll-up of API.md; {@code actionsUpdated} of {@code actionCount} are up to date in
     * {@code round} and {@code status} is what the pages show (it reads "Not enough updates" when too few are).
     */
    record PriorityJson(long id, int number, String title, List<String> leadGroups, Rag rag, int actionsUpdated,
            int actionCount, String status, List<ActionJson> actions) {
    }

    record ActionJson(long id, String reference, String text, Rag rag, String lastUpdatedPeriod,
            List<TagJson> crossCutting) {
    }

    /** A cross-cutting tag: {@code source} is PLAN when the plan states it, PARTNERSHIP when made in Canopy. */
    record TagJson(String title, String source) {
    }

    record UpdateRequest(String period, String rag, String narrative, String correctiveStep, String evidenceUrl,
            Integer version) {
    }

    record UpdateJson(long id, long actionId, String period, Rag rag, String narrative, String correctiveStep,
            String evidenceUrl, String author, String updatedAt, int version, boolean flagged) {

        static UpdateJson of(UpdateView u) {
            return new UpdateJson(u.id(), u.actionId(), u.period(), u.rag(), u.narrative(), u.correctiveStep(),
                    u.evidenceUrl(), u.author(), u.updatedAt().toString() + "Z", u.version(), u.flagged());
        }
    }

    private final PlanStore plans;
    private final PlanFileReader reader;
    private final ActionUpdates updates;

    PlanApiController(PlanStore plans, PlanFileReader reader, ActionUpdates updates) {
        this.plans = plans;
        this.reader = reader;
        this.updates = updates;
    }

    @GetMapping("/plans")
    List<PlanListing> plans(@AuthenticationPrincipal CanopyUser user) {
        return plans.plans(user.partnershipId()).stream()
                .map(p -> new PlanListing(p.id(), p.title(), p.start(), p.end(), p.periodText())).toList();
    }

    @GetMapping("/plans/{id}")
    PlanJson plan(@AuthenticationPrincipal CanopyUser user, @PathVariable long id) {
        var plan = plans.plan(user.partnershipId(), id).orElseThrow(() -> new NotFound("The plan"));
        var status = plan.status();
        return new PlanJson(plan.id(), plan.title(), plan.start(), plan.end(), plan.rag(),
                plan.round() == null ? null : plan.round().period(), status.upToDate(), status.actions(), status.label(),
                plan.crossCuttingPriorities().stream().map(c -> c.title()).toList(), plan.communityPlanThemes(),
                plan.linkedStrategies(),
                plan.sections().stream().map(s -> new SectionJson(s.number(), s.title(), s.vision(), s.rag(),
                        s.status().upToDate(), s.status().actions(), s.status().label(),
                        s.uncrcArticles().stream().map(a -> a.number()).toList(), s.indicators(),
                        s.priorities().stream().map(p -> new PriorityJson(p.id(), p.number(), p.title(),
                                p.leadGroupNames(), p.rag(), p.status().upToDate(), p.status().actions(),
                                p.status().label(),
                                p.actions().stream().map(a -> new ActionJson(a.id(), a.reference(), a.text(), a.rag(),
                                        a.latest() == null ? null : a.latest().period(),
                                        a.tags().stream().map(t -> new TagJson(t.title(),
                                                t.partnershipsOwn() ? "PARTNERSHIP" : "PLAN")).toList())).toList()))
                                .toList()))
                        .toList(),
                plan.periodText(), plan.unsectioned().stream().map(PlanApiController::priority).toList());
    }

    /** A priority held in no section (a plan made from a priority-setting decision). */
    private static PriorityJson priority(PlanViews.PriorityView p) {
        return new PriorityJson(p.id(), p.number(), p.title(), p.leadGroupNames(), p.rag(), p.status().upToDate(),
                p.status().actions(), p.status().label(),
                p.actions().stream().map(a -> new ActionJson(a.id(), a.reference(), a.text(), a.rag(),
                        a.latest() == null ? null : a.latest().period(),
                        a.tags().stream().map(t -> new TagJson(t.title(), t.partnershipsOwn() ? "PARTNERSHIP" : "PLAN")).toList()))
                        .toList());
    }

    /** Loads a plan file (YAML or JSON, format canopy-plan/1): administrators only; all or nothing. */
    @PostMapping(value = "/plans", consumes = {"application/yaml", "application/x-yaml", "text/yaml", "application/json", "text/plain"})
    ResponseEntity<Map<String, Object>> load(@AuthenticationPrincipal CanopyUser user, @RequestBody String body) {
        if (!user.isAdministrator()) {
            throw new AccessDeniedException("Only the partnership administrator loads plans");
        }
        var file = reader.read(body);
        long id = plans.load(user.partnershipId(), user.getUsername(), file);
        return ResponseEntity.created(URI.create("/api/v1/plans/" + id))
                .body(Map.of("id", id, "title", file.title()));
    }

    @PostMapping("/actions/{id}/updates")
    ResponseEntity<UpdateJson> submit(@AuthenticationPrincipal CanopyUser user, @PathVariable long id,
            @RequestBody UpdateRequest request) {
        var stored = updates.submit(user, id, input(request, request.period()));
        return ResponseEntity.created(URI.create("/api/v1/actions/" + id + "/updates/" + stored.period()))
                .body(UpdateJson.of(stored));
    }

    @PutMapping("/actions/{id}/updates/{period}")
    UpdateJson replace(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @PathVariable String period,
            @RequestBody UpdateRequest request) {
        return UpdateJson.of(updates.replace(user, id, period, request.version(), input(request, period)));
    }

    @GetMapping("/actions/{id}/updates")
    List<UpdateJson> history(@AuthenticationPrincipal CanopyUser user, @PathVariable long id) {
        return updates.history(user, id).stream().map(UpdateJson::of).toList();
    }

    @GetMapping("/actions/{id}/updates/{period}")
    UpdateJson one(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @PathVariable String period) {
        updates.action(user, id);
        var update = updates.existing(id, period);
        if (update == null) {
            throw new NotFound("The update for " + period);
        }
        return UpdateJson.of(update);
    }

    private static UpdateInput input(UpdateRequest r, String period) {
        return new UpdateInput(period, r.rag(), r.narrative(), r.correctiveStep(), r.evidenceUrl());
    }

}
