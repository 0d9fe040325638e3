package org.canopy.voice.feedback;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.canopy.partnership.CanopyUser;
import org.canopy.plan.PlanPriorities;
import org.canopy.reporting.TableExport;
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

/** The voice overview, the feedback log (list, filters, an item's page, the coordinator's form, export) and responses on an item. */
@Controller
class FeedbackController {

    private final FeedbackLog log;
    private final FeedbackThemes themes;
    private final Responses responses;
    private final PlanPriorities plans;

    FeedbackController(FeedbackLog log, FeedbackThemes themes, Responses responses, PlanPriorities plans) {
        this.log = log;
        this.themes = themes;
        this.responses = responses;
        this.plans = plans;
    }

    @GetMapping("/voice")
    String overview(@AuthenticationPrincipal CanopyUser user, Model model) {
        long p = user.partnershipId();
        String year = FeedbackLog.financialYear(log.today());
        var items = log.items(p, FeedbackLog.Filter.NONE);
        var all = responses.all(p);
        var answeredItems = new java.util.HashSet<Long>();
        var answeredThemes = new java.util.HashSet<Long>();
        all.forEach(r -> {
            if (r.feedbackId() != null) {
                answeredItems.add(r.feedbackId());
            } else {
                answeredThemes.add(r.themeId());
            }
        });
        var tags = log.themesByItem(p);
        long unanswered = items.stream().filter(i -> !answeredItems.contains(i.id())
                && tags.getOrDefault(i.id(), List.of()).stream().noneMatch(t -> answeredThemes.contains(t.id()))).count();
        model.addAttribute("year", year);
        model.addAttribute("itemsThisYear", items.stream().filter(i -> i.heardIn().equals(year)).count());
        model.addAttribute("itemsInAll", items.size());
        model.addAttribute("themeCount", themes.all(p).size());
        model.addAttribute("responseCount", all.size());
        model.addAttribute("unanswered", unanswered);
        model.addAttribute("years", log.years(p));
        model.addAttribute("coordinator", user.isAdministrator());
        return "voice/overview";
    }

    @GetMapping("/voice/feedback")
    String list(@AuthenticationPrincipal CanopyUser user, @RequestParam(required = false) String year,
            @RequestParam(required = false) String source, @RequestParam(required = false) String theme,
            @RequestParam(required = false) String speaker, @RequestParam(required = false) String priority, Model model) {
        long p = user.partnershipId();
        var filter = FeedbackLog.Filter.of(year, source, theme, speaker, priority);
        model.addAttribute("items", log.items(p, filter));
        model.addAttribute("filter", filter);
        model.addAttribute("years", log.years(p));
        model.addAttribute("sources", FeedbackSource.values());
        model.addAttribute("speakers", Speaker.values());
        model.addAttribute("themes", themes.all(p));
        model.addAttribute("priorities", log.priorityNames(p));
        model.addAttribute("themesByItem", log.themesByItem(p));
        model.addAttribute("query", query(year, source, theme, speaker, priority));
        model.addAttribute("coordinator", user.isAdministrator());
        return "voice/feedback";
    }

    @GetMapping("/voice/feedback/{id:\\d+}")
    String item(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, Model model) {
        long p = user.partnershipId();
        var item = log.get(p, id);
        model.addAttribute("item", item);
        model.addAttribute("themes", log.themesByItem(p).getOrDefault(id, List.of()));
        model.addAttribute("priorities", log.prioritiesByItem(p).getOrDefault(id, List.of()));
        model.addAttribute("sections", log.sectionsByItem(p).getOrDefault(id, List.of()));
        model.addAttribute("responses", responses.onItem(p, id));
        model.addAttribute("mayRespond", responses.mayRespond(user));
        model.addAttribute("coordinator", user.isAdministrator());
        model.addAttribute("respondTo", "/voice/feedback/" + id + "/responses");
        if (!model.containsAttribute("response")) {
            model.addAttribute("response", Map.of());
        }
        return "voice/item";
    }

    @PostMapping("/voice/feedback/{id:\\d+}/responses")
    String respond(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        log.get(user.partnershipId(), id);
        if (!responses.mayRespond(user)) {
            throw new AccessDeniedException("Only the coordinator and the chairs of priority groups record what was done");
        }
        return FormSubmission.on(model).keeping("response", form).submit(() -> {
            responses.add(user, id, null, form);
            redirect.addFlashAttribute("success", "Recorded what was done");
            return "redirect:/voice/feedback/" + id;
        }, () -> item(user, id, model));
    }

    @GetMapping("/voice/feedback/new")
    String newItem(@AuthenticationPrincipal CanopyUser user, Model model) {
        requireCoordinator(user);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of("ownWords", "true", "ageBand", AgeBand.NOT_GIVEN.name()));
        }
        return form(user, null, model);
    }

    @PostMapping("/voice/feedback/new")
    String add(@AuthenticationPrincipal CanopyUser user, @RequestParam MultiValueMap<String, String> params, Model model,
            RedirectAttributes redirect) {
        requireCoordinator(user);
        var form = kept(params);
        return FormSubmission.on(model).keeping("form", form).submit(() -> {
            var added = log.save(user, null, params.toSingleValueMap(), list(params, "themes"), list(params, "priorities"), list(params, "sections"));
            redirect.addFlashAttribute("success", "Added to the feedback log");
            return "redirect:/voice/feedback/" + added.id();
        }, () -> form(user, null, model));
    }

    @GetMapping("/voice/feedback/{id:\\d+}/edit")
    String edit(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, Model model) {
        requireCoordinator(user);
        var item = log.get(user.partnershipId(), id);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", log.formOf(user.partnershipId(), item));
        }
        return form(user, item, model);
    }

    @PostMapping("/voice/feedback/{id:\\d+}/edit")
    String change(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @RequestParam MultiValueMap<String, String> params,
            Model model, RedirectAttributes redirect) {
        requireCoordinator(user);
        var item = log.get(user.partnershipId(), id);
        var form = kept(params);
        return FormSubmission.on(model).keeping("form", form).conflictOn("words").submit(() -> {
            log.save(user, id, params.toSingleValueMap(), list(params, "themes"), list(params, "priorities"), list(params, "sections"));
            redirect.addFlashAttribute("success", "Saved the changes");
            return "redirect:/voice/feedback/" + id;
        }, () -> form(user, item, model));
    }

    private String form(CanopyUser user, FeedbackLog.Item item, Model model) {
        long p = user.partnershipId();
        model.addAttribute("item", item);
        model.addAttribute("sources", FeedbackSource.values());
        model.addAttribute("speakers", Speaker.values());
        model.addAttribute("ageBands", AgeBand.values());
        model.addAttribute("groups", log.engagementGroups(p));
        model.addAttribute("themes", themes.all(p));
        model.addAttribute("priorities", plans.priorities(p));
        model.addAttribute("sections", plans.sections(p));
        return "voice/item-form";
    }

    /** The log's items as the list's filters choose them, as CSV ({@code export.csv}) or as an Excel workbook ({@code export.xlsx}). */
    @GetMapping("/voice/feedback/export.{kind:csv|xlsx}")
    void export(@AuthenticationPrincipal CanopyUser user, @PathVariable String kind, @RequestParam(required = false) String year,
            @RequestParam(required = false) String source, @RequestParam(required = false) String theme,
            @RequestParam(required = false) String speaker, @RequestParam(required = false) String priority, HttpServletResponse response)
            throws IOException {
        var table = table(user, FeedbackLog.Filter.of(year, source, theme, speaker, priority));
        response.setHeader("Content-Disposition", "attachment; filename=\"feedback-log." + kind + "\"");
        if (kind.equals("csv")) {
            response.setContentType("text/csv; charset=UTF-8");
            TableExport.csv(table, response.getOutputStream());
        } else {
            response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            TableExport.xlsx(table, response.getOutputStream());
        }
    }

    private TableExport.Table table(CanopyUser user, FeedbackLog.Filter filter) {
        long p = user.partnershipId();
        var tags = log.themesByItem(p);
        var priorities = log.prioritiesByItem(p);
        var rows = new ArrayList<List<Object>>();
        for (var i : log.items(p, filter)) {
            var row = new ArrayList<Object>();
            row.add(i.id());
            row.add(i.words());
            row.add(i.ownWords() ? "Their own words" : "Summary");
            row.add(i.source().label());
            row.add(i.engagementGroup());
            row.add(i.speaker().label());
            row.add(i.ageBand().label());
            row.add(i.heardOn());
            row.add(i.heardWhen());
            row.add(i.heardIn());
            row.add(i.context());
            row.add(String.join("; ", tags.getOrDefault(i.id(), List.of()).stream().map(FeedbackLog.Tag::name).toList()));
            row.add(String.join("; ", priorities.getOrDefault(i.id(), List.of()).stream().map(FeedbackLog.Tag::name).toList()));
            rows.add(row);
        }
        return new TableExport.Table("Feedback log", List.of("Id", "What was said", "Words", "Source", "Engagement group", "Who said it",
                "Age band", "Heard on", "When heard", "Financial year", "Context", "Themes (applied in Canopy)", "Priorities"), rows);
    }

    static void requireCoordinator(CanopyUser user) {
        if (!user.isAdministrator()) {
            throw new AccessDeniedException("Only the partnership coordinator keeps the feedback log");
        }
    }

    private static Map<String, Object> kept(MultiValueMap<String, String> params) {
        var form = new HashMap<String, Object>(params.toSingleValueMap());
        form.put("themes", list(params, "themes"));
        form.put("priorities", list(params, "priorities"));
        form.put("sections", list(params, "sections"));
        return form;
    }

    private static List<String> list(MultiValueMap<String, String> params, String name) {
        var values = params.get(name);
        return values == null ? List.of() : values;
    }

    private static String query(String... values) {
        String[] names = {"year", "source", "theme", "speaker", "priority"};
        var parts = new ArrayList<String>();
        for (int i = 0; i < names.length; i++) {
            if (values[i] != null && !values[i].isBlank()) {
                parts.add(names[i] + "=" + java.net.URLEncoder.encode(values[i].strip(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }
}
