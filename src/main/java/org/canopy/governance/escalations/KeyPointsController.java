package org.canopy.governance.escalations;

import java.util.Map;
import org.canopy.partnership.CanopyUser;
import org.canopy.web.DateInput;
import org.canopy.web.FormSubmission;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The news page: the Executive's key discussion points, read by everyone signed in, published by the executive. */
@Controller
class KeyPointsController {

    private final KeyPoints keyPoints;

    KeyPointsController(KeyPoints keyPoints) {
        this.keyPoints = keyPoints;
    }

    @GetMapping("/news")
    String news(@AuthenticationPrincipal CanopyUser user, Model model) {
        model.addAttribute("published", keyPoints.all(user.partnershipId()));
        model.addAttribute("mayPublish", keyPoints.mayPublish(user));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "governance/executive-news";
    }

    @PostMapping("/news")
    String publish(@AuthenticationPrincipal CanopyUser user, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        return FormSubmission.on(model).keeping("form", form).submit(() -> {
            var published = keyPoints.publish(user, DateInput.fromForm(form::get, "meetingDate"), form.get("title"), form.get("points"));
            redirect.addFlashAttribute("success", "Published and sent to " + published.sentTo() + " people");
            return "redirect:/news";
        }, () -> news(user, model));
    }
}
