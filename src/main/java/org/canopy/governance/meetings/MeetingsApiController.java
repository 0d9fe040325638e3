package org.canopy.governance.meetings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.canopy.governance.actions.ActionList;
import org.canopy.governance.actions.Decisions;
import org.canopy.governance.Groups;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.People;
import org.canopy.partnership.PersonSummary;
import org.canopy.web.DateInput;
import org.canopy.web.JsonInput;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Meetings over the API (API.md, Governance and scrutiny): a group's meetings, one meeting with its agenda, attendance,
 * actions and decisions, and scheduling one ({@code { "date", "startTime", "place", "chairId" }}, only the date required).
 */
@RestController
class MeetingsApiController {

    private final Meetings meetings;
    private final Agenda agenda;
    private final ActionList actions;
    private final Decisions decisions;
    private final People people;
    private final Groups groups;

    MeetingsApiController(Meetings meetings, Agenda agenda, ActionList actions, Decisions decisions, People people, Groups groups) {
        this.groups = groups;
        this.meetings = meetings;
        this.agenda = agenda;
        this.actions = actions;
        this.decisions = decisions;
        this.people = people;
    }

    @GetMapping("/api/v1/groups/{id}/meetings")
    List<Map<String, Object>> list(@AuthenticationPrincipal CanopyUser user, @PathVariable long id) {
        meetings.readableGroup(user, id);
        return meetings.ofGroup(user.partnershipId(), id).stream().map(m -> {
            var json = new LinkedHashMap<String, Object>();
            json.put("id", m.id());
            json.put("date", m.meetingDate());
            json.put("quorate", meetings.quorum(user.partnershipId(), m).quorate());
            return (Map<String, Object>) json;
        }).toList();
    }

    @GetMapping("/api/v1/meetings/{id}")
    Map<String, Object> one(@AuthenticationPrincipal CanopyUser user, @PathVariable long id) {
        return json(user, meetings.readable(user, id));
    }

    @PostMapping("/api/v1/groups/{id}/meetings")
    ResponseEntity<Map<String, Object>> schedule(@AuthenticationPrincipal CanopyUser user, @PathVariable long id,
            @RequestBody JsonNode body) {
        JsonInput.object(body);
        var meeting = meetings.schedule(user, id, DateInput.iso(text(body, "date")), text(body, "startTime"), text(body, "place"),
                text(body, "chairId"));
        return ResponseEntity.status(HttpStatus.CREATED).body(json(user, meeting));
    }

    private Map<String, Object> json(CanopyUser user, Meetings.Meeting m) {
        long p = user.partnershipId();
        var group = meetings.readableGroup(user, m.groupId());
        var names = new java.util.HashMap<Long, String>();
        people.inPartnership(p).forEach((PersonSummary person) -> names.put(person.id(), person.displayName()));
        var json = new LinkedHashMap<String, Object>();
        json.put("id", m.id());
        json.put("groupId", m.groupId());
        json.put("date", m.meetingDate());
        json.put("startTime", m.startsAt() == null ? null : m.startsAt().toString());
        json.put("place", m.place());
        json.put("chair", m.chairUserId() == null ? null : names.get(m.chairUserId()));
        json.put("held", m.held());
        var quorum = meetings.quorum(p, m);
        json.put("quorate", quorum.quorate());
        json.put("quorum", quorum.words());
        json.put("agenda", agenda.items(user, m, group).stream().map(i -> {
            var item = new LinkedHashMap<String, Object>();
            item.put("title", i.title());
            item.put("kind", i.kind());
            item.put("detail", i.detail());
            item.put("status", i.status());
            item.put("invitedAgencyId", i.invitedAgencyId());
            return item;
        }).toList());
        var unknown = groups.youngScrutineersUnknownTo(user, m.groupId()); // a child's name, for the few who may know it
        json.put("attendance", meetings.attendance(p, m.id()).stream().filter(a -> a.userId() == null || !unknown.contains(a.userId()))
                .map(a -> {
            var row = new LinkedHashMap<String, Object>();
            row.put("name", a.userId() == null ? null : names.get(a.userId()));
            row.put("agencyId", a.agencyId());
            row.put("status", a.status());
            return row;
        }).toList());
        json.put("actions", actions.raisedAt(p, m.id()).stream().map(a -> {
            var row = new LinkedHashMap<String, Object>();
            row.put("id", a.id());
            row.put("text", a.text());
            row.put("owner", names.get(a.ownerUserId()));
            row.put("agencyId", a.agencyId());
            row.put("due", a.dueOn());
            row.put("status", a.status().name());
            return row;
        }).toList());
        json.put("decisions", decisions.atMeeting(p, m.id()).stream().map(Decisions.Decision::text).toList());
        return json;
    }

    private static String text(JsonNode body, String field) {
        return JsonInput.text(body, field);
    }
}
