package org.canopy.plan.setting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.canopy.partnership.CanopyUser;
import org.canopy.plan.plans.PlanStore;
import org.canopy.web.DateInput;
import org.canopy.web.FormSubmission;
import org.canopy.web.InvalidInput;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The priority-setting pages: the rounds, a round with its evidence and candidates, adding evidence, the decision. */
@Controller
class PrioritySettingController {

    private final PrioritySetting setting;
    private final PlanStore plans;

    PrioritySettingController(PrioritySetting setting, PlanStore plans) {
        this.setting = setting;
        this.plans = plans;
    }

    @GetMapping("/plans/setting")
    String rounds(@AuthenticationPrincipal CanopyUser user, Model model) {
        model.addAttribute("rounds", setting.rounds(user.partnershipId()));
        model.addAttribute("mayPrepare", setting.mayPrepare(user));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "plan/setting-rounds";
    }

    @PostMapping("/plans/setting")
    String start(@AuthenticationPrincipal CanopyUser user, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        return FormSubmission.on(model).keeping("form", form).submit(() -> {
            var round = setting.start(user, form);
            redirect.addFlashAttribute("success", "The round '" + round.title() + "' is started: add its evidence");
            return "redirect:/plans/setting/" + round.id();
        }, () -> rounds(user, model));
    }

    @GetMapping("/plans/setting/{id}")
    String round(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, Model model) {
        var round = setting.round(user, id);
        model.addAttribute("view", round);
        model.addAttribute("round", round.round());
        model.addAttribute("mayPrepare", setting.mayPrepare(user) && !round.round().decided());
        model.addAttribute("mayDecide", setting.mayDecide(user) && !round.round().decided());
        model.addAttribute("plan", round.round().planId() == null ? null
                : plans.plan(user.partnershipId(), round.round().planId()).orElse(null));
        if (!model.containsAttribute("form")) {
            var form = new LinkedHashMap<String, String>();
            form.put("title", round.round().title());
            form.put("heldWhen", round.round().heldWhen());
            form.put("summary", round.round().summary());
            form.putAll(DateInput.fields("startsOn", round.round().startsOn()));
            form.putAll(DateInput.fields("endsOn", round.round().endsOn()));
            form.put("version", String.valueOf(round.round().version()));
            model.addAttribute("form", form);
        }
        if (!model.containsAttribute("candidateForm")) {
            model.addAttribute("candidateForm", Map.of());
        }
        return "plan/setting-round";
    }

    @PostMapping("/plans/setting/{id}")
    String edit(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @RequestParam Map<String, String> form,
            Model model, RedirectAttributes redirect) {
        return FormSubmission.on(model).keeping("form", form).conflictOn("title").freshAfterConflict().submit(() -> {
            setting.edit(user, id, form, version(form.get("version")));
            redirect.addFlashAttribute("success", "The round's details are saved");
            return "redirect:/plans/setting/" + id;
        }, () -> round(user, id, model));
    }

    @GetMapping("/plans/setting/{id}/evidence/new")
    String newEvidence(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, Model model) {
        var round = setting.round(user, id);
        if (!setting.mayPrepare(user)) {
            throw new AccessDeniedException(PrioritySetting.PREPARE_REFUSED);
        }
        model.addAttribute("round", round.round());
        model.addAttribute("kinds", EvidenceKind.values());
        var citable = setting.citable(user);
        model.addAttribute("citable", citable);
        model.addAttribute("keys", citable.stream().map(PrioritySetting::key).toList());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
            model.addAttribute("cited", List.of());
        }
        return "plan/setting-evidence";
    }

    @PostMapping("/plans/setting/{id}/evidence")
    String addEvidence(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @RequestParam Map<String, String> form,
            @RequestParam(name = "cited", required = false) List<String> cited, Model model, RedirectAttributes redirect) {
        return FormSubmission.on(model).keeping("form", form).keeping("cited", cited == null ? List.of() : cited).submit(() -> {
            var evidence = setting.addEvidence(user, id, form.get("kind"), form.get("description"), cited);
            redirect.addFlashAttribute("success", "The evidence is added: " + evidence.kind().label());
            return "redirect:/plans/setting/" + id;
        }, () -> newEvidence(user, id, model));
    }

    @PostMapping("/plans/setting/{id}/evidence/{evidenceId}/remove")
    String removeEvidence(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @PathVariable long evidenceId,
            RedirectAttributes redirect) {
        setting.removeEvidence(user, id, evidenceId);
        redirect.addFlashAttribute("success", "The evidence is removed");
        return "redirect:/plans/setting/" + id;
    }

    @PostMapping("/plans/setting/{id}/candidates")
    String addCandidate(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @RequestParam Map<String, String> form,
            @RequestParam(name = "evidence", required = false) List<String> evidence, Model model, RedirectAttributes redirect) {
        return FormSubmission.on(model).keeping("candidateForm", form).submit(() -> {
            var candidate = setting.addCandidate(user, id, form.get("candidateTitle"), form.get("candidateDescription"), evidence);
            redirect.addFlashAttribute("success", "The candidate priority '" + candidate.title() + "' is added");
            return "redirect:/plans/setting/" + id;
        }, () -> round(user, id, model));
    }

    @PostMapping("/plans/setting/{id}/candidates/{candidateId}/remove")
    String removeCandidate(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @PathVariable long candidateId,
            RedirectAttributes redirect) {
        setting.removeCandidate(user, id, candidateId);
        redirect.addFlashAttribute("success", "The candidate priority is removed");
        return "redirect:/plans/setting/" + id;
    }

    @GetMapping("/plans/setting/{id}/decision")
    String decision(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, Model model) {
        var round = setting.round(user, id);
        if (!setting.mayDecide(user)) {
            throw new AccessDeniedException(PrioritySetting.DECIDE_REFUSED);
        }
        model.addAttribute("view", round);
        model.addAttribute("round", round.round());
        model.addAttribute("plans", plans.plans(user.partnershipId()));
        model.addAttribute("priorityGroups", setting.priorityGroups(user.partnershipId()));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of("plan", "new"));
            model.addAttribute("chosen", List.of());
        }
        return "plan/setting-decision";
    }

    @PostMapping("/plans/setting/{id}/decision")
    String decide(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @RequestParam Map<String, String> form,
            @RequestParam(name = "chosen", required = false) List<String> chosen, Model model, RedirectAttributes redirect) {
        return FormSubmission.on(model).keeping("form", form).keeping("chosen", chosen == null ? List.of() : chosen)
                .conflictOn("reasons").submit(() -> {
                    var decided = setting.decide(user, id, form, chosen, version(form.get("version")));
                    int n = decided.chosen().size();
                    redirect.addFlashAttribute("success", "The Executive's decision is recorded: " + n
                            + (n == 1 ? " priority chosen" : " priorities chosen"));
                    return "redirect:/plans/setting/" + id;
                }, () -> decision(user, id, model));
    }

    private static int version(String version) {
        try {
            return Integer.parseInt(version == null ? "" : version.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput("version", "The form's version is not a number: reload the page");
        }
    }
}
