package org.canopy.risk.register;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.canopy.governance.GroupSummary;
import org.canopy.governance.Groups;
import org.canopy.partnership.AgencyDirectory;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.People;
import org.canopy.plan.PlanPriorities;
import org.canopy.plan.PriorityRef;
import org.canopy.reporting.TableExport;
import org.canopy.web.DateInput;
import org.canopy.web.FormFields;
import org.canopy.web.FormSubmission;
import org.canopy.web.NotFound;
import org.springframework.http.ContentDisposition;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of the register: the overview with its heat map, each risk, and the forms to add, change, score, review and close one. */
@Controller
class RisksController {

    private final Risks risks;
    private final AgencyDirectory agencies;
    private final People people;
    private final Groups groups;
    private final PlanPriorities priorities;

    RisksController(Risks risks, AgencyDirectory agencies, People people, Groups groups, PlanPriorities priorities) {
        this.risks = risks;
        this.agencies = agencies;
        this.people = people;
        this.groups = groups;
        this.priorities = priorities;
    }

    @GetMapping("/risks")
    String overview(@AuthenticationPrincipal CanopyUser user, @RequestParam(defaultValue = "current") String scores, Model model) {
        var which = Arrays.stream(Score.Which.values()).filter(w -> w.name().equalsIgnoreCase(scores)).findFirst()
                .orElse(Score.Which.CURRENT);
        var all = risks.all(user);
        model.addAttribute("risks", all);
        model.addAttribute("top", risks.top(all).stream().limit(10).toList());
        model.addAttribute("overdue", risks.overdue(all));
        model.addAttribute("counts", risks.counts(all));
        model.addAttribute("statuses", RiskStatus.values());
        model.addAttribute("heat", risks.heatMap(all, which));
        model.addAttribute("which", which);
        model.addAttribute("whiches", Score.Which.values());
        model.addAttribute("tolerance", risks.tolerance());
        model.addAttribute("owners", owners(user, all));
        model.addAttribute("today", risks.today());
        model.addAttribute("mayAdd", risks.mayAdd(user));
        return "risk/overview";
    }

    @GetMapping("/risks.{format}")
    void download(@AuthenticationPrincipal CanopyUser user, @PathVariable String format, HttpServletResponse response) throws IOException {
        if (!format.equals("csv") && !format.equals("xlsx")) {
            throw new NotFound("The download");
        }
        var all = risks.all(user);
        var owners = owners(user, all);
        var priorityNames = priorities.priorities(user.partnershipId()).stream()
                .collect(Collectors.toMap(PriorityRef::id, PriorityRef::title));
        var groupNames = groups.all(user.partnershipId()).stream().collect(Collectors.toMap(GroupSummary::id, GroupSummary::name));
        List<List<Object>> rows = new ArrayList<>();
        for (var r : all) {
            rows.add(Arrays.asList(r.id(), r.title(), r.cause(), r.effect(), owners.get(r.id()),
                    r.priorityIds().stream().map(priorityNames::get).collect(Collectors.joining("; ")),
                    r.groupIds().stream().map(groupNames::get).collect(Collectors.joining("; ")), String.join("; ", r.controls()),
                    part(r.inherent(), true), part(r.inherent(), false), total(r.inherent()), part(r.current(), true), part(r.current(), false),
                    total(r.current()), part(r.target(), true), part(r.target(), false), total(r.target()), r.targetDate(),
                    r.cadence() == null ? null : r.cadence().label(), r.reviewDue(), r.status().label(), r.response(), r.closingNote()));
        }
        var table = new TableExport.Table("Risk register", List.of("Id", "Risk", "Cause", "Effect", "Owner", "Priorities", "Groups",
                "Controls", "Inherent likelihood", "Inherent impact", "Inherent score", "Current likelihood", "Current impact",
                "Current score", "Target likelihood", "Target impact", "Target score", "Target date", "Review cadence", "Next review",
                "Status", "Response", "Closing note"), rows);
        boolean csv = format.equals("csv");
        response.setContentType(csv ? "text/csv; charset=UTF-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition",
                ContentDisposition.attachment().filename(table.title() + "." + format, StandardCharsets.UTF_8).build().toString());
        if (csv) {
            TableExport.csv(table, response.getOutputStream());
        } else {
            TableExport.xlsx(table, response.getOutputStream());
        }
    }

    @GetMapping("/risks/new")
    String newForm(@AuthenticationPrincipal CanopyUser user, Model model) {
        if (!risks.mayAdd(user)) {
            throw new AccessDeniedException("Only the coordinator, a group chair or an agency contributor adds a risk");
        }
        if (!model.containsAttribute("form")) {
            var form = new HashMap<String, Object>();
            if (user.agencyId() != null) {
                form.put("ownerAgencyId", String.valueOf(user.agencyId()));
            }
            form.put("status", "OPEN");
            model.addAttribute("form", form);
        }
        return riskForm(user, null, model);
    }

    @PostMapping("/risks")
    String add(@AuthenticationPrincipal CanopyUser user, @RequestParam MultiValueMap<String, String> params, Model model,
            RedirectAttributes redirect) {
        var form = form(params);
        return FormSubmission.on(model).keeping("form", form).submit(() -> {
            var added = risks.add(user, input(params));
            redirect.addFlashAttribute("success", "The risk " + added.title() + " was added");
            return "redirect:/risks/" + added.id();
        }, () -> newForm(user, model));
    }

    @GetMapping("/risks/{id}")
    String risk(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, Model model) {
        var r = risks.risk(user, id);
        model.addAttribute("risk", r);
        model.addAttribute("owner", risks.ownerText(user.partnershipId(), r));
        model.addAttribute("priorities", priorities.priorities(user.partnershipId()).stream().filter(p -> r.priorityIds().contains(p.id()))
                .toList());
        model.addAttribute("groups", groups.byIds(user.partnershipId(), r.groupIds()));
        model.addAttribute("actions", risks.actions(id));
        model.addAttribute("reviews", risks.reviews(id));
        model.addAttribute("history", risks.history(id));
        model.addAttribute("names", people.displayNames(user.partnershipId()));
        model.addAttribute("whiches", Score.Which.values());
        model.addAttribute("tolerance", risks.tolerance());
        model.addAttribute("today", risks.today());
        model.addAttribute("mayEdit", risks.mayEdit(user, r));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "risk/risk";
    }

    @GetMapping("/risks/{id}/edit")
    String editForm(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, Model model) {
        var r = editable(user, id);
        if (!model.containsAttribute("form")) {
            var form = new HashMap<String, Object>();
            form.put("title", r.title());
            form.put("cause", r.cause());
            form.put("effect", r.effect());
            form.put("ownerAgencyId", r.ownerAgencyId() == null ? "" : String.valueOf(r.ownerAgencyId()));
            form.put("ownerPerson", r.ownerPerson());
            form.put("ownerUserId", r.ownerUserId() == null ? "" : String.valueOf(r.ownerUserId()));
            form.put("priorityIds", r.priorityIds().stream().map(String::valueOf).toList());
            form.put("groupIds", r.groupIds().stream().map(String::valueOf).toList());
            form.put("controls", String.join("\n", r.controls()));
            form.put("cadence", r.cadence() == null ? "" : r.cadence().name());
            form.put("status", r.status().name());
            form.put("version", String.valueOf(r.version()));
            model.addAttribute("form", form);
        }
        return riskForm(user, r, model);
    }

    @PostMapping("/risks/{id}")
    String edit(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @RequestParam MultiValueMap<String, String> params,
            Model model, RedirectAttributes redirect) {
        var form = form(params);
        return FormSubmission.on(model).keeping("form", form).conflictOn("title").submit(() -> {
            risks.edit(user, id, input(params), FormFields.version(params.getFirst("version")));
            redirect.addFlashAttribute("success", "The risk was changed");
            return "redirect:/risks/" + id;
        }, () -> editForm(user, id, model));
    }

    @GetMapping("/risks/{id}/scores")
    String scoreForm(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, Model model) {
        var r = editable(user, id);
        model.addAttribute("risk", r);
        model.addAttribute("whiches", Score.Which.values());
        model.addAttribute("tolerance", risks.tolerance());
        if (!model.containsAttribute("form")) {
            var form = new HashMap<String, Object>();
            for (var w : Score.Which.values()) {
                var s = r.score(w);
                String key = w.name().toLowerCase();
                form.put(key + "Likelihood", s == null ? "" : String.valueOf(s.likelihood()));
                form.put(key + "Impact", s == null ? "" : String.valueOf(s.impact()));
            }
            form.putAll(DateInput.fields("targetDate", r.targetDate()));
            form.put("version", String.valueOf(r.version()));
            model.addAttribute("form", form);
        }
        return "risk/scores";
    }

    @PostMapping("/risks/{id}/scores")
    String score(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        return FormSubmission.on(model).keeping("form", form).conflictOn("currentLikelihood").submit(() -> {
            var scores = new EnumMap<Score.Which, Risks.ScoreInput>(Score.Which.class);
            for (var w : Score.Which.values()) {
                String key = w.name().toLowerCase();
                scores.put(w, new Risks.ScoreInput(form.get(key + "Likelihood"), form.get(key + "Impact")));
            }
            risks.score(user, id, scores, DateInput.fromForm(form::get, "targetDate"), form.get("why"), FormFields.version(form.get("version")));
            redirect.addFlashAttribute("success", "The scores were recorded");
            return "redirect:/risks/" + id;
        }, () -> scoreForm(user, id, model));
    }

    @GetMapping("/risks/{id}/review")
    String reviewForm(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, Model model) {
        var r = editable(user, id);
        model.addAttribute("risk", r);
        model.addAttribute("tolerance", risks.tolerance());
        if (!model.containsAttribute("form")) {
            var form = new HashMap<String, Object>(DateInput.fields("reviewedOn", risks.today()));
            form.put("version", String.valueOf(r.version()));
            model.addAttribute("form", form);
        }
        return "risk/review";
    }

    @PostMapping("/risks/{id}/reviews")
    String review(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        return FormSubmission.on(model).keeping("form", form).conflictOn("note").submit(() -> {
            risks.review(user, id, DateInput.fromForm(form::get, "reviewedOn"), form.get("note"),
                    new Risks.ScoreInput(form.get("currentLikelihood"), form.get("currentImpact")), FormFields.version(form.get("version")));
            redirect.addFlashAttribute("success", "The review was recorded");
            return "redirect:/risks/" + id;
        }, () -> reviewForm(user, id, model));
    }

    @GetMapping("/risks/{id}/close")
    String closeForm(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, Model model) {
        var r = editable(user, id);
        model.addAttribute("risk", r);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of("version", String.valueOf(r.version())));
        }
        return "risk/close";
    }

    @PostMapping("/risks/{id}/close")
    String close(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        return FormSubmission.on(model).keeping("form", form).conflictOn("closingNote").submit(() -> {
            risks.close(user, id, form.get("closingNote"), FormFields.version(form.get("version")));
            redirect.addFlashAttribute("success", "The risk was closed");
            return "redirect:/risks/" + id;
        }, () -> closeForm(user, id, model));
    }

    @PostMapping("/risks/{id}/actions")
    String addAction(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        editable(user, id);
        return FormSubmission.on(model).keeping("form", form).conflictOn("what").submit(() -> {
            risks.addAction(user, id, form.get("what"), form.get("actionOwner"), DateInput.fromForm(form::get, "due"),
                    FormFields.version(form.get("version")));
            redirect.addFlashAttribute("success", "The action was added");
            return "redirect:/risks/" + id;
        }, () -> risk(user, id, model));
    }

    @PostMapping("/risks/{id}/actions/{actionId}/done")
    String actionDone(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @PathVariable long actionId,
            @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        editable(user, id);
        return FormSubmission.on(model).keeping("form", form).conflictOn("what").submit(() -> {
            risks.actionDone(user, id, actionId, FormFields.version(form.get("version")));
            redirect.addFlashAttribute("success", "The action was marked done");
            return "redirect:/risks/" + id;
        }, () -> risk(user, id, model));
    }

    private Risk editable(CanopyUser user, long id) {
        var r = risks.risk(user, id);
        if (!risks.mayEdit(user, r)) {
            throw new AccessDeniedException("Only the coordinator, the chair of a group the risk bears on or the owning agency changes a risk");
        }
        return r;
    }

    private String riskForm(CanopyUser user, Risk r, Model model) {
        model.addAttribute("risk", r);
        model.addAttribute("agencies", agencies.agencies(user.partnershipId()).stream().filter(a -> a.active()).toList());
        model.addAttribute("people", people.inPartnership(user.partnershipId()).stream().filter(p -> p.enabled()).toList());
        model.addAttribute("priorities", priorities.priorities(user.partnershipId()));
        model.addAttribute("groups", groups.all(user.partnershipId()));
        model.addAttribute("cadences", Cadence.values());
        model.addAttribute("statuses", List.of(RiskStatus.OPEN, RiskStatus.TREATED, RiskStatus.TOLERATED));
        return "risk/form";
    }

    private Map<Long, String> owners(CanopyUser user, List<Risk> all) {
        return risks.owners(user.partnershipId(), all);
    }

    private static Map<String, Object> form(MultiValueMap<String, String> params) {
        var form = new HashMap<String, Object>();
        params.forEach((k, v) -> form.put(k, k.equals("priorityIds") || k.equals("groupIds") ? v : (v.isEmpty() ? null : v.get(0))));
        return form;
    }

    private static Risks.RiskInput input(MultiValueMap<String, String> p) {
        return new Risks.RiskInput(p.getFirst("title"), p.getFirst("cause"), p.getFirst("effect"), p.getFirst("ownerAgencyId"),
                p.getFirst("ownerPerson"), p.getFirst("ownerUserId"), p.get("priorityIds"), p.get("groupIds"), p.getFirst("controls"),
                p.getFirst("cadence"), p.getFirst("status"));
    }

    private static Integer part(Score s, boolean likelihood) {
        return s == null ? null : likelihood ? s.likelihood() : s.impact();
    }

    private static Integer total(Score s) {
        return s == null ? null : s.score();
    }
}
