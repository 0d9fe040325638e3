package org.canopy.data.imports;

import java.util.HashMap;
import java.util.Map;
import org.canopy.data.rounds.DataRounds;
import org.canopy.data.rounds.RoundsController;
import org.canopy.partnership.CanopyUser;
import org.canopy.web.FormFields;
import org.canopy.web.FormSubmission;
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
        return FormSubmission.on(model).keeping("explanations", explanations).conflictOn("explanation").submit(() -> {
            var stored = uploads.store(user, id, explanations, FormFields.version(form.get("version")));
            redirect.addFlashAttribute("success", stored.status() == FigureUploads.Status.ACCEPTED
                    ? "Stored " + stored.rows().size() + " figures: they are on the dashboard"
                    : "Submitted " + stored.rows().size() + " figures to the quality assurance group: they reach the dashboard once accepted");
            return "redirect:/data/uploads/" + id;
        }, () -> upload(user, id, model));
    }

    @PostMapping("/data/uploads/{id}/abandon")
    String abandon(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @RequestParam Map<String, String> form,
            Model model, RedirectAttributes redirect) {
        return FormSubmission.on(model).conflictOn("decision").submit(() -> {
            uploads.abandon(user, id, FormFields.version(form.get("version")));
            redirect.addFlashAttribute("success", "Abandoned the upload: nothing was stored");
            return "redirect:/dashboard/import";
        }, () -> upload(user, id, model));
    }

    @PostMapping("/data/uploads/{id}/review")
    String review(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @RequestParam Map<String, String> form,
            Model model, RedirectAttributes redirect) {
        boolean accept = "accept".equals(form.get("decision"));
        return FormSubmission.on(model).keeping("comment", form.get("comment")).conflictOn("decision").submit(() -> {
            if (!accept && !"return".equals(form.get("decision"))) {
                throw new InvalidInput("decision", "Choose whether to accept the figures or return them");
            }
            uploads.review(user, id, accept, form.get("comment"), FormFields.version(form.get("version")));
            redirect.addFlashAttribute("success", accept ? "Accepted: the figures are on the dashboard"
                    : "Returned to the agency with your comment");
            return "redirect:/data/uploads/" + id;
        }, () -> upload(user, id, model));
    }
}
