package org.canopy.voice.feedback;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.canopy.partnership.CanopyUser;
import org.canopy.plan.PlanPriorities;
import org.canopy.plan.PriorityRef;
import org.canopy.web.FormSubmission;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The themes: counted and charted by year and by source, each theme's items, priorities and responses. */
@Controller
class ThemesController {

    private final FeedbackThemes themes;
    private final FeedbackLog log;
    private final Responses responses;
    private final PlanPriorities plans;

    ThemesController(FeedbackThemes themes, FeedbackLog log, Responses responses, PlanPriorities plans) {
        this.themes = themes;
        this.log = log;
        this.responses = responses;
        this.plans = plans;
    }

    @GetMapping("/voice/themes")
    String list(@AuthenticationPrincipal CanopyUser user, Model model) {
        long p = user.partnershipId();
        model.addAttribute("themes", themes.all(p));
        model.addAttribute("byYear", themes.byYear(p));
        model.addAttribute("bySource", themes.bySource(p));
        model.addAttribute("sourceLabels", sourceLabels());
        model.addAttribute("coordinator", user.isAdministrator());
        model.addAttribute("priorities", plans.priorities(p));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "voice/themes";
    }

    @PostMapping("/voice/themes")
    String add(@AuthenticationPrincipal CanopyUser user, @RequestParam MultiValueMap<String, String> params, Model model,
            RedirectAttributes redirect) {
        FeedbackController.requireCoordinator(user);
        var form = new HashMap<String, Object>(params.toSingleValueMap());
        var priorities = params.get("priorities") == null ? List.<String>of() : params.get("priorities");
        form.put("priorities", priorities);
        return FormSubmission.on(model).keeping("form", form).submit(() -> {
            var added = themes.add(user, params.toSingleValueMap(), priorities);
            redirect.addFlashAttribute("success", "Added the theme " + added.name());
            return "redirect:/voice/themes/" + added.id();
        }, () -> list(user, model));
    }

    @GetMapping("/voice/themes/{id:\\d+}")
    String theme(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, Model model) {
        long p = user.partnershipId();
        var theme = themes.get(p, id);
        var refs = new HashMap<Long, PriorityRef>();
        plans.priorities(p).forEach(r -> refs.put(r.id(), r));
        var direct = themes.priorities(p, id);
        var throughItems = new ArrayList<Map.Entry<PriorityRef, Integer>>();
        themes.itemPriorities(p, id).forEach((priority, count) -> {
            if (refs.containsKey(priority)) {
                throughItems.add(Map.entry(refs.get(priority), count));
            }
        });
        model.addAttribute("theme", theme);
        model.addAttribute("items", log.items(p, new FeedbackLog.Filter(null, null, id, null, null)));
        model.addAttribute("direct", direct.stream().filter(t -> refs.containsKey(t.id())).map(t -> Map.entry(refs.get(t.id()), t)).toList());
        model.addAttribute("throughItems", throughItems);
        model.addAttribute("responses", responses.onTheme(p, id));
        model.addAttribute("mayRespond", responses.mayRespond(user));
        model.addAttribute("respondTo", "/voice/themes/" + id + "/responses");
        if (!model.containsAttribute("response")) {
            model.addAttribute("response", Map.of());
        }
        return "voice/theme";
    }

    @PostMapping("/voice/themes/{id:\\d+}/responses")
    String respond(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        themes.get(user.partnershipId(), id);
        if (!responses.mayRespond(user)) {
            throw new AccessDeniedException("Only the coordinator and the chairs of priority groups record what was done");
        }
        return FormSubmission.on(model).keeping("response", form).submit(() -> {
            responses.add(user, null, id, form);
            redirect.addFlashAttribute("success", "Recorded what was done");
            return "redirect:/voice/themes/" + id;
        }, () -> theme(user, id, model));
    }

    @GetMapping(value = "/voice/themes/by-year.svg", produces = "image/svg+xml")
    void byYear(@AuthenticationPrincipal CanopyUser user, HttpServletResponse response) throws IOException {
        org.canopy.web.SvgImage.write(response, chart("Items by theme and financial year", themes.byYear(user.partnershipId()), year -> year));
    }

    @GetMapping(value = "/voice/themes/by-source.svg", produces = "image/svg+xml")
    void bySource(@AuthenticationPrincipal CanopyUser user, HttpServletResponse response) throws IOException {
        var labels = sourceLabels();
        org.canopy.web.SvgImage.write(response, chart("Items by theme and source", themes.bySource(user.partnershipId()), labels::get));
    }

    /** Horizontal bars: one group per theme, one bar per column (a year or a source) named by {@code label}. */
    private static String chart(String title, FeedbackThemes.Counts counts, java.util.function.Function<String, String> label) {
        var series = new java.util.ArrayList<org.canopy.reporting.BarChart.Series>();
        for (int c = 0; c < counts.columns().size(); c++) {
            int column = c;
            series.add(new org.canopy.reporting.BarChart.Series(label.apply(counts.columns().get(c)),
                    counts.rows().values().stream().map(values -> values.get(column)).toList()));
        }
        return org.canopy.reporting.BarChart.horizontal(title, "Items", counts.rows().keySet().stream().map(t -> t.name()).toList(), series,
                Math.max(30, 14 * counts.columns().size()));
    }

    static Map<String, String> sourceLabels() {
        var labels = new HashMap<String, String>();
        for (var s : FeedbackSource.values()) {
            labels.put(s.name(), s.label());
        }
        return labels;
    }
}
