package org.canopy.partnership.accounts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.canopy.partnership.CanopyUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/agencies}: the partnership's agencies, past ones included, with their period and successor (API.md). */
@RestController
class AgenciesApiController {

    private final Agencies agencies;

    AgenciesApiController(Agencies agencies) {
        this.agencies = agencies;
    }

    @GetMapping("/api/v1/agencies")
    List<Map<String, Object>> agencies(@AuthenticationPrincipal CanopyUser user) {
        return agencies.agencies(user.partnershipId()).stream().map(a -> {
            var map = new LinkedHashMap<String, Object>();
            map.put("id", a.id());
            map.put("name", a.name());
            map.put("kind", a.kind().name());
            map.put("from", a.from());
            map.put("until", a.until());
            map.put("successorId", a.successorId());
            return (Map<String, Object>) map;
        }).toList();
    }
}
