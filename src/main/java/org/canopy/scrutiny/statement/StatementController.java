package org.canopy.scrutiny.statement;

import org.canopy.partnership.CanopyUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The scrutineer's statements, read by everyone signed in to the partnership. */
@Controller
class StatementController {

    private final Statements statements;

    StatementController(Statements statements) {
        this.statements = statements;
    }

    @GetMapping("/scrutiny/statement")
    String statements(@AuthenticationPrincipal CanopyUser user, Model model) {
        model.addAttribute("statements", statements.statements(user.partnershipId()));
        return "scrutiny/statement";
    }
}
