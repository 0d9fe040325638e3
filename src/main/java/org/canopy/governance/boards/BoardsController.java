package org.canopy.governance.boards;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.canopy.partnership.CanopyUser;
import org.canopy.reporting.TableExport;
import org.canopy.web.FormFields;
import org.canopy.web.FormSubmission;
import org.springframework.http.ContentDisposition;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of the linked boards: the list with remits and joint priorities, a board's page with its referrals, exports. */
@Controller
class BoardsController {

    private final LinkedBoards boards;

    BoardsController(LinkedBoards boards) {
        this.boards = boards;
    }

    @GetMapping("/governance/boards")
    String list(@AuthenticationPrincipal CanopyUser user, Model model) {
        var all = boards.boards(user.partnershipId());
        var joint = new HashMap<Long, Object>();
        all.forEach(b -> joint.put(b.id(), boards.jointPriorities(user.partnershipId(), b.id())));
        model.addAttribute("boards", all);
        model.addAttribute("joint", joint);
        return "governance/boards";
    }

    @GetMapping("/governance/boards/{id}")
    String board(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, Model model) {
        model.addAttribute("board", boards.board(user.partnershipId(), id));
        model.addAttribute("joint", boards.jointPriorities(user.partnershipId(), id));
        model.addAttribute("referrals", boards.referrals(user.partnershipId(), id));
        model.addAttribute("directions", LinkedBoards.Direction.values());
        model.addAttribute("mayRecord", boards.mayRecord(user));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "governance/board";
    }

    @PostMapping("/governance/boards/{id}/referrals")
    String refer(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @RequestParam Map<String, String> form,
            Model model, RedirectAttributes redirect) {
        return FormSubmission.on(model).keeping("form", form).submit(() -> {
            boards.refer(user, id, form);
            redirect.addFlashAttribute("success", "Recorded the referral");
            return "redirect:/governance/boards/" + id;
        }, () -> board(user, id, model));
    }

    @PostMapping("/governance/boards/{id}/referrals/{referral}/outcome")
    String outcome(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @PathVariable long referral,
            @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return FormSubmission.on(model).keeping("form", form).conflictOn("outcome").submit(() -> {
            boards.recordOutcome(user, id, referral, form.get("outcome"), FormFields.version(form.get("version")));
            redirect.addFlashAttribute("success", "Recorded the outcome");
            return "redirect:/governance/boards/" + id;
        }, () -> board(user, id, model));
    }

    @GetMapping("/governance/boards/referrals.{format:csv|xlsx}")
    void export(@AuthenticationPrincipal CanopyUser user, @PathVariable String format, HttpServletResponse response) throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        for (var r : boards.referrals(user.partnershipId(), null)) {
            rows.add(Arrays.asList(r.boardName(), r.direction().label(), r.referredOn(), r.subject(), r.outcome(), r.recordedBy()));
        }
        var table = new TableExport.Table("Linked board referrals", List.of("Board", "Direction", "Date", "Subject", "Outcome",
                "Recorded by"), rows);
        response.setContentType("csv".equals(format) ? "text/csv;charset=UTF-8"
                : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", ContentDisposition.attachment().filename("linked-board-referrals." + format)
                .build().toString());
        if ("csv".equals(format)) {
            TableExport.csv(table, response.getOutputStream());
        } else {
            TableExport.xlsx(table, response.getOutputStream());
        }
    }
}
