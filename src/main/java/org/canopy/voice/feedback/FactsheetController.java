package org.canopy.voice.feedback;

import java.util.Map;
import org.canopy.partnership.CanopyUser;
import org.canopy.web.EditConflict;
import org.canopy.web.FormSubmission;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The factsheet of the views of children and young people, signed in and public, and the public "you said, we did". */
@Controller
class FactsheetController {

    private final Factsheets factsheets;
    private final Responses responses;
    private final FeedbackLog log;

    FactsheetController(Factsheets factsheets, Responses responses, FeedbackLog log) {
        this.factsheets = factsheets;
        this.responses = responses;
        this.log = log;
    }

    @GetMapping("/voice/factsheet/{year}")
    String factsheet(@AuthenticationPrincipal CanopyUser user, @PathVariable String year, Model model) {
        model.addAttribute("sheet", factsheets.of(user.partnershipId(), year, false));
        model.addAttribute("published", false);
        model.addAttribute("years", log.years(user.partnershipId()));
        return "voice/factsheet";
    }

    @GetMapping("/public/voice/factsheet/{year}")
    String publicFactsheet(@PathVariable String year, @RequestParam(required = false) Long partnership, Model model) {
        long id = factsheets.publicPartnership(partnership);
        model.addAttribute("sheet", factsheets.of(id, year, true));
        model.addAttribute("published", true);
        model.addAttribute("partnershipQuery", partnership == null ? "" : "?partnership=" + partnership);
        model.addAttribute("name", factsheets.partnershipName(id));
        return "voice/factsheet";
    }

    @GetMapping("/public/you-said-we-did")
    String youSaidWeDid(@RequestParam(required = false) Long partnership, Model model) {
        long id = factsheets.publicPartnership(partnership);
        model.addAttribute("responses", responses.published(id));
        model.addAttribute("name", factsheets.partnershipName(id));
        model.addAttribute("years", log.years(id));
        model.addAttribute("partnershipQuery", partnership == null ? "" : "?partnership=" + partnership);
        return "voice/you-said-we-did";
    }

    @PostMapping("/voice/responses/{id:\\d+}/publish")
    String publish(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        boolean publish = "true".equals(form.get("published"));
        return FormSubmission.on(model).submit(() -> {
            int version;
            try {
                version = Integer.parseInt(form.getOrDefault("version", ""));
            } catch (NumberFormatException e) {
                throw new EditConflict("Open the response again before changing it");
            }
            responses.publish(user, id, publish, version);
            redirect.addFlashAttribute("success", publish ? "Published on the public page" : "Taken off the public page");
            return "redirect:/voice/you-said-we-did";
        }, () -> responses(user, model));
    }

    @GetMapping("/voice/you-said-we-did")
    String responses(@AuthenticationPrincipal CanopyUser user, Model model) {
        model.addAttribute("responses", responses.all(user.partnershipId()));
        model.addAttribute("mayRespond", responses.mayRespond(user));
        return "voice/responses";
    }
}
