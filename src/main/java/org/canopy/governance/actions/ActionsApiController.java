package org.canopy.governance.actions;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.canopy.governance.Groups;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.People;
import org.canopy.web.NotFound;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A group's action list and the decisions register over the API: {@code GET /api/v1/groups/{id}/actions} →
 * {@code [{ "id", "text", "owner", "agencyId", "due", "status", "overdue", "meetingId" }]} and
 * {@code GET /api/v1/decisions} → {@code [{ "id", "groupId", "meetingId", "date", "text" }]}.
 */
@RestController
class ActionsApiController {

    private final ActionList actions;
    private final Decisions decisions;
    private final Groups groups;
    private final People people;

    ActionsApiController(ActionList actions, Decisions decisions, Groups groups, People people) {
        this.actions = actions;
        this.decisions = decisions;
        this.groups = groups;
        this.people = people;
    }

    @GetMapping("/api/v1/groups/{id}/actions")
    List<Map<String, Object>> actions(@AuthenticationPrincipal CanopyUser user, @PathVariable long id) {
        if (groups.byIds(user.partnershipId(), List.of(id)).isEmpty()) {
            throw new NotFound("The group");
        }
        if (!groups.mayRead(user, id)) {
            throw new AccessDeniedException("This group's records are not open to you");
        }
        var names = new HashMap<Long, String>();
        people.inPartnership(user.partnershipId()).forEach(p -> names.put(p.id(), p.displayName()));
        var today = actions.today();
        return actions.ofGroup(user.partnershipId(), id).stream().map(a -> {
            var json = new LinkedHashMap<String, Object>();
            json.put("id", a.id());
            json.put("text", a.text());
            json.put("owner", names.get(a.ownerUserId()));
            json.put("agencyId", a.agencyId());
            json.put("due", a.dueOn());
            json.put("status", a.status().name());
            json.put("overdue", a.overdueOn(today));
            json.put("meetingId", a.meetingId());
            return (Map<String, Object>) json;
        }).toList();
    }

    @GetMapping("/api/v1/decisions")
    List<Map<String, Object>> decisions(@AuthenticationPrincipal CanopyUser user) {
        return decisions.register(user.partnershipId()).stream().filter(d -> groups.mayRead(user, d.groupId())).map(d -> {
            var json = new LinkedHashMap<String, Object>();
            json.put("id", d.id());
            json.put("groupId", d.groupId());
            json.put("meetingId", d.meetingId());
            json.put("date", d.decidedOn());
            json.put("text", d.text());
            return (Map<String, Object>) json;
        }).toList();
    }
}
