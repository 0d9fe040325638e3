package org.canopy.learning.audits;

import java.util.HashMap;
import java.util.Map;
import org.canopy.learning.access.LearningAccess;
import org.canopy.learning.access.LearningRules;
import org.canopy.learning.actionplan.ActionPlan;
import org.canopy.learning.actionplan.ActionPlanController;
import org.canopy.learning.sources.SourceKind;
import org.canopy.partnership.AgencyDirectory;
import org.canopy.partnership.CanopyUser;
import org.canopy.web.FormFields;
import org.canopy.web.DateInput;
import org.canopy.web.FormSubmission;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages for audits: the list with a form to record one, and each audit with its actions and follow-up session. */
@Controller
class AuditsController {

    private final Audits audits;
    private final ActionPlan plan;
    private final LearningRules rules;
    private final AgencyDirectory agencies;
    private final LearningAccess access;

    AuditsController(Audits audits, ActionPlan plan, LearningRules rules, AgencyDirectory agencies, LearningAccess access) {
        this.access = access;
        this.audits = audits;
        this.plan = plan;
        this.rules = rules;
        this.agencies = agencies;
    }

    @GetMapping("/learning/audits")
    String list(@AuthenticationPrincipal CanopyUser user, Model model) {
        model.addAttribute("audits", audits.audits(user.partnershipId()));
        model.addAttribute("mayEdit", rules.mayEdit(user));
        model.addAttribute("agencies", agencies.agencies(user.partnershipId()));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "learning/audits";
    }

    @PostMapping("/learning/audits")
    String add(@AuthenticationPrincipal CanopyUser user, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return FormSubmission.on(model).keeping("form", form).submit(() -> {
            var added = audits.add(user, form);
            redirect.addFlashAttribute("success", "The audit was recorded");
            return "redirect:/learning/audits/" + added.id();
        }, () -> list(user, model));
    }

    @GetMapping("/learning/audits/{id}")
    String audit(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, Model model) {
        var audit = audits.audit(user.partnershipId(), id);
        model.addAttribute("audit", audit);
        model.addAttribute("recommendations", LearningAccess.shown(access.mayReadCases(user),
                plan.forSource(user.partnershipId(), SourceKind.AUDIT, id)));
        model.addAttribute("today", plan.today());
        model.addAttribute("mayEdit", rules.mayEdit(user));
        model.addAttribute("agencies", agencies.agencies(user.partnershipId()));
        if (!model.containsAttribute("form")) {
            var form = new HashMap<String, String>(Map.of("kind", audit.kind().name(), "title", audit.title(),
                    "agency", audit.agencyId() == null ? "" : audit.agencyId().toString(), "caseCount", text(audit.caseCount()),
                    "theme", text(audit.theme()), "findings", text(audit.findings())));
            form.putAll(DateInput.fields("reviewedOn", audit.reviewedOn()));
            form.putAll(DateInput.fields("workshopOn", audit.workshopOn()));
            form.putAll(DateInput.fields("followUpHeldOn", audit.followUpHeldOn()));
            model.addAttribute("form", form);
        }
        return "learning/audit";
    }

    @PostMapping("/learning/audits/{id}")
    String edit(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        return FormSubmission.on(model).keeping("form", form).conflictOn("title").submit(() -> {
            audits.edit(user, id, form, FormFields.version(form.get("version")));
            redirect.addFlashAttribute("success", "The audit was saved");
            return "redirect:/learning/audits/" + id;
        }, () -> audit(user, id, model));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
