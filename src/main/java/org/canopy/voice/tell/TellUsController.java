package org.canopy.voice.tell;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.canopy.voice.feedback.AgeBand;
import org.canopy.web.FormSubmission;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The tell us page, for anyone without signing in: a child or young person tells the partnership what they want it to
 * know. Refused words are shown back on the form for the child to change (a response, never stored); a sent message is
 * stored before the thank-you page, which comes by post/redirect/get. When storing fails, the child is told plainly, the
 * help first, with their words back in the form to send again.
 */
@Controller
class TellUsController {

    private final PublicMessages messages;
    private final HelpSettings help;

    TellUsController(PublicMessages messages, HelpSettings help) {
        this.messages = messages;
        this.help = help;
    }

    @GetMapping("/public/tell-us")
    String page(@RequestParam(required = false) String partnership, Model model) {
        var resolved = messages.partnership(id(partnership));
        model.addAttribute("partnership", resolved.orElse(null));
        model.addAttribute("named", partnership != null && !partnership.isBlank() ? resolved.orElse(null) : null);
        model.addAttribute("topics", resolved.map(messages::topics).orElse(List.of()));
        model.addAttribute("ageBands", AgeBand.values());
        model.addAttribute("help", help);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "voice/tell-us";
    }

    @PostMapping("/public/tell-us")
    String send(@RequestParam Map<String, String> sent, HttpServletRequest request, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        var form = new HashMap<>(sent);
        form.remove("_csrf");
        form.remove("website");
        String partnership = form.get("partnership");
        var resolved = messages.partnership(id(partnership));
        if (resolved.isEmpty()) {
            return page(partnership, model);
        }
        try {
            return FormSubmission.on(model).keeping("form", form).submit(() -> {
                var receipt = messages.receive(resolved.get(), request.getRemoteAddr(), sent.get("message"), sent.get("ageBand"),
                        sent.get("topic"), sent.get("website"));
                redirect.addFlashAttribute("helpFirst", receipt.helpFirst());
                return "redirect:/public/tell-us/thank-you";
            }, () -> {
                // The help stands out above the form when the refused words suggest danger, as it would after sending.
                model.addAttribute("helpFirst", DangerWords.in(sent.get("message")));
                return page(partnership, model);
            });
        } catch (MessageNotKept e) {
            // The words come back in the form, so that trying again is one press; the help comes first.
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            model.addAttribute("form", form);
            model.addAttribute("notKept", true);
            model.addAttribute("helpFirst", true);
            return page(partnership, model);
        } catch (TooManyMessages e) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("help", help);
            model.addAttribute("words", sent.get("message"));
            model.addAttribute("helpFirst", DangerWords.in(sent.get("message")));
            return "voice/tell-too-many";
        }
    }

    @GetMapping("/public/tell-us/thank-you")
    String thanks(Model model) {
        model.addAttribute("help", help);
        if (!model.containsAttribute("helpFirst")) {
            model.addAttribute("helpFirst", false);
        }
        return "voice/tell-thank-you";
    }

    private static Long id(String partnership) {
        if (partnership == null || partnership.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(partnership.strip());
        } catch (NumberFormatException e) {
            return -1L;
        }
    }
}
