package org.canopy.data.rounds;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.canopy.data.checks.FigureChecks;
import org.canopy.data.observations.ObservationRow;
import org.canopy.partnership.CanopyUser;
import org.canopy.web.FieldProblem;
import org.canopy.web.InvalidInput;
import org.canopy.web.JsonInput;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Submission rounds over the API (an addition to API.md): list the rounds, read an agency's submission,
 * and save or submit it. A contributor's agency is their own; the administrator names one with {@code agency}.
 */
@RestController
@RequestMapping("/api/v1/data-rounds")
class RoundsApiController {

    private final DataRounds rounds;

    RoundsApiController(DataRounds rounds) {
        this.rounds = rounds;
    }

    @GetMapping
    List<Map<String, Object>> rounds(@AuthenticationPrincipal CanopyUser user) {
        return rounds.rounds(user.partnershipId()).stream().map(r -> {
            var map = new LinkedHashMap<String, Object>();
            map.put("id", r.id());
            map.put("period", r.period());
            map.put("due", r.dueDate());
            map.put("open", r.open());
            return (Map<String, Object>) map;
        }).toList();
    }

    @GetMapping("/{id}/submission")
    Map<String, Object> submission(@AuthenticationPrincipal CanopyUser user, @PathVariable long id,
            @RequestParam(required = false) Long agency) {
        return json(rounds.submission(user, id, agencyOf(user, agency)));
    }

    /** Body: {@code { "figures": [{ "indicator", "value", "narrative" }], "overallNarrative", "submit", "version" }}. */
    @PutMapping("/{id}/submission")
    Map<String, Object> save(@AuthenticationPrincipal CanopyUser user, @PathVariable long id,
            @RequestParam(required = false) Long agency, @RequestBody JsonNode body) {
        long agencyId = agencyOf(user, agency);
        if (!DataRounds.maySubmitFor(user, agencyId)) {
            throw new org.springframework.security.access.AccessDeniedException("Only the agency's contributors and the administrator submit its figures");
        }
        var current = rounds.submission(user, id, agencyId);
        JsonInput.object(body);
        if (!body.has("figures") && !body.has("overallNarrative") && !body.has("submit")) {
            // An empty object (or a client sending the wrong document) would otherwise "save" nothing with a 200.
            throw new InvalidInput("figures", "Send figures, overallNarrative or submit: the body holds nothing to save");
        }
        var entries = new HashMap<String, FigureChecks.Entry>();
        current.lines().forEach(l -> entries.put(l.indicator().code(), new FigureChecks.Entry(l.shownValue(), l.narrative())));
        var rows = new java.util.ArrayList<ObservationRow>();
        int n = 0;
        for (JsonNode f : JsonInput.items(body, "figures")) {
            n++;
            if (!f.isObject()) {
                throw new InvalidInput(List.of(new FieldProblem("figures", "Each of the figures must be { indicator, value, narrative }", n)));
            }
            rows.add(new ObservationRow(n, text(f, "indicator"), current.round().period(), null, text(f, "value"), text(f, "narrative")));
        }
        if (!rows.isEmpty()) {
            entries.putAll(RoundsController.entriesFromRows(current, rows));
        }
        Integer given = JsonInput.whole(body, "version");
        int version = given == null ? current.version() : given;
        return json(rounds.save(user, id, agencyId, entries, JsonInput.text(body, "overallNarrative", current.overallNarrative()),
                JsonInput.flag(body, "submit", false), version));
    }

    private static long agencyOf(CanopyUser user, Long agency) {
        if (agency != null) {
            return agency;
        }
        if (user.agencyId() == null) {
            throw new InvalidInput("agency", "Name the agency with ?agency=");
        }
        return user.agencyId();
    }

    private static String text(JsonNode node, String field) {
        return JsonInput.text(node, field);
    }

    private static Map<String, Object> json(DataRounds.Submission s) {
        var map = new LinkedHashMap<String, Object>();
        map.put("round", s.round().period());
        map.put("agency", s.agency().name());
        map.put("status", s.status().name());
        map.put("version", s.version());
        map.put("overallNarrative", s.overallNarrative());
        map.put("reviewComment", s.reviewComment());
        map.put("figures", s.lines().stream().map(l -> {
            var f = new LinkedHashMap<String, Object>();
            f.put("indicator", l.indicator().code());
            f.put("name", l.indicator().name());
            f.put("value", l.value());
            f.put("narrative", l.narrative());
            f.put("flag", l.flag());
            return f;
        }).toList());
        return map;
    }
}
