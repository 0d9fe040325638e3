package org.canopy.data.escalations;

import java.util.Map;
import org.canopy.data.dashboard.DashboardController;
import org.canopy.data.rounds.RoundsController;
import org.canopy.governance.EscalationStatus;
import org.canopy.governance.ExecutiveEscalations;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.People;
import org.canopy.web.FormFields;
import org.canopy.web.FormSubmission;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages for figures' escalations: raised from an indicator page, decided by the executive and closed when dealt with,
 * here or on the governance escalation's page (the same record: governance keeps the decision and the history).
 */
@Controller
class EscalationsController {

    private final Escalations escalations;
    private final DashboardController dashboard;
    private final People people;
    private final ExecutiveEscalations executive;

    EscalationsController(Escalations escalations, DashboardController dashboard, People people, ExecutiveEscalations executive) {
        this.escalations = escalations;
        this.executive = executive;
        this.dashboard = dashboard;
        this.people = people;
    }

    @GetMapping("/data/escalations")
    String list(@AuthenticationPrincipal CanopyUser user, Model model) {
        var all = escalations.escalations(user.partnershipId());
        model.addAttribute("open", all.stream().filter(e -> e.status() == EscalationStatus.OPEN).toList());
        model.addAttribute("others", all.stream().filter(e -> e.status() != EscalationStatus.OPEN).toList());
        return "data/escalations";
    }

    @PostMapping("/dashboard/indicators/{code}/escalations")
    String raise(@AuthenticationPrincipal CanopyUser user, @PathVariable String code, @RequestParam Map<String, String> form,
            Model model, RedirectAttributes redirect) {
        return FormSubmission.on(model).keeping("escalationForm", form).submit(() -> {
            var raised = escalations.raise(user, code, form.get("period"), form.get("reason"));
            redirect.addFlashAttribute("success", "Escalated to the executive");
            return "redirect:/data/escalations/" + raised.id();
        }, () -> dashboard.indicator(user, code, null, model));
    }

    @GetMapping("/data/escalations/{id}")
    String escalation(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, Model model) {
        var escalation = escalations.escalation(user.partnershipId(), id);
        model.addAttribute("escalation", escalation);
        var kept = escalations.governance(user.partnershipId(), escalation);
        model.addAttribute("governance", kept.orElse(null));
        model.addAttribute("history", escalations.history(user.partnershipId(), escalation));
        model.addAttribute("names", people.displayNames(user.partnershipId()));
        model.addAttribute("mayDecide", executive.mayDecide(user) && escalation.status() == EscalationStatus.OPEN);
        model.addAttribute("mayClose", escalation.status() == EscalationStatus.DECIDED
                && kept.map(k -> executive.mayClose(user, k)).orElse(executive.mayDecide(user) || dashboard.isReviewer(user)));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "data/escalation";
    }

    @PostMapping("/data/escalations/{id}/decision")
    String decide(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @RequestParam Map<String, String> form,
            Model model, RedirectAttributes redirect) {
        return FormSubmission.on(model).keeping("form", form).conflictOn("decision").submit(() -> {
            escalations.decide(user, id, form.get("decision"), form.get("actions"), FormFields.version(form.get("version")));
            redirect.addFlashAttribute("success", "The executive's decision was recorded");
            return "redirect:/data/escalations/" + id;
        }, () -> escalation(user, id, model));
    }

    @PostMapping("/data/escalations/{id}/close")
    String close(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @RequestParam Map<String, String> form,
            Model model, RedirectAttributes redirect) {
        return FormSubmission.on(model).keeping("form", form).conflictOn("note").submit(() -> {
            escalations.close(user, id, form.get("note"), FormFields.version(form.get("version")));
            redirect.addFlashAttribute("success", "The escalation was closed");
            return "redirect:/data/escalations/" + id;
        }, () -> escalation(user, id, model));
    }
}
