package org.canopy.risk.register;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.canopy.partnership.CanopyUser;
import org.canopy.web.DateInput;
import org.canopy.web.FieldProblem;
import org.canopy.web.InvalidInput;
import org.canopy.web.JsonInput;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The register over the API (API.md, Risks): read the risks, and record a review from a partner's system. */
@RestController
@RequestMapping("/api/v1/risks")
class RisksApiController {

    private final Risks risks;

    RisksApiController(Risks risks) {
        this.risks = risks;
    }

    @GetMapping
    List<Map<String, Object>> list(@AuthenticationPrincipal CanopyUser user) {
        return risks.all(user).stream().map(RisksApiController::summary).toList();
    }

    @GetMapping("/{id}")
    Map<String, Object> risk(@AuthenticationPrincipal CanopyUser user, @PathVariable long id) {
        return detail(user, risks.risk(user, id));
    }

    /** Body: {@code { "reviewedOn", "note", "likelihood", "impact", "version" }} (the score and version optional). */
    @PostMapping("/{id}/reviews")
    ResponseEntity<Map<String, Object>> review(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @RequestBody JsonNode body) {
        var current = risks.risk(user, id);
        JsonInput.object(body);
        Integer given = JsonInput.whole(body, "version");
        int version = given == null ? current.version() : given;
        Risk reviewed;
        try {
            reviewed = risks.review(user, id, DateInput.iso(text(body, "reviewedOn")), text(body, "note"),
                    new Risks.ScoreInput(text(body, "likelihood"), text(body, "impact")), version);
        } catch (InvalidInput e) {
            // The service names the page's fields; the API's are "likelihood" and "impact".
            throw new InvalidInput(e.problems().stream().map(p -> new FieldProblem(switch (p.field()) {
                case "currentLikelihood" -> "likelihood";
                case "currentImpact" -> "impact";
                default -> p.field();
            }, p.message(), p.row())).toList());
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(detail(user, reviewed));
    }

    private Map<String, Object> detail(CanopyUser user, Risk r) {
        var json = summary(r);
        json.put("cause", r.cause());
        json.put("effect", r.effect());
        json.put("owner", risks.ownerText(user.partnershipId(), r));
        json.put("ownerPerson", r.ownerPerson());
        json.put("priorityIds", r.priorityIds());
        json.put("groupIds", r.groupIds());
        json.put("controls", r.controls());
        json.put("targetDate", r.targetDate());
        json.put("cadence", r.cadence() == null ? null : r.cadence().name());
        json.put("noScoreNote", r.noScoreNote());
        json.put("response", r.response());
        json.put("closingNote", r.closingNote());
        json.put("closedIn", r.closedIn());
        json.put("actions", risks.actions(r.id()).stream().map(a -> {
            var m = new LinkedHashMap<String, Object>();
            m.put("id", a.id());
            m.put("what", a.what());
            m.put("owner", a.owner());
            m.put("due", a.due());
            m.put("status", a.done() ? "DONE" : "OPEN");
            return m;
        }).toList());
        json.put("reviews", risks.reviews(r.id()).stream().map(v -> {
            var m = new LinkedHashMap<String, Object>();
            m.put("reviewedOn", v.reviewedOn());
            m.put("note", v.note());
            m.put("by", v.reviewedBy());
            m.put("current", score(v.score()));
            return m;
        }).toList());
        json.put("history", risks.history(r.id()).stream().map(h -> {
            var m = new LinkedHashMap<String, Object>();
            m.put("score", h.which().name());
            m.put("value", score(h.score()));
            m.put("at", h.changedAt());
            m.put("by", h.changedBy());
            m.put("why", h.why());
            return m;
        }).toList());
        json.put("version", r.version());
        return json;
    }

    private static Map<String, Object> summary(Risk r) {
        var json = new LinkedHashMap<String, Object>();
        json.put("id", r.id());
        json.put("title", r.title());
        json.put("ownerAgencyId", r.ownerAgencyId());
        json.put("status", r.status().name());
        json.put("reviewDue", r.reviewDue());
        json.put("inherent", score(r.inherent()));
        json.put("current", score(r.current()));
        json.put("target", score(r.target()));
        return json;
    }

    private static Map<String, Object> score(Score s) {
        if (s == null) {
            return null;
        }
        var m = new LinkedHashMap<String, Object>();
        m.put("likelihood", s.likelihood());
        m.put("impact", s.impact());
        m.put("score", s.score());
        return m;
    }

    private static String text(JsonNode body, String field) {
        return JsonInput.text(body, field);
    }
}
