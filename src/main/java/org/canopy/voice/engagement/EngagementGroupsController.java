package org.canopy.voice.engagement;

import java.util.HashMap;
import java.util.Map;
import org.canopy.partnership.CanopyUser;
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

/** The engagement groups' pages: the list with when each was last heard from, and each group with its visits and feedback. */
@Controller
class EngagementGroupsController {

    private final EngagementGroups groups;
    private final Canvassing canvassing;

    EngagementGroupsController(EngagementGroups groups, Canvassing canvassing) {
        this.groups = groups;
        this.canvassing = canvassing;
    }

    @GetMapping("/voice/engagement-groups")
    String list(@AuthenticationPrincipal CanopyUser user, Model model) {
        model.addAttribute("rows", groups.rows(user.partnershipId()));
        model.addAttribute("months", groups.heardLatelyMonths());
        model.addAttribute("mayEdit", user.isAdministrator());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "voice/engagement-groups";
    }

    @PostMapping("/voice/engagement-groups")
    String add(@AuthenticationPrincipal CanopyUser user, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        EngagementGroups.requireCoordinator(user);
        return FormSubmission.on(model).keeping("form", form).conflictOn("name").submit(() -> {
            var added = groups.add(user, form.get("name"), form.get("description"));
            redirect.addFlashAttribute("success", "The engagement group " + added.name() + " was added");
            return "redirect:/voice/engagement-groups/" + added.id();
        }, () -> list(user, model));
    }

    @GetMapping("/voice/engagement-groups/{id}")
    String group(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, Model model) {
        var row = groups.row(user.partnershipId(), id);
        model.addAttribute("row", row);
        model.addAttribute("group", row.group());
        model.addAttribute("months", groups.heardLatelyMonths());
        model.addAttribute("visits", canvassing.visitsTo(user.partnershipId(), id));
        model.addAttribute("feedback", groups.feedbackHeard(user.partnershipId(), id));
        model.addAttribute("mayEdit", user.isAdministrator());
        model.addAttribute("mayPlan", canvassing.mayPlan(user) && row.group().active());
        if (!model.containsAttribute("form")) {
            var form = new HashMap<String, String>();
            form.put("name", row.group().name());
            form.put("description", row.group().description() == null ? "" : row.group().description());
            form.put("active", String.valueOf(row.group().active()));
            form.put("version", String.valueOf(row.group().version()));
            model.addAttribute("form", form);
        }
        return "voice/engagement-group";
    }

    @PostMapping("/voice/engagement-groups/{id}")
    String edit(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        EngagementGroups.requireCoordinator(user);
        return FormSubmission.on(model).keeping("form", form).conflictOn("name").submit(() -> {
            groups.edit(user, id, form.get("name"), form.get("description"), "true".equals(form.get("active")),
                    FormFields.version(form.get("version")));
            redirect.addFlashAttribute("success", "The engagement group was saved");
            return "redirect:/voice/engagement-groups/" + id;
        }, () -> group(user, id, model));
    }
}
