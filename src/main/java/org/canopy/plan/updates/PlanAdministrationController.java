package org.canopy.plan.updates;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.canopy.partnership.CanopyUser;
import org.canopy.plan.files.PlanFileReader;
import org.canopy.plan.plans.PlanStore;
import org.canopy.reporting.TableExport;
import org.canopy.web.DateInput;
import org.canopy.web.FormSubmission;
import org.canopy.web.InvalidInput;
import org.canopy.web.NotFound;
import org.springframework.http.ContentDisposition;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Update rounds, loading a plan from a file, and the plan's exports. */
@Controller
class PlanAdministrationController {

    private final PlanStore plans;
    private final PlanFileReader reader;
    private final UpdateRounds rounds;
    private final ActionUpdates updates;
    private final ActionUpdaters updaters;

    PlanAdministrationController(PlanStore plans, PlanFileReader reader, UpdateRounds rounds, ActionUpdates updates,
            ActionUpdaters updaters) {
        this.plans = plans;
        this.reader = reader;
        this.rounds = rounds;
        this.updates = updates;
        this.updaters = updaters;
    }

    @GetMapping("/plans/{id}/rounds")
    String rounds(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, Model model) {
        var plan = plans.plan(user.partnershipId(), id).orElseThrow(() -> new NotFound("The plan"));
        var all = rounds.rounds(id);
        var open = rounds.openRound(id).orElse(null);
        model.addAttribute("plan", plan);
        model.addAttribute("rounds", all);
        model.addAttribute("openRound", open);
        if (open != null && user.isAdministrator()) {
            var stored = updates.updatesFor(id, open.period());
            model.addAttribute("late", updates.late(open));
            model.addAttribute("outstanding", updates.outstanding(user, plan, open));
            model.addAttribute("updatedCount", stored.size());
            model.addAttribute("actionCount", plan.actions().size());
            model.addAttribute("flagged", plan.actions().stream().filter(a -> stored.containsKey(a.id())
                    && stored.get(a.id()).flagged()).toList());
        }
        // Every role sees which actions nobody can update: a gap in the plan's leadership, naming no one.
        model.addAttribute("unassigned", updaters.responsibility(user.partnershipId(), plan).stream()
                .filter(ActionUpdaters.Responsible::nobody).toList());
        if (user.isAdministrator()) {
            model.addAttribute("assignable", updaters.assignable(user.partnershipId()));
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "plan/rounds";
    }

    @PostMapping("/plans/{id}/rounds/updaters")
    String assignUpdater(@AuthenticationPrincipal CanopyUser user, @PathVariable long id,
            @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return FormSubmission.on(model).keeping("form", form).submit(() -> {
            var assignment = updaters.assign(user, id(form.get("updaterAction")), id(form.get("updater")));
            redirect.addFlashAttribute("success", assignment.person() + " now updates action " + assignment.action());
            return "redirect:/plans/" + id + "/rounds";
        }, () -> rounds(user, id, model));
    }

    /** A chosen option's id, or null when nothing (or nothing sensible) was chosen. */
    private static Long id(String text) {
        try {
            return text == null || text.isBlank() ? null : Long.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @PostMapping("/plans/{id}/rounds")
    String openRound(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @RequestParam Map<String, String> form,
            Model model, RedirectAttributes redirect) {
        return FormSubmission.on(model).keeping("form", form).submit(() -> {
            var round = rounds.open(user, id, form.get("period"), DateInput.fromForm(form::get, "dueDate"));
            redirect.addFlashAttribute("success", "Opened the " + round.period() + " round");
            return "redirect:/plans/" + id + "/rounds";
        }, () -> rounds(user, id, model));
    }

    @PostMapping("/plans/{id}/rounds/{roundId}/close")
    String closeRound(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @PathVariable long roundId,
            RedirectAttributes redirect) {
        var round = rounds.close(user, id, roundId);
        redirect.addFlashAttribute("success", "Closed the " + round.period() + " round. It takes no more updates.");
        return "redirect:/plans/" + id + "/rounds";
    }

    @GetMapping("/admin/plans/load")
    String loadForm() {
        return "plan/load";
    }

    @PostMapping("/admin/plans/load")
    String load(@AuthenticationPrincipal CanopyUser admin, @RequestParam(required = false) MultipartFile file,
            Model model, RedirectAttributes redirect) throws IOException {
        // The problems name paths inside the file; on the page they all point at the file input.
        return FormSubmission.on(model).keeping("errorAnchor", "file").submit(() -> {
            if (file == null || file.isEmpty()) {
                throw new InvalidInput("file", "Choose a plan file (YAML or JSON) to load");
            }
            var planFile = reader.read(new String(file.getBytes(), StandardCharsets.UTF_8));
            long id = plans.load(admin.partnershipId(), admin.getUsername(), planFile);
            redirect.addFlashAttribute("success", "Loaded '" + planFile.title() + "'");
            return "redirect:/plans/" + id;
        }, () -> "plan/load");
    }

    @GetMapping("/plans/{id}/export.csv")
    void exportCsv(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, HttpServletResponse response)
            throws IOException {
        var table = table(user, id);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", attachment(table.title() + ".csv"));
        TableExport.csv(table, response.getOutputStream());
    }

    @GetMapping("/plans/{id}/export.xlsx")
    void exportXlsx(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, HttpServletResponse response)
            throws IOException {
        var table = table(user, id);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", attachment(table.title() + ".xlsx"));
        TableExport.xlsx(table, response.getOutputStream());
    }

    private static String attachment(String name) {
        return ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString();
    }

    /** The plan with its latest status: one row per action, with its priority and section roll-ups. */
    private TableExport.Table table(CanopyUser user, long id) {
        var plan = plans.plan(user.partnershipId(), id).orElseThrow(() -> new NotFound("The plan"));
        List<List<Object>> rows = new ArrayList<>();
        var bySection = new java.util.LinkedHashMap<org.canopy.plan.plans.PlanViews.PriorityView, org.canopy.plan.plans.PlanViews.SectionView>();
        plan.sections().forEach(s -> s.priorities().forEach(p -> bySection.put(p, s)));
        plan.unsectioned().forEach(p -> bySection.put(p, null));
        for (var entry : bySection.entrySet()) {
            var section = entry.getValue();
            var priority = entry.getKey();
            {
                for (var action : priority.actions()) {
                    var latest = action.latest();
                    var row = new ArrayList<Object>();
                    row.add(section == null ? null : section.number());
                    row.add(section == null ? null : section.title());
                    row.add(section == null ? null : section.status().label());
                    row.add(priority.number());
                    row.add(priority.title());
                    row.add(String.join("; ", priority.leadGroupNames()));
                    row.add(priority.status().label());
                    row.add(action.reference());
                    row.add(action.text());
                    row.add(action.crossCuttingText());
                    row.add(label(action.rag()));
                    row.add(latest == null ? null : latest.period());
                    row.add(latest == null ? null : latest.narrative());
                    row.add(latest == null ? null : latest.correctiveStep());
                    row.add(latest == null ? null : latest.evidenceUrl());
                    row.add(latest != null && latest.flagged() ? "Red with no corrective step" : null);
                    rows.add(row);
                }
            }
        }
        return new TableExport.Table(plan.title(), List.of("Section", "Section title", "Section status", "Priority",
                "Priority title", "Lead groups", "Priority status", "Action", "Action text", "Cross-cutting priorities",
                "Action status", "Latest update period", "Latest narrative", "Corrective step", "Evidence link", "Flag"),
                rows);
    }

    private static String label(org.canopy.plan.Rag rag) {
        return rag == null ? "No update" : rag.label();
    }
}
