package org.canopy.learning.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.canopy.partnership.CanopyUser;
import org.canopy.web.NotFound;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The learning hub, the deadlines page gathering every {@link DeadlineSource}, and each person's calendar feed. */
@Controller
class LearningController {

    static final int HORIZON_DAYS = 30;

    private final List<DeadlineSource> sources;
    private final CalendarFeeds feeds;
    private final Clock clock;

    LearningController(List<DeadlineSource> sources, CalendarFeeds feeds, Clock clock) {
        this.sources = sources;
        this.feeds = feeds;
        this.clock = clock;
    }

    @GetMapping("/learning")
    String hub() {
        return "learning/hub";
    }

    @GetMapping("/learning/deadlines")
    String deadlines(@AuthenticationPrincipal CanopyUser user, Model model) {
        var today = LocalDate.now(clock);
        var open = open(user.partnershipId());
        model.addAttribute("today", today);
        model.addAttribute("horizonDays", HORIZON_DAYS);
        model.addAttribute("overdue", open.stream().filter(d -> d.overdueOn(today)).toList());
        model.addAttribute("upcoming", open.stream().filter(d -> !d.overdueOn(today) && !d.due().isAfter(today.plusDays(HORIZON_DAYS))).toList());
        model.addAttribute("feedCreatedAt", feeds.createdAt(user).orElse(null));
        return "learning/deadlines";
    }

    @PostMapping("/learning/calendar")
    String newFeed(@AuthenticationPrincipal CanopyUser user, RedirectAttributes redirect) {
        String token = feeds.replaceToken(user);
        redirect.addFlashAttribute("feedUrl", ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/learning/calendar/{token}.ics").buildAndExpand(token).toUriString());
        redirect.addFlashAttribute("success", "Your calendar feed address was made; any earlier one no longer works");
        return "redirect:/learning/deadlines";
    }

    /** No sign-in: the secret token in the address is the credential. */
    @GetMapping("/learning/calendar/{token}.ics")
    ResponseEntity<String> feed(@PathVariable String token, HttpServletRequest request) {
        long partnershipId = feeds.partnershipOf(token).orElseThrow(() -> new NotFound("The calendar feed"));
        String base = ServletUriComponentsBuilder.fromContextPath(request).toUriString();
        return ResponseEntity.ok().contentType(new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8))
                .header("Cache-Control", "no-store").body(feeds.ics(open(partnershipId), base));
    }

    /** Every open deadline of the partnership from every source, soonest first. */
    private List<Deadline> open(long partnershipId) {
        return sources.stream().flatMap(s -> s.deadlines(partnershipId).stream()).filter(d -> d.done() == null)
                .sorted(Comparator.comparing(Deadline::due).thenComparing(Deadline::recordTitle)).toList();
    }
}
