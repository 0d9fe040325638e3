package org.canopy.learning.library;

import java.util.HashMap;
import java.util.Map;
import org.canopy.learning.access.LearningAccess;
import org.canopy.learning.access.LearningRules;
import org.canopy.learning.actionplan.ActionPlan;
import org.canopy.learning.actionplan.ActionPlanController;
import org.canopy.learning.reviews.SeriousCaseReviews;
import org.canopy.learning.sources.SourceKind;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.People;
import org.canopy.web.FormFields;
import org.canopy.web.FormSubmission;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The learning library, the legacy serious case reviews and the seven-minute briefings. */
@Controller
class LibraryController {

    private final LearningLibrary library;
    private final SeriousCaseReviews reviews;
    private final Briefings briefings;
    private final ActionPlan plan;
    private final LearningRules rules;
    private final LearningAccess access;
    private final People people;

    LibraryController(LearningLibrary library, SeriousCaseReviews reviews, Briefings briefings, ActionPlan plan, LearningRules rules,
            LearningAccess access, People people) {
        this.access = access;
        this.people = people;
        this.library = library;
        this.reviews = reviews;
        this.briefings = briefings;
        this.plan = plan;
        this.rules = rules;
    }

    @GetMapping("/learning/library")
    String library(@AuthenticationPrincipal CanopyUser user, @RequestParam(required = false) String theme,
            @RequestParam(required = false) String q, Model model) {
        model.addAttribute("entries", library.entries(user.partnershipId(), access.mayReadCases(user), theme, q));
        model.addAttribute("themes", library.themes(user.partnershipId()));
        model.addAttribute("theme", theme == null ? "" : theme);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("today", plan.today());
        return "learning/library";
    }

    @GetMapping("/learning/serious-case-reviews")
    String reviews(@AuthenticationPrincipal CanopyUser user, Model model) {
        model.addAttribute("reviews", reviews.reviews(user.partnershipId()));
        return "learning/serious-case-reviews";
    }

    @GetMapping("/learning/serious-case-reviews/{id}")
    String review(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, Model model) {
        var review = reviews.review(user.partnershipId(), id);
        model.addAttribute("review", review);
        model.addAttribute("recommendations", LearningAccess.shown(access.mayReadCases(user),
                plan.forSource(user.partnershipId(), SourceKind.SERIOUS_CASE_REVIEW, id)));
        model.addAttribute("briefing", briefings.briefing(user.partnershipId(), SourceKind.SERIOUS_CASE_REVIEW, id).orElse(null));
        model.addAttribute("today", plan.today());
        return "learning/serious-case-review";
    }

    @GetMapping("/learning/briefings")
    String briefings(@AuthenticationPrincipal CanopyUser user, Model model) {
        var written = briefings.briefings(user.partnershipId());
        boolean caseReader = access.mayReadCases(user);
        model.addAttribute("briefings", written.stream().map(b -> LearningAccess.shown(caseReader, b.source())).toList());
        model.addAttribute("unwritten", library.sources(user.partnershipId(), caseReader).stream()
                .filter(s -> written.stream().noneMatch(b -> b.source().key().equals(s.key()))).toList());
        model.addAttribute("mayEdit", rules.mayEdit(user));
        return "learning/briefings";
    }

    @GetMapping("/learning/briefings/{key}")
    String briefing(@AuthenticationPrincipal CanopyUser user, @PathVariable String key, Model model) {
        var source = library.source(user.partnershipId(), key);
        model.addAttribute("source", LearningAccess.shown(access.mayReadCases(user), source));
        model.addAttribute("briefing", briefings.briefing(user.partnershipId(), source.kind(), source.id()).orElse(null));
        model.addAttribute("parts", Briefings.PARTS);
        model.addAttribute("mayEdit", rules.mayEdit(user));
        model.addAttribute("names", people.displayNames(user.partnershipId()));
        return "learning/briefing";
    }

    @GetMapping("/learning/briefings/{key}/edit")
    String editForm(@AuthenticationPrincipal CanopyUser user, @PathVariable String key, Model model) {
        rules.requireEditor(user, "write briefings");
        var source = library.source(user.partnershipId(), key);
        var briefing = briefings.briefing(user.partnershipId(), source.kind(), source.id());
        if (!model.containsAttribute("form")) {
            var form = new HashMap<String, String>();
            briefing.ifPresent(b -> Briefings.PARTS.forEach(p -> form.put(p.field(), b.part(p.number()))));
            form.put("version", String.valueOf(briefing.map(Briefings.Briefing::version).orElse(-1)));
            model.addAttribute("form", form);
        }
        model.addAttribute("source", LearningAccess.shown(access.mayReadCases(user), source));
        model.addAttribute("parts", Briefings.PARTS);
        return "learning/briefing-form";
    }

    @PostMapping("/learning/briefings/{key}")
    String save(@AuthenticationPrincipal CanopyUser user, @PathVariable String key, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        var source = library.source(user.partnershipId(), key);
        return FormSubmission.on(model).keeping("form", form).conflictOn("background").submit(() -> {
            briefings.save(user, source, form, FormFields.version(form.get("version")));
            redirect.addFlashAttribute("success", "The briefing was saved");
            return "redirect:/learning/briefings/" + key;
        }, () -> editForm(user, key, model));
    }
}
