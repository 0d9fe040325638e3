package org.canopy.learning.actionplan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.canopy.learning.access.LearningAccess;
import org.canopy.partnership.CanopyUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/recommendations}: the one consolidated action plan, as API.md sets out, with the
 * sources listed one by one and the evidence of completion as additions.
 */
@RestController
class RecommendationsApiController {

    private final ActionPlan plan;
    private final LearningAccess access;

    RecommendationsApiController(ActionPlan plan, LearningAccess access) {
        this.plan = plan;
        this.access = access;
    }

    @GetMapping("/api/v1/recommendations")
    List<Map<String, Object>> recommendations(@AuthenticationPrincipal CanopyUser user) {
        var today = plan.today();
        // A rapid or local review is named by its incident's pseudonym for case readers only.
        return LearningAccess.shown(access.mayReadCases(user), plan.recommendations(user.partnershipId())).stream().map(r -> {
            var map = new LinkedHashMap<String, Object>();
            map.put("id", r.id());
            map.put("source", r.sourceLabel());
            map.put("text", r.text());
            map.put("themes", r.themes());
            map.put("owner", r.ownerAgency());
            map.put("due", r.due());
            map.put("status", r.statusOn(today).name());
            map.put("sources", r.sources().stream().map(s -> Map.of("kind", s.kind().name(), "id", s.id(), "title", s.title())).toList());
            map.put("evidence", r.evidence());
            return (Map<String, Object>) map;
        }).toList();
    }
}
