package org.canopy.voice.feedback;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.canopy.partnership.CanopyUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The feedback log over the API (README, Voice): the items, the themes and "you said, we did", for everyone signed in. */
@RestController
@RequestMapping("/api/v1/feedback")
class FeedbackApiController {

    private final FeedbackLog log;
    private final FeedbackThemes themes;
    private final Responses responses;

    FeedbackApiController(FeedbackLog log, FeedbackThemes themes, Responses responses) {
        this.log = log;
        this.themes = themes;
        this.responses = responses;
    }

    /**
     * The log's items (API.md), filtered by {@code year} (2020-21), {@code theme} (id), {@code source} (ENGAGEMENT_GROUP...)
     * and {@code priority} (id, directly or through a theme), each with the responses to it.
     */
    @GetMapping
    List<Map<String, Object>> list(@AuthenticationPrincipal CanopyUser user, @RequestParam(required = false) String year,
            @RequestParam(required = false) String theme, @RequestParam(required = false) String source,
            @RequestParam(required = false) String priority) {
        long p = user.partnershipId();
        var tags = log.themesByItem(p);
        var priorities = log.prioritiesByItem(p);
        var answered = new java.util.HashMap<Long, List<Map<String, Object>>>();
        for (var r : responses.all(p)) {
            if (r.feedbackId() != null) {
                answered.computeIfAbsent(r.feedbackId(), k -> new java.util.ArrayList<>()).add(brief(r));
            }
        }
        return log.items(p, FeedbackLog.Filter.of(year, source, theme, null, priority)).stream().map(i -> {
            var json = json(i, tags.getOrDefault(i.id(), List.of()), priorities.getOrDefault(i.id(), List.of()));
            json.put("responses", answered.getOrDefault(i.id(), List.of()));
            return (Map<String, Object>) json;
        }).toList();
    }

    /** A response as API.md gives it beside an item: what was done, when, by whom. */
    private static Map<String, Object> brief(Responses.Response r) {
        var json = new LinkedHashMap<String, Object>();
        json.put("text", r.done());
        json.put("date", r.doneOn());
        json.put("by", r.doneBy());
        return json;
    }

    @GetMapping("/{id:\\d+}")
    Map<String, Object> item(@AuthenticationPrincipal CanopyUser user, @PathVariable long id) {
        long p = user.partnershipId();
        var json = json(log.get(p, id), log.themesByItem(p).getOrDefault(id, List.of()), log.prioritiesByItem(p).getOrDefault(id, List.of()));
        json.put("responses", responses.onItem(p, id).stream().map(FeedbackApiController::json).toList());
        return json;
    }

    @GetMapping("/themes")
    List<Map<String, Object>> themes(@AuthenticationPrincipal CanopyUser user) {
        long p = user.partnershipId();
        return themes.all(p).stream().map(t -> {
            var json = new LinkedHashMap<String, Object>();
            json.put("id", t.id());
            json.put("name", t.name());
            json.put("description", t.description());
            json.put("sourceNote", t.sourceNote());
            json.put("items", t.items());
            json.put("priorityIds", themes.priorities(p, t.id()).stream().map(FeedbackLog.Tag::id).toList());
            return (Map<String, Object>) json;
        }).toList();
    }

    @GetMapping("/responses")
    List<Map<String, Object>> responses(@AuthenticationPrincipal CanopyUser user) {
        return responses.all(user.partnershipId()).stream().map(FeedbackApiController::json).toList();
    }

    private static Map<String, Object> json(FeedbackLog.Item i, List<FeedbackLog.Tag> themes, List<FeedbackLog.Tag> priorities) {
        var json = new LinkedHashMap<String, Object>();
        json.put("id", i.id());
        json.put("text", i.words());
        json.put("words", i.words());
        json.put("ownWords", i.ownWords());
        json.put("source", i.source().name());
        json.put("engagementGroupId", i.engagementGroupId());
        json.put("engagementGroup", i.engagementGroup());
        json.put("speaker", i.speaker().name());
        json.put("ageBand", i.ageBand().name());
        json.put("heardOn", i.heardOn());
        json.put("heardWhen", i.heardWhen());
        json.put("heardIn", i.heardIn());
        json.put("context", i.context());
        // API.md's date: the day heard, or the period's words when only that is known.
        json.put("date", i.heardOn() != null ? i.heardOn().toString() : i.heardWhen() != null ? i.heardWhen() : i.heardIn());
        json.put("themes", themes.stream().map(FeedbackLog.Tag::name).toList());
        json.put("themeTags", themes.stream().map(t -> Map.of("id", t.id(), "name", t.name(), "taggedBy", t.taggedBy())).toList());
        json.put("priorityIds", priorities.stream().map(FeedbackLog.Tag::id).toList());
        json.put("version", i.version());
        return json;
    }

    private static Map<String, Object> json(Responses.Response r) {
        var json = new LinkedHashMap<String, Object>();
        json.put("id", r.id());
        json.put("feedbackId", r.feedbackId());
        json.put("themeId", r.themeId());
        json.put("done", r.done());
        json.put("doneBy", r.doneBy());
        json.put("doneOn", r.doneOn());
        json.put("evidence", r.evidence());
        json.put("evidenceUrl", r.evidenceUrl());
        json.put("childrenTold", r.childrenTold());
        json.put("childrenToldHow", r.childrenToldHow());
        json.put("published", r.published());
        json.put("plainWords", r.plainWords());
        json.put("version", r.version());
        return json;
    }
}
