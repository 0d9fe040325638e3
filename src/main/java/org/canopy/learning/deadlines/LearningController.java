package org.canopy.learning.deadlines;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.canopy.learning.access.LearningAccess;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.People;
import org.canopy.partnership.PersonSummary;
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
    private final LearningAccess access;
    private final People people;

    LearningController(List<DeadlineSource> sources, CalendarFeeds feeds, Clock clock, LearningAccess access, People people) {
        this.sources = sources;
        this.feeds = feeds;
        this.clock = clock;
        this.access = access;
        this.people = people;
    }

    @GetMapping("/learning")
    String hub(@AuthenticationPrincipal CanopyUser user, Model model) {
        model.addAttribute("mayReadCases", access.mayReadCases(user));
        return "learning/hub";
    }

    @GetMapping("/learning/deadlines")
    String deadlines(@AuthenticationPrincipal CanopyUser user, Model model) {
        var today = LocalDate.now(clock);
        var open = open(user.partnershipId(), access.mayReadCases(user));
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
        var owner = feeds.ownerOf(token).orElseThrow(() -> new NotFound("The calendar feed"));
        // The feed shows what its owner may see today: a person disabled since has no feed, one who lost case access no pseudonyms.
        var person = people.byIds(owner.partnershipId(), List.of(owner.userId())).stream().filter(PersonSummary::enabled).findFirst()
                .orElseThrow(() -> new NotFound("The calendar feed"));
        boolean caseReader = access.mayReadCases(owner.partnershipId(), person.id(), person.role());
        String base = ServletUriComponentsBuilder.fromContextPath(request).toUriString();
        return ResponseEntity.ok().contentType(new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8))
                .header("Cache-Control", "no-store").body(feeds.ics(open(owner.partnershipId(), caseReader), base));
    }

    /**
     * Every open deadline of the partnership from every source, soonest first, as the reader may see it: a case's
     * deadlines are listed for everyone (the partnership's statutory clocks are everyone's business, and a date says
     * nothing of the child) but named by pseudonym and linked to the case only for case readers.
     */
    private List<Deadline> open(long partnershipId, boolean caseReader) {
        return sources.stream().flatMap(s -> s.deadlines(partnershipId).stream()).filter(d -> d.done() == null)
                .map(d -> d.shownTo(caseReader))
                .sorted(Comparator.comparing(Deadline::due).thenComparing(Deadline::recordTitle)).toList();
    }
}
