package org.canopy.voice.engagement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.canopy.partnership.CanopyUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Engagement groups and canvassing visits over the API (README, Voice of children and young people): reads for anyone signed in. */
@RestController
@RequestMapping("/api/v1")
class EngagementApiController {

    private final EngagementGroups groups;
    private final Canvassing canvassing;

    EngagementApiController(EngagementGroups groups, Canvassing canvassing) {
        this.groups = groups;
        this.canvassing = canvassing;
    }

    /** Every engagement group, by name, with when it was last heard from. */
    @GetMapping("/engagement-groups")
    List<Map<String, Object>> engagementGroups(@AuthenticationPrincipal CanopyUser user) {
        return groups.rows(user.partnershipId()).stream().map(r -> {
            var json = new LinkedHashMap<String, Object>();
            json.put("id", r.group().id());
            json.put("name", r.group().name());
            json.put("description", r.group().description());
            json.put("active", r.group().active());
            json.put("lastHeard", r.lastHeard() == null ? null : r.lastHeard().text());
            json.put("lastHeardBy", r.lastHeard() == null ? null : r.lastHeard().latest());
            json.put("heardLately", r.heardLately());
            json.put("visitsDone", r.visitsDone());
            json.put("visitsPlanned", r.visitsPlanned());
            json.put("feedbackItems", r.feedbackItems());
            json.put("version", r.group().version());
            return (Map<String, Object>) json;
        }).toList();
    }

    /** Every canvassing visit, newest first, with the questions it takes. */
    @GetMapping("/canvass-visits")
    List<Map<String, Object>> visits(@AuthenticationPrincipal CanopyUser user) {
        return canvassing.visits(user.partnershipId()).stream().map(view -> {
            var v = view.visit();
            var json = new LinkedHashMap<String, Object>();
            json.put("id", v.id());
            json.put("engagementGroupId", v.engagementGroupId());
            json.put("engagementGroup", view.group());
            json.put("agencyId", v.agencyId());
            json.put("agency", view.agency());
            json.put("canvasser", v.canvasser());
            json.put("date", v.visitedOn());
            json.put("dayKnown", v.dayKnown());
            json.put("when", v.when());
            json.put("status", v.status().name());
            json.put("purpose", v.purpose());
            json.put("heard", v.heard());
            json.put("questions", view.questions().stream().map(q -> Map.of("id", q.id(), "text", q.text())).toList());
            json.put("version", v.version());
            return (Map<String, Object>) json;
        }).toList();
    }
}
