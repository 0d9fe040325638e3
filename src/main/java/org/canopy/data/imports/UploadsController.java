package org.canopy.data.imports;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.canopy.data.rounds.DataRounds;
import org.canopy.data.rounds.RoundsController;
import org.canopy.partnership.CanopyUser;
import org.canopy.web.EditConflict;
import org.canopy.web.FieldProblem;
import org.canopy.web.FormErrors;
import org.canopy.web.InvalidInput;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of uploaded figures: the preview before storing, and the quality assurance group's review. */
@Controller
class UploadsController {

    private final FigureUploads uploads;
    private final DataRounds rounds;

    UploadsController(FigureUploads uploads, DataRounds rounds) {
        this.uploads = uploads;
        this.rounds = rounds;
    }

    @GetMapping("/data/uploads")
    String list(@AuthenticationPrincipal CanopyUser user, Model model) {
        model.addAttribute("uploads", uploads.visibleTo(user));
        return "data/uploads";
    }

    @GetMapping("/data/uploads/{id}")
    String upload(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, Model model) {
        var upload = uploads.upload(user, id);
        model.addAttribute("upload", upload);
        model.addAttribute("mayStore", upload.status() == FigureUploads.Status.PREVIEW
                && upload.uploadedBy().equals(user.getUsername()));
        model.addAttribute("reviewer", upload.status() == FigureUploads.Status.SUBMITTED && rounds.isReviewer(user));
        if (!model.containsAttribute("explanations")) {
            model.addAttribute("explanations", Map.of());
        }
        return "data/upload";
    }

    @PostMapping("/data/uploads/{id}/store")
    String store(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @RequestParam Map<String, String> form,
            Model model, RedirectAttributes redirect) {
        Map<Integer, String> explanations = new HashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith("explanation-") && k.substring(12).chars().allMatch(Character::isDigit) && k.length() > 12) {
                explanations.put(Integer.parseInt(k.substring(12)), v);
            }
        });
        try {
            var stored = uploads.store(user, id, explanations, RoundsController.parseVersion(form.get("version")));
            redirect.addFlashAttribute("success", stored.status() == FigureUploads.Status.ACCEPTED
                    ? "Stored " + stored.rows().size() + " figures: they are on the dashboard"
                    : "Submitted " + stored.rows().size() + " figures to the quality assurance group: they reach the dashboard once accepted");
            return "redirect:/data/uploads/" + id;
        } catch (InvalidInput | EditConflict e) {
            return refused(user, id, e, "explanation", model, () -> model.addAttribute("explanations", explanations));
        }
    }

    @PostMapping("/data/uploads/{id}/abandon")
    String abandon(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @RequestParam Map<String, String> form,
            Model model, RedirectAttributes redirect) {
        try {
            uploads.abandon(user, id, RoundsController.parseVersion(form.get("version")));
            redirect.addFlashAttribute("success", "Abandoned the upload: nothing was stored");
            return "redirect:/dashboard/import";
        } catch (InvalidInput | EditConflict e) {
            return refused(user, id, e, "decision", model, () -> { });
        }
    }

    @PostMapping("/data/uploads/{id}/review")
    String review(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @RequestParam Map<String, String> form,
            Model model, RedirectAttributes redirect) {
        boolean accept = "accept".equals(form.get("decision"));
        try {
            if (!accept && !"return".equals(form.get("decision"))) {
                throw new InvalidInput("decision", "Choose whether to accept the figures or return them");
            }
            uploads.review(user, id, accept, form.get("comment"), RoundsController.parseVersion(form.get("version")));
            redirect.addFlashAttribute("success", accept ? "Accepted: the figures are on the dashboard"
                    : "Returned to the agency with your comment");
            return "redirect:/data/uploads/" + id;
        } catch (InvalidInput | EditConflict e) {
            return refused(user, id, e, "decision", model, () -> model.addAttribute("comment", form.get("comment")));
        }
    }

    /** The page again with the refusal in its error summary and the person's input kept. */
    private String refused(CanopyUser user, long id, RuntimeException e, String conflictField, Model model, Runnable keepInput) {
        List<FieldProblem> problems = e instanceof InvalidInput invalid ? invalid.problems()
                : List.of(FieldProblem.of(conflictField, e.getMessage()));
        FormErrors.addTo(model, problems);
        keepInput.run();
        return upload(user, id, model);
    }
}
