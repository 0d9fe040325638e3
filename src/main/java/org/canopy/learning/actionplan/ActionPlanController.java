package org.canopy.learning.actionplan;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.canopy.learning.access.LearningAccess;
import org.canopy.learning.access.LearningRules;
import org.canopy.learning.library.LearningLibrary;
import org.canopy.learning.sources.Source;
import org.canopy.partnership.AgencyDirectory;
import org.canopy.partnership.CanopyUser;
import org.canopy.reporting.TableExport;
import org.canopy.web.FormFields;
import org.canopy.web.DateInput;
import org.canopy.web.DateInput.Range;
import org.canopy.web.FieldProblem;
import org.canopy.web.FormSubmission;
import org.canopy.web.InvalidInput;
import org.springframework.http.ContentDisposition;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages of the one action plan: the register with its overdue list, adding a recommendation (with the
 * similar ones already there, to attach the new source instead), a recommendation's page, and exports.
 */
@Controller
public class ActionPlanController {

    private final ActionPlan plan;
    private final LearningLibrary library;
    private final LearningRules rules;
    private final AgencyDirectory agencies;
    private final LearningAccess access;

    ActionPlanController(ActionPlan plan, LearningLibrary library, LearningRules rules, AgencyDirectory agencies, LearningAccess access) {
        this.access = access;
        this.plan = plan;
        this.library = library;
        this.rules = rules;
        this.agencies = agencies;
    }

    @GetMapping("/learning/action-plan")
    String list(@AuthenticationPrincipal CanopyUser user, Model model) {
        boolean caseReader = access.mayReadCases(user);
        model.addAttribute("recommendations", LearningAccess.shown(caseReader, plan.recommendations(user.partnershipId())));
        model.addAttribute("overdue", LearningAccess.shown(caseReader, plan.overdue(user.partnershipId())));
        model.addAttribute("today", plan.today());
        model.addAttribute("mayEdit", rules.mayEdit(user));
        return "learning/action-plan";
    }

    @GetMapping("/learning/action-plan/new")
    String newForm(@AuthenticationPrincipal CanopyUser user, @RequestParam(required = false) String source, Model model) {
        rules.requireEditor(user, "change the action plan");
        var form = new HashMap<String, String>();
        if (source != null) {
            form.put("source", source);
        }
        return form(user, form, List.of(), model);
    }

    /** Adds the recommendation, unless similar ones exist and the person has not yet chosen to add it anyway. */
    @PostMapping("/learning/action-plan")
    String add(@AuthenticationPrincipal CanopyUser user, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        rules.requireEditor(user, "change the action plan");
        return FormSubmission.on(model).submit(() -> {
            var problems = new ArrayList<FieldProblem>();
            var source = Source.parseKey(form.get("source")).flatMap(k -> library.sources(user.partnershipId()).stream()
                    .filter(s -> s.kind() == k.kind() && s.id() == k.id()).findFirst());
            if (source.isEmpty()) {
                problems.add(FieldProblem.of("source", "Choose the review or audit the recommendation comes from"));
            }
            Long owner = owner(form.get("owner"), problems);
            var due = due(form, problems);
            if (!problems.isEmpty()) {
                throw new InvalidInput(problems);
            }
            if (!"new".equals(form.get("confirm"))) {
                boolean caseReader = access.mayReadCases(user);
                var similar = plan.similar(user.partnershipId(), form.get("text")).stream()
                        .map(s -> new ActionPlan.Similar(LearningAccess.shown(caseReader, s.recommendation()), s.score())).toList();
                if (!similar.isEmpty()) {
                    return form(user, form, similar, model);
                }
            }
            var added = plan.addRecommendation(user, source.get().kind(), source.get().id(), source.get().title(), form.get("text"),
                    ActionPlan.parseThemes(form.get("themes")), owner, due);
            redirect.addFlashAttribute("success", "The recommendation was added to the action plan");
            return "redirect:/learning/action-plan/" + added.id();
        }, () -> form(user, form, List.of(), model));
    }

    /** Links an existing recommendation to another source instead of adding a duplicate. */
    @PostMapping("/learning/action-plan/{id}/sources")
    String attach(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @RequestParam String source, RedirectAttributes redirect) {
        var chosen = library.source(user.partnershipId(), source);
        try {
            plan.attachSource(user, id, chosen);
            redirect.addFlashAttribute("success", "The recommendation now also comes from " + chosen.label());
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("failure", e.getMessage());
        }
        return "redirect:/learning/action-plan/" + id;
    }

    @GetMapping("/learning/action-plan/{id}")
    String recommendation(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, Model model) {
        boolean caseReader = access.mayReadCases(user);
        var r = LearningAccess.shown(caseReader, plan.recommendation(user.partnershipId(), id));
        model.addAttribute("r", r);
        model.addAttribute("today", plan.today());
        model.addAttribute("mayEdit", rules.mayEdit(user));
        model.addAttribute("mayUpdate", rules.mayUpdateStatus(user, r.ownerAgencyId()));
        model.addAttribute("agencies", agencies.agencies(user.partnershipId()));
        model.addAttribute("sources", library.sources(user.partnershipId(), caseReader).stream().filter(s -> !r.sources().contains(s)).toList());
        model.addAttribute("statuses", List.of(ActionPlan.Status.OPEN, ActionPlan.Status.IN_PROGRESS, ActionPlan.Status.COMPLETE));
        if (!model.containsAttribute("form")) {
            var form = new HashMap<String, String>();
            form.put("status", r.stored().name());
            form.put("evidence", r.evidence());
            form.put("text", r.text());
            form.put("themes", String.join(", ", r.themes()));
            form.put("owner", r.ownerAgencyId() == null ? "" : r.ownerAgencyId().toString());
            form.putAll(DateInput.fields("due", r.due()));
            model.addAttribute("form", form);
        }
        return "learning/recommendation";
    }

    @PostMapping("/learning/action-plan/{id}/status")
    String status(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        return FormSubmission.on(model).keeping("form", form).conflictOn("status").submit(() -> {
            plan.updateStatus(user, id, form.get("status"), form.get("evidence"), FormFields.version(form.get("version")));
            redirect.addFlashAttribute("success", "The status was updated");
            return "redirect:/learning/action-plan/" + id;
        }, () -> recommendation(user, id, model));
    }

    @PostMapping("/learning/action-plan/{id}/edit")
    String edit(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        return FormSubmission.on(model).keeping("form", form).conflictOn("text").submit(() -> {
            var problems = new ArrayList<FieldProblem>();
            Long owner = owner(form.get("owner"), problems);
            var due = due(form, problems);
            if (!problems.isEmpty()) {
                throw new InvalidInput(problems);
            }
            plan.edit(user, id, form.get("text"), ActionPlan.parseThemes(form.get("themes")), owner, due, FormFields.version(form.get("version")));
            redirect.addFlashAttribute("success", "The recommendation was saved");
            return "redirect:/learning/action-plan/" + id;
        }, () -> recommendation(user, id, model));
    }

    @GetMapping("/learning/action-plan/export.{format:csv|xlsx}")
    void export(@AuthenticationPrincipal CanopyUser user, @PathVariable String format, HttpServletResponse response) throws IOException {
        var today = plan.today();
        List<List<Object>> rows = new ArrayList<>();
        for (var r : LearningAccess.shown(access.mayReadCases(user), plan.recommendations(user.partnershipId()))) {
            rows.add(java.util.Arrays.asList(r.id(), r.text(), r.sourceLabel(), String.join(", ", r.themes()), r.ownerAgency(), r.due(),
                    r.statusOn(today).label(), r.evidence(), r.completedOn()));
        }
        var table = new TableExport.Table("Action plan", List.of("Id", "Recommendation", "Sources", "Themes", "Owner agency", "Due",
                "Status", "Evidence of completion", "Completed on"), rows);
        response.setContentType("csv".equals(format) ? "text/csv;charset=UTF-8"
                : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", ContentDisposition.attachment().filename("action-plan." + format).build().toString());
        if ("csv".equals(format)) {
            TableExport.csv(table, response.getOutputStream());
        } else {
            TableExport.xlsx(table, response.getOutputStream());
        }
    }

    private String form(CanopyUser user, Map<String, String> form, List<ActionPlan.Similar> similar, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("similar", similar);
        var sources = library.sources(user.partnershipId(), access.mayReadCases(user));
        model.addAttribute("sources", sources);
        model.addAttribute("agencies", agencies.agencies(user.partnershipId()));
        String key = form.get("source");
        model.addAttribute("chosenSource", key == null ? null : sources.stream()
                .filter(s -> s.key().equals(key)).findFirst().orElse(null));
        return "learning/recommendation-form";
    }

    /** The recommendation's due date from its date input: planned, so at most a few years ahead. */
    private LocalDate due(Map<String, String> form, List<FieldProblem> problems) {
        return DateInput.fromForm(form::get, "due").read("due", "The due date", false, Range.PLANNED, plan.today(), problems);
    }

    static Long owner(String text, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            problems.add(FieldProblem.of("owner", "Choose an agency of the partnership"));
            return null;
        }
    }
}
