package org.canopy.learning.incidents;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.canopy.learning.access.LearningAccess;
import org.canopy.learning.incidents.Incidents.IncidentInput;
import org.canopy.learning.incidents.Incidents.RapidReviewInput;
import org.canopy.learning.reviews.LocalReviews.LocalReviewInput;
import org.canopy.learning.reviews.LocalReviews;
import org.canopy.learning.reviews.ReviewMethod;
import org.canopy.learning.reviews.Stage;
import org.canopy.partnership.AgencyDirectory;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.People;
import org.canopy.web.FormFields;
import org.canopy.web.DateInput;
import org.canopy.web.FieldProblem;
import org.canopy.web.FormSubmission;
import org.canopy.web.InvalidInput;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages for serious incidents, their rapid reviews and local reviews. */
@Controller
class IncidentsController {

    private final Incidents incidents;
    private final LocalReviews localReviews;
    private final LearningClocks clocks;
    private final LearningAccess access;
    private final AgencyDirectory agencies;
    private final java.time.Clock clock;
    private final People people;

    IncidentsController(Incidents incidents, LocalReviews localReviews, LearningClocks clocks, LearningAccess access,
            AgencyDirectory agencies, java.time.Clock clock, People people) {
        this.clock = clock;
        this.people = people;
        this.incidents = incidents;
        this.localReviews = localReviews;
        this.clocks = clocks;
        this.access = access;
        this.agencies = agencies;
    }

    @GetMapping("/learning/incidents")
    String list(@AuthenticationPrincipal CanopyUser user, Model model) {
        access.requireCaseReader(user);
        var rapid = incidents.rapidReviewDates(user.partnershipId());
        var local = localReviews.localReviews(user.partnershipId());
        var rows = incidents.incidents(user.partnershipId()).stream()
                .map(i -> new Row(i, clocks.clocks(i, rapid.get(i.id()), local.get(i.id())), rapid.get(i.id()))).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("mayEdit", access.mayEdit(user));
        return "learning/incidents";
    }

    /** An incident with its rapid review and local review (either may be null). */
    record Case(Incidents.Incident incident, Incidents.RapidReview rapidReview, LocalReviews.LocalReview localReview) {
    }

    /**
     * Reads an incident, its rapid review and local review, and puts all three on the page: a missing incident is not
     * found (404) before anyone is refused (403), so a refusal never confirms that a case exists.
     */
    private Case caseOf(CanopyUser user, long id, Model model) {
        var incident = incidents.incident(user.partnershipId(), id);
        access.requireCaseReader(user);
        var c = new Case(incident, incidents.rapidReview(user.partnershipId(), id).orElse(null),
                localReviews.localReview(user.partnershipId(), id).orElse(null));
        model.addAttribute("incident", c.incident());
        model.addAttribute("rapidReview", c.rapidReview());
        model.addAttribute("localReview", c.localReview());
        return c;
    }

    record Row(Incidents.Incident incident, LearningClocks.Clocks clocks, Incidents.RapidReview rapidReview) {
    }

    @GetMapping("/learning/incidents/new")
    String newIncident(@AuthenticationPrincipal CanopyUser user, Model model) {
        incidents.requireEditor(user);
        model.addAttribute("criteria", Criterion.values());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new FormValues(Map.of()));
        }
        return "learning/incident-new";
    }

    @PostMapping("/learning/incidents")
    String create(@AuthenticationPrincipal CanopyUser user, @RequestParam MultiValueMap<String, String> form, Model model,
            RedirectAttributes redirect) {
        return FormSubmission.on(model).keeping("form", new FormValues(form)).submit(() -> {
            var created = incidents.create(user, incidentInput(form));
            redirect.addFlashAttribute("success", "The serious incident was recorded");
            return "redirect:/learning/incidents/" + created.id();
        }, () -> newIncident(user, model));
    }

    @GetMapping("/learning/incidents/{id}")
    String incident(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, Model model) {
        var c = caseOf(user, id, model);
        var incident = c.incident();
        var rapid = c.rapidReview();
        var local = c.localReview();
        model.addAttribute("deadlines", clocks.deadlines(incident, rapid, local));
        model.addAttribute("notificationDue", clocks.clocks(incident, rapid, local).panelNotificationDue());
        model.addAttribute("notificationDays", LearningClocks.NOTIFICATION_WORKING_DAYS);
        model.addAttribute("today", java.time.LocalDate.now(clock));
        model.addAttribute("agencyNames", incidents.agencyNames(user.partnershipId()));
        model.addAttribute("criteria", Criterion.values());
        model.addAttribute("mayEdit", access.mayEdit(user));
        model.addAttribute("mayStartLocalReview", local == null && rapid != null && rapid.decision() != null
                && rapid.decision().leadsToLocalReview() && access.mayEditLocalReview(user));
        if (!model.containsAttribute("form")) {
            var form = new HashMap<String, List<String>>();
            put(form, "pseudonym", incident.pseudonym());
            putDate(form, "awareDate", incident.awareDate());
            put(form, "summary", incident.summary());
            putDate(form, "notifiedDate", incident.notifiedDate());
            form.put("criteria", incident.criteria().stream().map(Enum::name).toList());
            model.addAttribute("form", new FormValues(form));
        }
        return "learning/incident";
    }

    @PostMapping("/learning/incidents/{id}")
    String update(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @RequestParam MultiValueMap<String, String> form,
            Model model, RedirectAttributes redirect) {
        return FormSubmission.on(model).keeping("form", new FormValues(form)).conflictOn("pseudonym").submit(() -> {
            incidents.update(user, id, incidentInput(form), FormFields.version(String.valueOf(form.getFirst("version"))));
            redirect.addFlashAttribute("success", "The incident was updated");
            return "redirect:/learning/incidents/" + id;
        }, () -> incident(user, id, model));
    }

    /** Records the date the national panel was notified: the step the incident page asks for before the rapid review. */
    @PostMapping("/learning/incidents/{id}/notification")
    String notification(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @RequestParam MultiValueMap<String, String> form,
            Model model, RedirectAttributes redirect) {
        return FormSubmission.on(model).keeping("form", new FormValues(form)).conflictOn("notifiedDate").submit(() -> {
            incidents.recordNotification(user, id, DateInput.fromForm(form::getFirst, "notifiedDate"), FormFields.version(String.valueOf(form.getFirst("version"))));
            redirect.addFlashAttribute("success", "The notification to the national panel was recorded");
            return "redirect:/learning/incidents/" + id;
        }, () -> incident(user, id, model));
    }

    @GetMapping("/learning/incidents/{id}/rapid-review")
    String rapidReview(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, Model model) {
        var incident = incidents.incident(user.partnershipId(), id);
        incidents.requireEditor(user);
        if (incident.notifiedDate() == null) {
            // The notification comes first: the incident page asks for its date and offers the rapid review after.
            return "redirect:/learning/incidents/" + id;
        }
        var rapid = incidents.rapidReview(user.partnershipId(), id).orElse(null);
        model.addAttribute("incident", incident);
        model.addAttribute("rapidReview", rapid);
        model.addAttribute("rapidReviewDue", clocks.clocks(incident, rapid, null).rapidReviewDue());
        model.addAttribute("agencies", agencies.agencies(user.partnershipId()));
        model.addAttribute("decisions", ReviewDecision.values());
        if (!model.containsAttribute("form")) {
            var form = new HashMap<String, List<String>>();
            if (rapid != null) {
                putDate(form, "panelDate", rapid.panelDate());
                form.put("agencies", rapid.agencyIds().stream().map(String::valueOf).toList());
                put(form, "immediateActions", rapid.immediateActions());
                put(form, "decision", rapid.decision() == null ? null : rapid.decision().name());
                put(form, "decisionReasons", rapid.decisionReasons());
                putDate(form, "sentToPanelDate", rapid.sentToPanelDate());
                put(form, "panelResponse", rapid.panelResponse());
            }
            put(form, "version", rapid == null ? -1 : rapid.version());
            model.addAttribute("form", new FormValues(form));
        }
        return "learning/rapid-review";
    }

    @PostMapping("/learning/incidents/{id}/rapid-review")
    String saveRapidReview(@AuthenticationPrincipal CanopyUser user, @PathVariable long id,
            @RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
        if (incidents.incident(user.partnershipId(), id).notifiedDate() == null) {
            incidents.requireEditor(user);
            // A form from before the step (or a crafted post): back to the incident page, which asks for the notification.
            redirect.addFlashAttribute("failure", "Record the date the national panel was notified before the rapid review");
            return "redirect:/learning/incidents/" + id;
        }
        var agencyIds = new ArrayList<Long>();
        var problems = new ArrayList<FieldProblem>();
        for (String a : form.getOrDefault("agencies", List.of())) {
            try {
                agencyIds.add(Long.parseLong(a));
            } catch (NumberFormatException e) {
                problems.add(FieldProblem.of("agencies", "Choose agencies of the partnership"));
            }
        }
        var in = new RapidReviewInput(DateInput.fromForm(form::getFirst, "panelDate"), agencyIds, first(form, "immediateActions"),
                first(form, "decision"), first(form, "decisionReasons"), DateInput.fromForm(form::getFirst, "sentToPanelDate"),
                first(form, "panelResponse"));
        return FormSubmission.on(model).keeping("form", new FormValues(form)).conflictOn("panelDate").submit(() -> {
            if (!problems.isEmpty()) {
                throw new InvalidInput(problems);
            }
            incidents.saveRapidReview(user, id, in, FormFields.version(String.valueOf(form.getFirst("version"))));
            redirect.addFlashAttribute("success", "The rapid review was saved");
            return "redirect:/learning/incidents/" + id;
        }, () -> rapidReview(user, id, model));
    }

    @GetMapping("/learning/incidents/{id}/local-review")
    String localReview(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, Model model) {
        var c = caseOf(user, id, model);
        var incident = c.incident();
        var rapid = c.rapidReview();
        var local = c.localReview();
        model.addAttribute("clocks", clocks.clocks(incident, rapid, local));
        model.addAttribute("workshopRule", LearningClocks.LEARNING_WORKSHOP_RULE);
        model.addAttribute("names", people.displayNames(user.partnershipId()));
        model.addAttribute("methods", ReviewMethod.values());
        model.addAttribute("stages", Stage.values());
        model.addAttribute("mayEdit", access.mayEditLocalReview(user)
                && (local != null || (rapid != null && rapid.decision() != null && rapid.decision().leadsToLocalReview())));
        if (!model.containsAttribute("form")) {
            var form = new HashMap<String, List<String>>();
            if (local != null) {
                putDate(form, "startDate", local.startDate());
                form.put("methods", local.methods().stream().map(Enum::name).toList());
                put(form, "author", local.author());
                put(form, "progress", local.progress());
                local.stages().forEach((stage, date) -> putDate(form, stage.field(), date));
            }
            put(form, "version", local == null ? -1 : local.version());
            model.addAttribute("form", new FormValues(form));
        }
        return "learning/local-review";
    }

    @PostMapping("/learning/incidents/{id}/local-review")
    String saveLocalReview(@AuthenticationPrincipal CanopyUser user, @PathVariable long id,
            @RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
        var stages = new EnumMap<Stage, DateInput>(Stage.class);
        for (var stage : Stage.values()) {
            stages.put(stage, DateInput.fromForm(form::getFirst, stage.field()));
        }
        var in = new LocalReviewInput(DateInput.fromForm(form::getFirst, "startDate"), Set.copyOf(form.getOrDefault("methods", List.of())),
                first(form, "author"), "yes".equals(first(form, "authorConfirmed")), first(form, "progress"), stages);
        return FormSubmission.on(model).keeping("form", new FormValues(form)).conflictOn("startDate").submit(() -> {
            localReviews.save(user, id, in, FormFields.version(String.valueOf(form.getFirst("version"))));
            redirect.addFlashAttribute("success", "The local review was saved");
            return "redirect:/learning/incidents/" + id + "/local-review";
        }, () -> localReview(user, id, model));
    }

    private static IncidentInput incidentInput(MultiValueMap<String, String> form) {
        var criteria = EnumSet.noneOf(Criterion.class);
        for (String c : form.getOrDefault("criteria", List.of())) {
            for (var known : Criterion.values()) {
                if (known.name().equals(c)) {
                    criteria.add(known);
                }
            }
        }
        return new IncidentInput(first(form, "pseudonym"), DateInput.fromForm(form::getFirst, "awareDate"), first(form, "summary"),
                criteria, DateInput.fromForm(form::getFirst, "notifiedDate"));
    }

    private static String first(MultiValueMap<String, String> form, String field) {
        return form.getFirst(field);
    }

    private static void put(Map<String, List<String>> form, String field, Object value) {
        form.put(field, value == null ? List.of() : List.of(String.valueOf(value)));
    }

    /** A stored date into its date input's three fields. */
    private static void putDate(Map<String, List<String>> form, String field, java.time.LocalDate date) {
        DateInput.fields(field, date).forEach((name, value) -> form.put(name, List.of(value)));
    }
}
