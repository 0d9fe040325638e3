package org.canopy.plan.plans;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.canopy.governance.GroupSummary;
import org.canopy.governance.Groups;
import org.canopy.governance.MemberRole;
import org.canopy.plan.ThreadStrand;
import org.canopy.plan.setting.GoldenThread;
import org.canopy.plan.setting.PrioritySetting;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.People;
import org.canopy.plan.Rag;
import org.canopy.plan.crosscutting.CrossCuttingTags;
import org.canopy.plan.plans.PlanViews.ActionView;
import org.canopy.plan.plans.PlanViews.PlanView;
import org.canopy.plan.plans.PlanViews.PriorityView;
import org.canopy.plan.updates.ActionUpdaters;
import org.canopy.plan.updates.ActionUpdates;
import org.canopy.plan.updates.UpdateInput;
import org.canopy.plan.updates.UpdateRounds;
import org.canopy.web.FormSubmission;
import org.canopy.web.InvalidInput;
import org.canopy.web.NotFound;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The plan's pages: overview, section, priority, action (with its update form), action search, my updates. */
@Controller
class PlanPagesController {

    /** How statuses roll up and how much of them is known, as the plan, section and priority pages state it. */
    static final String STATUS_RULES = Rag.ROLL_UP_RULE + " " + PlanViews.Status.RULE;

    private final PlanStore plans;
    private final ActionUpdates updates;
    private final UpdateRounds rounds;
    private final ActionUpdaters updaters;
    private final CrossCuttingTags tags;
    private final People people;
    private final Groups groups;
    private final PrioritySetting setting;
    private final GoldenThread thread;

    PlanPagesController(PlanStore plans, ActionUpdates updates, UpdateRounds rounds, ActionUpdaters updaters,
            CrossCuttingTags tags, People people, Groups groups, PrioritySetting setting, GoldenThread thread) {
        this.groups = groups;
        this.setting = setting;
        this.thread = thread;
        this.people = people;
        this.plans = plans;
        this.updates = updates;
        this.rounds = rounds;
        this.updaters = updaters;
        this.tags = tags;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal CanopyUser user, Model model) {
        var due = updates.dueFrom(user);
        model.addAttribute("dueCount", due.stream().filter(d -> !d.done()).count());
        model.addAttribute("plans", plans.plans(user.partnershipId()).stream()
                .map(p -> plans.plan(user.partnershipId(), p.id()).orElseThrow()).toList());
        return "plan/home";
    }

    @GetMapping("/plans")
    String plans(@AuthenticationPrincipal CanopyUser user, Model model) {
        model.addAttribute("plans", plans.plans(user.partnershipId()).stream()
                .map(p -> plans.plan(user.partnershipId(), p.id()).orElseThrow()).toList());
        return "plan/plans";
    }

    @GetMapping("/plans/{id}")
    String plan(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, Model model) {
        var plan = plan(user, id);
        model.addAttribute("plan", plan);
        model.addAttribute("settingRound", setting.roundOfPlan(user.partnershipId(), id).orElse(null));
        model.addAttribute("openRound", rounds.openRound(id).orElse(null));
        model.addAttribute("rollUpRule", STATUS_RULES);
        return "plan/plan";
    }

    @GetMapping("/plans/{id}/sections/{number}")
    String section(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @PathVariable int number, Model model) {
        var plan = plan(user, id);
        var section = plan.sections().stream().filter(s -> s.number() == number).findFirst()
                .orElseThrow(() -> new NotFound("Section " + number));
        model.addAttribute("plan", plan);
        model.addAttribute("section", section);
        model.addAttribute("rollUpRule", STATUS_RULES);
        return "plan/section";
    }

    @GetMapping("/plans/{id}/priorities/{number}")
    String priority(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @PathVariable int number, Model model) {
        var plan = plan(user, id);
        var priority = plan.priorities().stream().filter(p -> p.number() == number).findFirst()
                .orElseThrow(() -> new NotFound("Priority " + number));
        model.addAttribute("plan", plan);
        model.addAttribute("section", priority.sectionNumber() == null ? null : plan.sections().stream()
                .filter(s -> s.number() == priority.sectionNumber()).findFirst().orElse(null));
        model.addAttribute("priority", priority);
        var chosenBy = setting.chosenBy(user.partnershipId(), priority.id()).orElse(null);
        model.addAttribute("chosenBy", chosenBy);
        var strands = thread.strands(user, plan, priority);
        model.addAttribute("voice", GoldenThread.strand(strands, ThreadStrand.CHILDREN_VOICE));
        model.addAttribute("responses", GoldenThread.strand(strands, ThreadStrand.RESPONSES));
        model.addAttribute("youngScrutineer", GoldenThread.strand(strands, ThreadStrand.YOUNG_SCRUTINEER));
        model.addAttribute("leads", leads(user, priority));
        model.addAttribute("mayUpdate", updates.mayUpdate(user, priority));
        model.addAttribute("rollUpRule", STATUS_RULES);
        return "plan/priority";
    }

    /** A lead group as the priority page shows it: its chair and members for those who may read them. */
    record Lead(GroupSummary group, boolean readable, List<String> chairs, List<String> members) {
    }

    private List<Lead> leads(CanopyUser user, PriorityView priority) {
        var ids = priority.leadGroups().stream().map(GroupSummary::id).toList();
        var membersByGroup = groups.memberIdsByGroup(ids);
        var names = new java.util.HashMap<Long, String>();
        people.byIds(user.partnershipId(), membersByGroup.values().stream().flatMap(java.util.Set::stream).distinct().toList())
                .forEach(p -> names.put(p.id(), p.displayName()));
        var leads = new ArrayList<Lead>();
        for (var g : priority.leadGroups()) {
            if (!groups.mayRead(user, g.id())) {
                leads.add(new Lead(g, false, List.of(), List.of()));
                continue;
            }
            var chairs = new ArrayList<String>();
            var members = new ArrayList<String>();
            for (long member : membersByGroup.getOrDefault(g.id(), java.util.Set.of())) {
                var role = groups.roleIn(g.id(), member).orElse(MemberRole.MEMBER);
                String name = names.get(member);
                if (name == null || role == MemberRole.YOUNG_SCRUTINEER) {
                    continue;
                }
                if (role == MemberRole.CHAIR) {
                    chairs.add(name);
                } else {
                    members.add(role == MemberRole.MEMBER ? name : name + " (" + role.label().toLowerCase(Locale.UK) + ")");
                }
            }
            chairs.sort(String.CASE_INSENSITIVE_ORDER);
            members.sort(String.CASE_INSENSITIVE_ORDER);
            leads.add(new Lead(g, true, chairs, members));
        }
        return leads;
    }

    @GetMapping("/plans/{id}/actions")
    String actions(@AuthenticationPrincipal CanopyUser user, @PathVariable long id,
            @RequestParam(required = false) Long group, @RequestParam(required = false) String status,
            @RequestParam(required = false) Long crossCutting, @RequestParam(required = false) String q,
            HttpServletRequest request, Model model) {
        var plan = plan(user, id);
        var leadGroups = new LinkedHashMap<Long, GroupSummary>();
        plan.priorities().forEach(p -> p.leadGroups().forEach(g -> leadGroups.putIfAbsent(g.id(), g)));
        String query = q == null ? "" : q.strip().toLowerCase(Locale.UK);
        var matches = new ArrayList<ActionView>();
        Map<Long, PriorityView> priorityOf = new LinkedHashMap<>();
        for (var priority : plan.priorities()) {
            boolean groupMatches = group == null || priority.leadGroups().stream().anyMatch(g -> g.id() == group);
            for (var action : priority.actions()) {
                boolean statusMatches = status == null || status.isBlank()
                        || ("NONE".equals(status) ? action.rag() == null : action.rag() != null && action.rag().name().equals(status));
                boolean tagMatches = crossCutting == null || action.tagged(crossCutting);
                boolean textMatches = query.isEmpty() || action.text().toLowerCase(Locale.UK).contains(query)
                        || (action.latest() != null && action.latest().narrative().toLowerCase(Locale.UK).contains(query));
                if (groupMatches && statusMatches && tagMatches && textMatches) {
                    matches.add(action);
                    priorityOf.put(action.id(), priority);
                }
            }
        }
        model.addAttribute("plan", plan);
        model.addAttribute("leadGroups", leadGroups.values().stream()
                .sorted((a, b) -> a.name().compareToIgnoreCase(b.name())).toList());
        model.addAttribute("statuses", Rag.values());
        model.addAttribute("matches", matches);
        model.addAttribute("priorityOf", priorityOf);
        model.addAttribute("filter", new ActionFilter(group, status, crossCutting, q));
        model.addAttribute("tagsInPlan", plan.actions().stream().anyMatch(a -> a.tags().stream().anyMatch(t -> !t.partnershipsOwn())));
        // htmx asks for just the results when a filter changes; without JavaScript the whole page reloads.
        if ("true".equals(request.getHeader("HX-Request"))) {
            return "plan/actions :: results";
        }
        return "plan/actions";
    }

    record ActionFilter(Long group, String status, Long crossCutting, String q) {
    }

    @GetMapping("/actions/{id}")
    String action(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, Model model) {
        var context = updates.action(user, id);
        var round = rounds.openRound(context.plan().id()).orElse(null);
        var current = round == null ? null : updates.existing(id, round.period());
        Map<String, String> form = new LinkedHashMap<>();
        if (current != null) {
            form.put("rag", current.rag().name());
            form.put("narrative", current.narrative());
            form.put("correctiveStep", current.correctiveStep());
            form.put("evidenceUrl", current.evidenceUrl());
            form.put("version", String.valueOf(current.version()));
        }
        return actionPage(user, context, round, form, model);
    }

    private String actionPage(CanopyUser user, PlanViews.ActionInPlan context, PlanViews.RoundView round,
            Map<String, String> form, Model model) {
        model.addAttribute("plan", context.plan());
        model.addAttribute("priority", context.priority());
        model.addAttribute("action", context.action());
        model.addAttribute("history", updates.history(user, context.action().id()));
        model.addAttribute("names", people.displayNames(user.partnershipId()));
        model.addAttribute("round", round);
        model.addAttribute("mayUpdate", updates.mayUpdate(user, context));
        model.addAttribute("updater", updaters.assignedPerson(user.partnershipId(), context.action().id()).orElse(null));
        model.addAttribute("statuses", Rag.values());
        model.addAttribute("form", form);
        return "plan/action";
    }

    @PostMapping("/actions/{id}/cross-cutting")
    String retag(@AuthenticationPrincipal CanopyUser user, @PathVariable long id,
            @RequestParam(name = "crossCutting", required = false) List<Long> chosen, RedirectAttributes redirect) {
        var changed = tags.retag(user, id, chosen == null ? List.of() : chosen);
        redirect.addFlashAttribute("success", changed ? "The partnership's cross-cutting tags on this action are saved"
                : "The partnership's cross-cutting tags on this action are unchanged");
        return "redirect:/actions/" + id;
    }

    @PostMapping("/actions/{id}/updater/remove")
    String removeUpdater(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, RedirectAttributes redirect) {
        var removed = updaters.remove(user, id);
        redirect.addFlashAttribute("success", removed.person() + " no longer updates action " + removed.action());
        return "redirect:/actions/" + id;
    }

    @PostMapping("/actions/{id}/updates")
    String submit(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @RequestParam Map<String, String> form,
            Model model, RedirectAttributes redirect) {
        var context = updates.action(user, id);
        var round = rounds.openRound(context.plan().id()).orElse(null);
        String period = form.getOrDefault("period", round == null ? "" : round.period());
        var input = new UpdateInput(period, form.get("rag"), form.get("narrative"), form.get("correctiveStep"),
                form.get("evidenceUrl"));
        String version = form.getOrDefault("version", "");
        return FormSubmission.on(model).conflictOn("narrative", "Someone else saved an update for " + period
                + " while you were writing. Check theirs below; your text is kept here. Save again to replace theirs.")
                .onConflict(conflict -> {
                    // Keep the writer's text in the form, show the other person's update, and carry its version so
                    // that submitting again knowingly replaces it.
                    var theirs = updates.existing(id, period);
                    model.addAttribute("conflict", conflict.getMessage());
                    model.addAttribute("theirs", theirs);
                    form.put("version", theirs == null ? "" : String.valueOf(theirs.version()));
                }).submit(() -> {
                    var stored = version.isBlank() ? updates.submit(user, id, input)
                            : updates.replace(user, id, period, parseVersion(version), input);
                    redirect.addFlashAttribute("success", "Your " + stored.period() + " update for action "
                            + context.action().reference() + " is saved" + (stored.flagged()
                                    ? ". It is red with no corrective step, so it is flagged for the lead group." : ""));
                    return "redirect:/actions/" + id;
                }, () -> actionPage(user, updates.action(user, id), round, form, model));
    }

    private static Integer parseVersion(String version) {
        try {
            return Integer.valueOf(version.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInput("version", "The form's version is not a number: reload the page");
        }
    }

    @GetMapping("/my-updates")
    String myUpdates(@AuthenticationPrincipal CanopyUser user, Model model) {
        var due = updates.dueFrom(user);
        model.addAttribute("due", due);
        model.addAttribute("byRound", due.stream().collect(Collectors.groupingBy(
                d -> d.plan().title() + " – " + d.round().period(), LinkedHashMap::new, Collectors.toList())));
        model.addAttribute("outstandingCount", due.stream().filter(d -> !d.done()).count());
        // Who is late names people and what they owe: for the administrator, who chases it, only.
        if (user.isAdministrator()) {
            model.addAttribute("lateRounds", updates.lateRounds(user));
        }
        return "plan/my-updates";
    }

    private PlanView plan(CanopyUser user, long id) {
        return plans.plan(user.partnershipId(), id).orElseThrow(() -> new NotFound("The plan"));
    }
}
