package org.canopy.scrutiny.challenges;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.People;
import org.canopy.reporting.TableExport;
import org.canopy.scrutiny.access.Downloads;
import org.canopy.web.DateInput;
import org.canopy.web.FormFields;
import org.canopy.web.FormSubmission;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages for challenges: the list (with its downloads), the form to raise one, and each challenge with its answer. */
@Controller
class ChallengesController {

    private final Challenges challenges;
    private final People people;

    ChallengesController(Challenges challenges, People people) {
        this.challenges = challenges;
        this.people = people;
    }

    @GetMapping("/scrutiny/challenges")
    String list(@AuthenticationPrincipal CanopyUser user, Model model) {
        model.addAttribute("challenges", challenges.readable(user));
        model.addAttribute("today", challenges.today());
        model.addAttribute("names", people.displayNames(user.partnershipId()));
        model.addAttribute("mayRaise", challenges.mayRaise(user));
        return "scrutiny/challenges";
    }

    @GetMapping("/scrutiny/challenges.{format}")
    void download(@AuthenticationPrincipal CanopyUser user, @PathVariable String format, HttpServletResponse response) throws IOException {
        var names = people.displayNames(user.partnershipId());
        var today = challenges.today();
        List<List<Object>> rows = new ArrayList<>();
        for (var c : challenges.readable(user)) {
            rows.add(java.util.Arrays.asList(c.raisedAt().toLocalDate(), names.getOrDefault(c.raisedBy(), c.raisedBy()), c.toName(), c.text(),
                    c.evidence(), c.responseDue(), c.response(), c.whatChanged(), c.status(today).label()));
        }
        Downloads.send(new TableExport.Table("Challenges", List.of("Raised", "Raised by", "To", "Challenge", "Evidence", "Response due",
                "Response", "What changed", "Status"), rows), format, response);
    }

    @GetMapping("/scrutiny/challenges/new")
    String form(@AuthenticationPrincipal CanopyUser user, Model model) {
        if (!challenges.mayRaise(user)) {
            throw new AccessDeniedException("Only the independent scrutineer or a young scrutineer raises a challenge");
        }
        model.addAttribute("targets", challenges.targets(user).stream().map(t -> Map.of("key", Challenges.key(t), "name", t.name(),
                "agency", t.agencyId() != null)).toList());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "scrutiny/challenge-new";
    }

    @PostMapping("/scrutiny/challenges")
    String raise(@AuthenticationPrincipal CanopyUser user, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return FormSubmission.on(model).keeping("form", form).submit(() -> {
            var raised = challenges.raise(user, form.get("to"), form.get("text"), form.get("evidence"),
                    DateInput.fromForm(form::get, "responseDue"));
            redirect.addFlashAttribute("success", "The challenge to " + raised.toName() + " was raised");
            return "redirect:/scrutiny/challenges/" + raised.id();
        }, () -> form(user, model));
    }

    @GetMapping("/scrutiny/challenges/{id}")
    String challenge(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, Model model) {
        var c = challenges.challenge(user, id);
        model.addAttribute("challenge", c);
        model.addAttribute("status", c.status(challenges.today()));
        model.addAttribute("names", people.displayNames(user.partnershipId()));
        model.addAttribute("mayAnswer", challenges.mayAnswer(user, c) && !c.closed());
        model.addAttribute("mayJudge", challenges.mayJudge(user, c) && c.response() != null && !c.closed());
        if (!model.containsAttribute("form")) {
            var form = new HashMap<String, String>();
            form.put("response", c.response() == null ? "" : c.response());
            form.put("whatChanged", c.whatChanged() == null ? "" : c.whatChanged());
            form.put("satisfied", c.satisfied() == null ? "" : c.satisfied().toString());
            model.addAttribute("form", form);
        }
        return "scrutiny/challenge";
    }

    @PostMapping("/scrutiny/challenges/{id}/response")
    String answer(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        return FormSubmission.on(model).keeping("form", form).conflictOn("response").submit(() -> {
            challenges.answer(user, id, form.get("response"), form.get("whatChanged"), FormFields.version(form.get("version")));
            redirect.addFlashAttribute("success", "The response was recorded");
            return "redirect:/scrutiny/challenges/" + id;
        }, () -> challenge(user, id, model));
    }

    @PostMapping("/scrutiny/challenges/{id}/judgement")
    String judge(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        return FormSubmission.on(model).keeping("form", form).conflictOn("satisfied").submit(() -> {
            String s = form.getOrDefault("satisfied", "");
            Boolean satisfied = s.equals("true") ? Boolean.TRUE : s.equals("false") ? Boolean.FALSE : null;
            challenges.judge(user, id, satisfied, form.get("whatChanged"), "true".equals(form.get("close")),
                    FormFields.version(form.get("version")));
            redirect.addFlashAttribute("success", "Your view of the response was recorded");
            return "redirect:/scrutiny/challenges/" + id;
        }, () -> challenge(user, id, model));
    }
}
