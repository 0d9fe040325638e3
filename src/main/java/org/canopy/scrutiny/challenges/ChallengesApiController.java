package org.canopy.scrutiny.challenges;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.People;
import org.canopy.web.DateInput;
import org.canopy.web.JsonInput;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Challenges over the API (API.md, Governance and scrutiny): read them, and raise one as a scrutineer. */
@RestController
@RequestMapping("/api/v1/challenges")
class ChallengesApiController {

    private final Challenges challenges;
    private final People people;

    ChallengesApiController(Challenges challenges, People people) {
        this.challenges = challenges;
        this.people = people;
    }

    /** The challenges the person may read, newest first. */
    @GetMapping
    List<Map<String, Object>> list(@AuthenticationPrincipal CanopyUser user) {
        var names = people.displayNames(user.partnershipId());
        return challenges.readable(user).stream().map(c -> json(c, names, challenges)).toList();
    }

    /** Body: {@code { "toGroupId", "text", "responseDue", "evidence" }} ({@code "toAgencyId"} instead of a group). */
    @PostMapping
    ResponseEntity<Map<String, Object>> raise(@AuthenticationPrincipal CanopyUser user, @RequestBody JsonNode body) {
        JsonInput.object(body);
        Long group = JsonInput.id(body, "toGroupId");
        Long agency = JsonInput.id(body, "toAgencyId");
        String target = agency != null && group == null ? "agency:" + agency : "group:" + (group == null ? "" : group);
        var raised = challenges.raise(user, target, text(body, "text"), text(body, "evidence"), DateInput.iso(text(body, "responseDue")));
        return ResponseEntity.status(HttpStatus.CREATED).body(json(raised, people.displayNames(user.partnershipId()), challenges));
    }

    static Map<String, Object> json(Challenge c, Map<String, String> names, Challenges challenges) {
        var json = new LinkedHashMap<String, Object>();
        json.put("id", c.id());
        json.put("raisedBy", names.getOrDefault(c.raisedBy(), c.raisedBy()));
        json.put("toGroupId", c.toGroupId());
        json.put("toAgencyId", c.toAgencyId());
        json.put("to", c.toName());
        json.put("text", c.text());
        json.put("evidence", c.evidence());
        json.put("responseDue", c.responseDue());
        json.put("response", c.response());
        json.put("satisfied", c.satisfied());
        json.put("whatChanged", c.whatChanged());
        json.put("status", c.status(challenges.today()).name());
        json.put("version", c.version());
        return json;
    }

    private static String text(JsonNode body, String field) {
        return JsonInput.text(body, field);
    }
}
