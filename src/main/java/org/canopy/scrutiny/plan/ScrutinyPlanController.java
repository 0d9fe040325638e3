package org.canopy.scrutiny.plan;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.canopy.governance.GroupSummary;
import org.canopy.governance.Groups;
import org.canopy.partnership.CanopyUser;
import org.canopy.reporting.TableExport;
import org.canopy.scrutiny.access.Downloads;
import org.canopy.scrutiny.access.ScrutinyAccess;
import org.canopy.web.DateInput;
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

/** The scrutineer's workspace: the scrutiny plan under the scrutiny functions, its downloads, and each activity. */
@Controller
class ScrutinyPlanController {

    private final ScrutinyPlan plan;
    private final ScrutinyAccess access;
    private final Groups groups;

    ScrutinyPlanController(ScrutinyPlan plan, ScrutinyAccess access, Groups groups) {
        this.plan = plan;
        this.access = access;
        this.groups = groups;
    }

    @GetMapping("/scrutiny")
    String workspace(@AuthenticationPrincipal CanopyUser user, Model model) {
        model.addAttribute("activities", plan.activities(user));
        model.addAttribute("functions", ScrutinyFunction.values());
        model.addAttribute("kinds", ActivityKind.values());
        model.addAttribute("statuses", ActivityStatus.values());
        model.addAttribute("groupNames", groupNames(user));
        model.addAttribute("groups", groupChoices(user));
        model.addAttribute("mayEdit", access.keeps(user));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of("status", "PLANNED"));
        }
        return "scrutiny/workspace";
    }

    @PostMapping("/scrutiny/activities")
    String add(@AuthenticationPrincipal CanopyUser user, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return FormSubmission.on(model).keeping("form", form).submit(() -> {
            plan.add(user, form);
            redirect.addFlashAttribute("success", "The activity was added to the scrutiny plan");
            return "redirect:/scrutiny";
        }, () -> workspace(user, model));
    }

    @GetMapping("/scrutiny/activities/{id}")
    String activity(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, Model model) {
        var a = plan.activity(user, id);
        model.addAttribute("activity", a);
        model.addAttribute("functions", ScrutinyFunction.values());
        model.addAttribute("kinds", ActivityKind.values());
        model.addAttribute("statuses", ActivityStatus.values());
        model.addAttribute("groupNames", groupNames(user));
        model.addAttribute("groups", groupChoices(user));
        model.addAttribute("mayEdit", access.keeps(user));
        if (!model.containsAttribute("form")) {
            var form = new HashMap<String, String>();
            form.put("year", a.planYear());
            form.put("scrutinyFunction", a.scrutinyFunction() == null ? "" : a.scrutinyFunction().name());
            form.put("kind", a.kind().name());
            form.put("title", a.title());
            form.put("group", a.groupId() == null ? "" : a.groupId().toString());
            form.put("plannedQuarter", a.plannedQuarter() == null ? "" : a.plannedQuarter());
            form.put("status", a.status().name());
            form.put("findings", a.findings() == null ? "" : a.findings());
            form.putAll(DateInput.fields("plannedOn", a.plannedOn()));
            model.addAttribute("form", form);
        }
        return "scrutiny/activity";
    }

    @PostMapping("/scrutiny/activities/{id}")
    String edit(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        return FormSubmission.on(model).keeping("form", form).conflictOn("title").submit(() -> {
            plan.edit(user, id, form, FormFields.version(form.get("version")));
            redirect.addFlashAttribute("success", "The activity was saved");
            return "redirect:/scrutiny/activities/" + id;
        }, () -> activity(user, id, model));
    }

    @GetMapping("/scrutiny/plan.{format}")
    void download(@AuthenticationPrincipal CanopyUser user, @PathVariable String format, HttpServletResponse response) throws IOException {
        var names = groupNames(user);
        List<List<Object>> rows = new ArrayList<>();
        for (var a : plan.activities(user)) {
            rows.add(Arrays.asList(a.planYear(), a.scrutinyFunction() == null ? "Not stated" : a.scrutinyFunction().label(), a.kind().label(),
                    a.title(), a.groupId() == null ? null : names.get(a.groupId()), a.plannedOn(), a.plannedQuarter(), a.status().label(),
                    a.findings()));
        }
        Downloads.send(new TableExport.Table("Scrutiny plan", List.of("Year", "Scrutiny function", "Kind", "Activity", "Group",
                "Planned date", "Planned quarter", "Status", "What was found"), rows), format, response);
    }

    private Map<Long, String> groupNames(CanopyUser user) {
        var names = new HashMap<Long, String>();
        groups.all(user.partnershipId()).forEach(g -> names.put(g.id(), g.name()));
        return names;
    }

    private List<GroupSummary> groupChoices(CanopyUser user) {
        return access.keeps(user) ? groups.all(user.partnershipId()) : List.of();
    }
}
