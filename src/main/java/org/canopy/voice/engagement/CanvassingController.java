package org.canopy.voice.engagement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.canopy.partnership.CanopyUser;
import org.canopy.web.DateInput;
import org.canopy.web.FormFields;
import org.canopy.web.FormSubmission;
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

/**
 * The canvasser programme's pages: the programme (priorities without children's input, questions, visits), asking a
 * question and opening or closing it, planning a visit and recording what was heard.
 */
@Controller
class CanvassingController {

    private final Canvassing canvassing;
    private final EngagementGroups groups;

    CanvassingController(Canvassing canvassing, EngagementGroups groups) {
        this.canvassing = canvassing;
        this.groups = groups;
    }

    @GetMapping("/voice/canvassing")
    String programme(@AuthenticationPrincipal CanopyUser user, Model model) {
        model.addAttribute("unheard", canvassing.unheardPriorities(user.partnershipId()));
        model.addAttribute("questions", canvassing.questions(user.partnershipId()));
        model.addAttribute("visits", canvassing.visits(user.partnershipId()));
        model.addAttribute("mayAsk", canvassing.mayAsk(user));
        model.addAttribute("mayPlan", canvassing.mayPlan(user));
        return "voice/canvassing";
    }

    // ---- questions

    @GetMapping("/voice/canvassing/questions/new")
    String questionForm(@AuthenticationPrincipal CanopyUser user, @RequestParam(required = false) String priority, Model model) {
        if (!canvassing.mayAsk(user)) {
            throw new AccessDeniedException("Only the partnership coordinator or a group chair asks a canvassing question");
        }
        model.addAttribute("askingGroups", canvassing.askingGroups(user));
        model.addAttribute("priorities", canvassing.priorities(user.partnershipId()));
        if (!model.containsAttribute("form")) {
            var form = new HashMap<String, String>();
            form.put("forPriority", priority == null ? "" : priority);
            model.addAttribute("form", form);
        }
        return "voice/canvassing-question-new";
    }

    @PostMapping("/voice/canvassing/questions")
    String ask(@AuthenticationPrincipal CanopyUser user, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return FormSubmission.on(model).keeping("form", form).submit(() -> {
            var asked = canvassing.ask(user, form.get("text"), form.get("askedByGroup"), form.get("forPriority"));
            redirect.addFlashAttribute("success", "The question was added to the canvasser programme");
            return "redirect:/voice/canvassing/questions/" + asked.id();
        }, () -> questionForm(user, null, model));
    }

    @GetMapping("/voice/canvassing/questions/{id}")
    String question(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, Model model) {
        model.addAttribute("q", canvassing.questionView(user.partnershipId(), id));
        model.addAttribute("visits", canvassing.visitsTaking(user.partnershipId(), id));
        model.addAttribute("mayAsk", canvassing.mayAsk(user));
        return "voice/canvassing-question";
    }

    @PostMapping("/voice/canvassing/questions/{id}/status")
    String setOpen(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        return FormSubmission.on(model).submit(() -> {
            boolean open = "true".equals(form.get("open"));
            canvassing.setOpen(user, id, open, FormFields.version(form.get("version")));
            redirect.addFlashAttribute("success", open ? "The question was reopened" : "The question was closed");
            return "redirect:/voice/canvassing/questions/" + id;
        }, () -> question(user, id, model));
    }

    // ---- visits

    @GetMapping("/voice/canvassing/visits/new")
    String visitForm(@AuthenticationPrincipal CanopyUser user, @RequestParam(required = false) String group, Model model) {
        if (!canvassing.mayPlan(user)) {
            throw new AccessDeniedException("Only the partnership coordinator, a group chair or an agency contributor plans a visit");
        }
        choices(user, null, model);
        if (!model.containsAttribute("form")) {
            var form = new HashMap<String, Object>();
            form.put("group", group == null ? "" : group);
            form.put("status", VisitStatus.PLANNED.name());
            form.put("agency", user.agencyId() == null ? "" : String.valueOf(user.agencyId()));
            form.put("questions", List.of());
            model.addAttribute("form", form);
        }
        return "voice/canvassing-visit-new";
    }

    @PostMapping("/voice/canvassing/visits")
    String plan(@AuthenticationPrincipal CanopyUser user, @RequestParam MultiValueMap<String, String> params, Model model,
            RedirectAttributes redirect) {
        var form = form(params);
        return FormSubmission.on(model).keeping("form", form).submit(() -> {
            var visit = canvassing.plan(user, input(params));
            redirect.addFlashAttribute("success", visit.status() == VisitStatus.DONE ? "The visit was recorded" : "The visit was planned");
            return "redirect:/voice/canvassing/visits/" + visit.id();
        }, () -> visitForm(user, null, model));
    }

    @GetMapping("/voice/canvassing/visits/{id}")
    String visit(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, Model model) {
        var view = canvassing.visitView(user.partnershipId(), id);
        var v = view.visit();
        model.addAttribute("v", view);
        boolean mayRecord = canvassing.mayRecord(user, v);
        model.addAttribute("mayRecord", mayRecord);
        if (mayRecord) {
            choices(user, v, model);
        }
        if (!model.containsAttribute("form")) {
            var form = new HashMap<String, Object>();
            form.put("group", String.valueOf(v.engagementGroupId()));
            form.put("agency", v.agencyId() == null ? "" : String.valueOf(v.agencyId()));
            form.put("canvasser", v.canvasser() == null ? "" : v.canvasser());
            form.putAll(DateInput.fields("visitedOn", v.visitedOn()));
            form.put("status", v.status().name());
            form.put("purpose", v.purpose() == null ? "" : v.purpose());
            form.put("heard", v.heard() == null ? "" : v.heard());
            form.put("questions", view.questions().stream().map(q -> String.valueOf(q.id())).toList());
            form.put("version", String.valueOf(v.version()));
            model.addAttribute("form", form);
        }
        return "voice/canvassing-visit";
    }

    @PostMapping("/voice/canvassing/visits/{id}")
    String record(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @RequestParam MultiValueMap<String, String> params,
            Model model, RedirectAttributes redirect) {
        var form = form(params);
        return FormSubmission.on(model).keeping("form", form).conflictOn("status").submit(() -> {
            canvassing.record(user, id, input(params), FormFields.version(params.getFirst("version")));
            redirect.addFlashAttribute("success", "The visit was saved");
            return "redirect:/voice/canvassing/visits/" + id;
        }, () -> visit(user, id, model));
    }

    private void choices(CanopyUser user, Canvassing.Visit current, Model model) {
        model.addAttribute("engagementGroups", groups.all(user.partnershipId()).stream()
                .filter(g -> g.active() || (current != null && current.engagementGroupId() == g.id())).toList());
        model.addAttribute("agencies", canvassing.agencyChoices(user, current == null ? null : current.agencyId()));
        var already = current == null ? java.util.Set.<Long>of() : canvassing.questionIds(current.id());
        model.addAttribute("openQuestions", canvassing.questions(user.partnershipId()).stream()
                .filter(q -> q.question().open() || already.contains(q.question().id())).toList());
        model.addAttribute("statuses", VisitStatus.values());
        model.addAttribute("ownAgencyOnly", user.role() == org.canopy.partnership.Role.AGENCY_CONTRIBUTOR);
    }

    private static Map<String, Object> form(MultiValueMap<String, String> params) {
        var form = new HashMap<String, Object>();
        params.forEach((k, v) -> form.put(k, v.isEmpty() ? "" : v.get(0)));
        form.put("questions", params.getOrDefault("questions", List.of()));
        return form;
    }

    private static Canvassing.VisitInput input(MultiValueMap<String, String> params) {
        return new Canvassing.VisitInput(params.getFirst("group"), params.getFirst("agency"), params.getFirst("canvasser"),
                DateInput.fromForm(params::getFirst, "visitedOn"), params.getFirst("status"), params.getFirst("purpose"),
                params.getFirst("heard"), new ArrayList<>(params.getOrDefault("questions", List.of())));
    }
}
