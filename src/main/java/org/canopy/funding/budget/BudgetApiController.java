package org.canopy.funding.budget;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.canopy.partnership.CanopyUser;
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

/** The shared budget over the API: the years, a year (amounts as exact decimal strings), and a received contribution. */
@RestController
@RequestMapping("/api/v1/funding")
class BudgetApiController {

    private final Budgets budgets;

    BudgetApiController(Budgets budgets) {
        this.budgets = budgets;
    }

    @GetMapping("/years")
    List<Map<String, Object>> years(@AuthenticationPrincipal CanopyUser user) {
        long p = user.partnershipId();
        return budgets.years(p).stream().map(y -> {
            var s = budgets.statement(p, y.financialYear());
            var json = new LinkedHashMap<String, Object>();
            json.put("year", y.financialYear());
            json.put("income", Money.plain(s.income()));
            json.put("spending", Money.plain(s.spending()));
            json.put("balance", Money.plain(s.balance()));
            json.put("published", y.published());
            return (Map<String, Object>) json;
        }).toList();
    }

    /** The year as API.md gives it ({@code /api/v1/funding/{year}}) and under {@code /years/{year}}. */
    @GetMapping({"/years/{year:\\d{4}-\\d{2}}", "/{year:\\d{4}-\\d{2}}"})
    Map<String, Object> year(@AuthenticationPrincipal CanopyUser user, @PathVariable String year) {
        return json(budgets.statement(user.partnershipId(), year));
    }

    /** Body: {@code { "agencyId", "received" }} ("5000.00"): a partner's finance system records what it paid. */
    @PostMapping("/years/{year:\\d{4}-\\d{2}}/received")
    ResponseEntity<Map<String, Object>> received(@AuthenticationPrincipal CanopyUser user, @PathVariable String year, @RequestBody JsonNode body) {
        JsonInput.object(body);
        Long agencyId = JsonInput.id(body, "agencyId");
        String received = JsonInput.text(body, "received");
        var c = budgets.recordReceived(user, year, agencyId, received);
        var json = new LinkedHashMap<String, Object>();
        json.put("id", c.id());
        json.put("agencyId", c.agencyId());
        json.put("agreed", Money.plain(c.agreed()));
        json.put("received", Money.plain(c.received()));
        json.put("version", c.version());
        return ResponseEntity.status(HttpStatus.CREATED).body(json);
    }

    static Map<String, Object> json(Budgets.Statement s) {
        var json = new LinkedHashMap<String, Object>();
        json.put("year", s.year().financialYear());
        json.put("contributions", s.contributions().stream().map(c -> {
            var m = new LinkedHashMap<String, Object>();
            m.put("id", c.contribution().id());
            m.put("agencyId", c.contribution().agencyId());
            m.put("agency", c.agency() == null ? null : c.agency().name());
            m.put("kind", c.agency() == null ? null : c.agency().kind().name());
            m.put("agreed", Money.plain(c.contribution().agreed()));
            m.put("received", Money.plain(c.contribution().received()));
            m.put("version", c.contribution().version());
            return m;
        }).toList());
        json.put("carriedForward", Money.plain(s.carriedForward()));
        json.put("inKind", s.inKind().stream().map(k -> {
            var m = new LinkedHashMap<String, Object>();
            m.put("agencyId", k.inKind().agencyId());
            m.put("kind", k.inKind().kind());
            m.put("hours", k.inKind().hours() == null ? null : k.inKind().hours().toPlainString());
            m.put("description", k.inKind().description());
            return m;
        }).toList());
        json.put("outgoings", s.outgoings().stream().map(o -> {
            var m = new LinkedHashMap<String, Object>();
            m.put("id", o.id());
            m.put("item", o.line());
            m.put("category", o.category());
            m.put("budget", Money.plain(o.budget()));
            m.put("amount", Money.plain(o.actual()));
            m.put("version", o.version());
            return m;
        }).toList());
        json.put("income", Money.plain(s.income()));
        json.put("spending", Money.plain(s.spending()));
        json.put("balance", Money.plain(s.balance()));
        json.put("balanceInWords", s.balanceInWords());
        json.put("basis", s.year().basis());
        json.put("shares", s.shares().stream().map(sh -> {
            var m = new LinkedHashMap<String, Object>();
            m.put("partner", sh.partner().name());
            m.put("agencyId", sh.agency() == null ? null : sh.agency().id());
            m.put("contribution", Money.plain(sh.contribution()));
            m.put("shareOfTotal", sh.ofTotal() == null ? null : sh.ofTotal().setScale(1, java.math.RoundingMode.HALF_UP).toPlainString());
            m.put("shareOfThree", sh.ofThree() == null ? null : sh.ofThree().setScale(1, java.math.RoundingMode.HALF_UP).toPlainString());
            m.put("expectedShare", sh.expectedPercent() == null ? null : sh.expectedPercent().setScale(1, java.math.RoundingMode.HALF_UP).toPlainString());
            m.put("expectedAmount", Money.plain(sh.expectedAmount()));
            m.put("difference", Money.plain(sh.difference()));
            return m;
        }).toList());
        json.put("signOffs", s.signings().stream().map(g -> {
            var m = new LinkedHashMap<String, Object>();
            m.put("partner", g.partner().name());
            m.put("signedBy", g.signOff() == null ? null : g.signOff().signedBy());
            m.put("signedOn", g.signOff() == null ? null : g.signOff().signedOn());
            return m;
        }).toList());
        json.put("published", s.year().published());
        json.put("version", s.year().version());
        return json;
    }
}
