package org.canopy.governance.arrangements;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.canopy.partnership.CanopyUser;
import org.canopy.web.NotFound;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/arrangements}: the arrangements in force, their agencies as they stand today (API.md). */
@RestController
class ArrangementsApiController {

    private final Arrangements arrangements;

    ArrangementsApiController(Arrangements arrangements) {
        this.arrangements = arrangements;
    }

    @GetMapping("/api/v1/arrangements")
    Map<String, Object> arrangements(@AuthenticationPrincipal CanopyUser user) {
        var shown = arrangements.current(user.partnershipId()).orElseThrow(() -> new NotFound("The arrangements"));
        var body = new LinkedHashMap<String, Object>();
        body.put("version", shown.version().number());
        body.put("reviewDate", shown.version().reviewOn());
        body.put("signedOff", shown.signedOff());
        var leads = new ArrayList<Map<String, Object>>();
        for (var l : shown.leads()) {
            var lead = new LinkedHashMap<String, Object>();
            lead.put("agencyId", l.agency().id());
            lead.put("role", l.role().name());
            lead.put("name", l.lead().leadName());
            var delegate = new LinkedHashMap<String, Object>();
            delegate.put("name", l.lead().delegateName());
            delegate.put("role", l.lead().delegateRole());
            lead.put("delegate", delegate);
            lead.put("signedOffOn", l.lead().signedOffOn());
            leads.add(lead);
        }
        body.put("leadSafeguardingPartners", leads);
        var ids = new ArrayList<Long>();
        shown.relevant().forEach(a -> ids.add(a.id()));
        shown.education().forEach(a -> ids.add(a.id()));
        body.put("relevantAgencyIds", ids);
        body.put("publishedDate", shown.version().publishedOn());
        return body;
    }
}
