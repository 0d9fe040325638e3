package org.canopy.data.quality;

import java.util.Map;
import org.canopy.data.rounds.DataRounds;
import org.canopy.partnership.CanopyUser;
import org.canopy.web.FormSubmission;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The data quality page: every inconsistency among the stored figures, to correct or explain. */
@Controller
class DataQualityController {

    private final DataQuality quality;
    private final DataRounds rounds;

    DataQualityController(DataQuality quality, DataRounds rounds) {
        this.quality = quality;
        this.rounds = rounds;
    }

    @GetMapping("/data/quality")
    String page(@AuthenticationPrincipal CanopyUser user, Model model) {
        var flags = quality.flags(user.partnershipId());
        model.addAttribute("open", flags.stream().filter(f -> !f.explained()).toList());
        model.addAttribute("explained", flags.stream().filter(DataQuality.Flag::explained).toList());
        model.addAttribute("reviewer", rounds.isReviewer(user));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "data/quality";
    }

    @PostMapping("/data/quality/explain")
    String explain(@AuthenticationPrincipal CanopyUser user, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        // The problems belong to the flag's own form: its fields are named after the flag's position.
        return FormSubmission.on(model).keeping("form", form).submit(() -> {
            quality.explain(user, form.get("key"), form.get("explanation"));
            redirect.addFlashAttribute("success", "The flag is explained");
            return "redirect:/data/quality";
        }, () -> page(user, model));
    }

    @PostMapping("/data/quality/correct")
    String correct(@AuthenticationPrincipal CanopyUser user, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        return FormSubmission.on(model).keeping("form", form).submit(() -> {
            quality.correct(user, form.get("key"), form.get("figure"), form.get("value"), form.get("reason"));
            redirect.addFlashAttribute("success", "The figure was corrected; its earlier value is kept in its history");
            return "redirect:/data/quality";
        }, () -> page(user, model));
    }
}
