package org.canopy.learning.incidents;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.canopy.learning.access.LearningAccess;
import org.canopy.learning.incidents.Incidents.Incident;
import org.canopy.learning.incidents.Incidents.IncidentInput;
import org.canopy.learning.reviews.LocalReviews;
import org.canopy.learning.reviews.Stage;
import org.canopy.partnership.CanopyUser;
import org.canopy.web.DateInput;
import org.canopy.web.InvalidInput;
import org.canopy.web.JsonInput;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Serious incidents over the API (API.md, Learning): record one, set its dates with PATCH, read them with their
 * deadlines. {@code criteria} is a list of {@link Criterion} names; PATCH takes an optional {@code version}.
 */
@RestController
@RequestMapping("/api/v1/incidents")
class IncidentsApiController {

    private final Incidents incidents;
    private final LocalReviews localReviews;
    private final LearningClocks clocks;
    private final LearningAccess access;

    IncidentsApiController(Incidents incidents, LocalReviews localReviews, LearningClocks clocks, LearningAccess access) {
        this.incidents = incidents;
        this.localReviews = localReviews;
        this.clocks = clocks;
        this.access = access;
    }

    /** Case records: only those who may read cases (everyone else gets 403). */
    @GetMapping
    List<Map<String, Object>> list(@AuthenticationPrincipal CanopyUser user) {
        access.requireCaseReader(user);
        return incidents.incidents(user.partnershipId()).stream().map(i -> json(user, i)).toList();
    }

    /** One case record: 404 when it is not the partnership's, then 403 for those who may not read cases. */
    @GetMapping("/{id}")
    Map<String, Object> one(@AuthenticationPrincipal CanopyUser user, @PathVariable long id) {
        var incident = incidents.incident(user.partnershipId(), id);
        access.requireCaseReader(user);
        return json(user, incident);
    }

    /** Body: {@code { "pseudonym", "awareDate", "summary", "criteria", "notifiedDate" }}. */
    @PostMapping
    ResponseEntity<Map<String, Object>> create(@AuthenticationPrincipal CanopyUser user, @RequestBody JsonNode body) {
        JsonInput.object(body);
        var in = new IncidentInput(text(body, "pseudonym", null), DateInput.iso(text(body, "awareDate", null)), text(body, "summary", null),
                criteria(body, Set.of()), DateInput.iso(text(body, "notifiedDate", null)));
        return ResponseEntity.status(HttpStatus.CREATED).body(json(user, incidents.create(user, in)));
    }

    /** Changes only the fields present in the body. */
    @PatchMapping("/{id}")
    Map<String, Object> patch(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @RequestBody JsonNode body) {
        var current = incidents.incident(user.partnershipId(), id);
        incidents.requireEditor(user);
        JsonInput.object(body);
        var in = new IncidentInput(text(body, "pseudonym", current.pseudonym()),
                DateInput.iso(text(body, "awareDate", iso(current.awareDate()))), text(body, "summary", current.summary()),
                criteria(body, current.criteria()), DateInput.iso(text(body, "notifiedDate", iso(current.notifiedDate()))));
        Integer given = JsonInput.whole(body, "version");
        int version = given == null ? current.version() : given;
        return json(user, incidents.update(user, id, in, version));
    }

    private Map<String, Object> json(CanopyUser user, Incident i) {
        var rapid = incidents.rapidReview(user.partnershipId(), i.id()).orElse(null);
        var local = localReviews.localReview(user.partnershipId(), i.id()).orElse(null);
        var c = clocks.clocks(i, rapid, local);
        var deadlines = new LinkedHashMap<String, Object>();
        deadlines.put("panelNotificationDue", c.panelNotificationDue());
        if (c.rapidReviewDue() != null) {
            deadlines.put("rapidReviewDue", c.rapidReviewDue());
        }
        if (c.reviewPublicationDue() != null) {
            deadlines.put("reviewPublicationDue", c.reviewPublicationDue());
        }
        if (c.learningWorkshopDue() != null) {
            deadlines.put("learningWorkshopDue", c.learningWorkshopDue());
            deadlines.put("followUpWorkshopDue", c.followUpWorkshopDue());
        }
        var map = new LinkedHashMap<String, Object>();
        map.put("id", i.id());
        map.put("pseudonym", i.pseudonym());
        map.put("awareDate", i.awareDate());
        map.put("summary", i.summary());
        map.put("criteria", i.criteria().stream().map(Enum::name).toList());
        map.put("notifiedDate", i.notifiedDate());
        map.put("version", i.version());
        map.put("deadlines", deadlines);
        if (rapid != null) {
            var r = new LinkedHashMap<String, Object>();
            r.put("panelDate", rapid.panelDate());
            r.put("decision", rapid.decision() == null ? null : rapid.decision().name());
            r.put("sentToPanelDate", rapid.sentToPanelDate());
            map.put("rapidReview", r);
        }
        if (local != null) {
            var l = new LinkedHashMap<String, Object>();
            l.put("startDate", local.startDate());
            l.put("methods", local.methods().stream().map(Enum::name).toList());
            l.put("publishedDate", local.stage(Stage.PUBLISHED));
            map.put("localReview", l);
        }
        return map;
    }

    private static String text(JsonNode body, String field, String otherwise) {
        return JsonInput.text(body, field, otherwise);
    }

    private static Set<Criterion> criteria(JsonNode body, Set<Criterion> otherwise) {
        if (!body.has("criteria")) {
            return otherwise;
        }
        var set = EnumSet.noneOf(Criterion.class);
        for (var node : JsonInput.items(body, "criteria")) {
            try {
                if (!node.isString()) {
                    throw new IllegalArgumentException("not a name");
                }
                set.add(Criterion.valueOf(node.asString()));
            } catch (IllegalArgumentException e) {
                throw new InvalidInput("criteria", "Each criterion must be one of " + java.util.Arrays.toString(Criterion.values()));
            }
        }
        return set;
    }

    private static String iso(java.time.LocalDate date) {
        return date == null ? null : date.toString();
    }
}
