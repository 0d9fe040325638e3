package org.canopy.voice.tell;

import java.util.HashMap;
import java.util.Map;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.People;
import org.canopy.plan.PlanPriorities;
import org.canopy.plan.PriorityRef;
import org.canopy.web.FormSubmission;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The coordinator's messages from the tell us page: those to look at today first, then new ones; each message is
 * marked seen, closed, or added to the feedback log. Only the partnership administrator reads them (every other role
 * 403): a message may hold a disclosure, and only once in the log is it read like other feedback.
 */
@Controller
class MessagesController {

    private final PublicMessages messages;
    private final PlanPriorities priorities;
    private final People people;

    MessagesController(PublicMessages messages, PlanPriorities priorities, People people) {
        this.messages = messages;
        this.priorities = priorities;
        this.people = people;
    }

    @GetMapping("/voice/messages")
    String list(@AuthenticationPrincipal CanopyUser user, Model model) {
        var all = messages.all(user);
        model.addAttribute("messages", all);
        model.addAttribute("newCount", all.stream().filter(m -> m.status() == MessageStatus.NEW).count());
        model.addAttribute("todayCount", all.stream().filter(PublicMessage::lookAtToday).count());
        return "voice/messages";
    }

    @GetMapping("/voice/messages/{id}")
    String one(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, Model model) {
        var message = messages.one(user, id);
        model.addAttribute("message", message);
        model.addAttribute("topic", message.priorityId() == null ? null : priorities.priorities(user.partnershipId()).stream()
                .filter(p -> p.id() == message.priorityId()).map(PriorityRef::title).findFirst().orElse(null));
        model.addAttribute("names", people.displayNames(user.partnershipId()));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of("words", message.words()));
        }
        return "voice/messages-detail";
    }

    @PostMapping("/voice/messages/{id}/seen")
    String seen(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        return FormSubmission.on(model).freshAfterConflict().submit(() -> {
            messages.markSeen(user, id, form.get("version"));
            redirect.addFlashAttribute("success", "Marked as seen");
            return "redirect:/voice/messages/" + id;
        }, () -> one(user, id, model));
    }

    @PostMapping("/voice/messages/{id}/close")
    String close(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        return FormSubmission.on(model).freshAfterConflict().submit(() -> {
            messages.close(user, id, form.get("version"));
            redirect.addFlashAttribute("success", "The message was closed");
            return "redirect:/voice/messages/" + id;
        }, () -> one(user, id, model));
    }

    @PostMapping("/voice/messages/{id}/add-to-log")
    String addToLog(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        var kept = new HashMap<String, String>();
        kept.put("words", form.get("words"));
        return FormSubmission.on(model).keeping("form", kept).submit(() -> {
            long feedbackId = messages.addToLog(user, id, form.get("version"), form.get("words"));
            redirect.addFlashAttribute("success", "The message was added to the feedback log");
            return "redirect:/voice/feedback/" + feedbackId;
        }, () -> one(user, id, model));
    }
}
