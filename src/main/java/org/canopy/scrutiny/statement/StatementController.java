package org.canopy.scrutiny.statement;

import java.util.List;
import java.util.Map;
import org.canopy.scrutiny.access.ScrutinyAccess;
import org.canopy.scrutiny.challenges.Challenges;
import org.canopy.web.FormSubmission;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.canopy.partnership.CanopyUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The scrutineer's statements, read by everyone signed in to the partnership. */
@Controller
class StatementController {

    private final Statements statements;
    private final ScrutinyAccess access;
    private final Challenges challenges;

    StatementController(Statements statements, ScrutinyAccess access, Challenges challenges) {
        this.statements = statements;
        this.access = access;
        this.challenges = challenges;
    }

    @GetMapping("/scrutiny/statement")
    String statements(@AuthenticationPrincipal CanopyUser user, Model model) {
        model.addAttribute("statements", statements.statements(user.partnershipId()));
        boolean keeps = access.keeps(user);
        model.addAttribute("mayEdit", keeps);
        model.addAttribute("challenges", keeps ? challenges.readable(user) : List.of());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "scrutiny/statement";
    }

    @PostMapping("/scrutiny/statement")
    String start(@AuthenticationPrincipal CanopyUser user, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        access.requireKeeper(user, "write the scrutineer's statement");
        return FormSubmission.on(model).keeping("form", form).submit(() -> {
            statements.start(user, form.get("year"), form.get("author"), form.get("opening"));
            redirect.addFlashAttribute("success", "Started the statement for " + form.get("year").strip());
            return "redirect:/scrutiny/statement";
        }, () -> statements(user, model));
    }

    @PostMapping("/scrutiny/statement/{id}/points")
    String addPoint(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @RequestParam Map<String, String> form,
            Model model, RedirectAttributes redirect) {
        access.requireKeeper(user, "write the scrutineer's statement");
        return FormSubmission.on(model).keeping("form", form).submit(() -> {
            statements.addPoint(user, id, form.get("kind"), form.get("text"), form.get("evidence"), form.get("challenge"));
            redirect.addFlashAttribute("success", "Added the point to the statement");
            return "redirect:/scrutiny/statement";
        }, () -> statements(user, model));
    }
}
