package org.canopy.funding.budget;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.canopy.funding.budget.Terms.Basis;
import org.canopy.funding.budget.Terms.Category;
import org.canopy.funding.budget.Terms.InKindKind;
import org.canopy.funding.budget.Terms.LeadPartner;
import org.canopy.partnership.CanopyUser;
import org.canopy.reporting.TableExport;
import org.canopy.web.DateInput;
import org.canopy.web.FormFields;
import org.canopy.web.FormSubmission;
import org.canopy.web.InvalidInput;
import org.canopy.web.NotFound;
import org.springframework.http.ContentDisposition;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The funding pages: the years, a year's budget, the forms for its lines, its downloads, and the published statement. */
@Controller
class BudgetController {

    private static final String YEAR = "{year:\\d{4}-\\d{2}}";

    /** One bar pair of the budget against actual chart, widths in percent of the largest amount. */
    record Bar(String line, int y, BigDecimal budgetWidth, BigDecimal actualWidth) {
    }

    private final Budgets budgets;

    BudgetController(Budgets budgets) {
        this.budgets = budgets;
    }

    @GetMapping("/funding")
    String overview(@AuthenticationPrincipal CanopyUser user, Model model) {
        long p = user.partnershipId();
        model.addAttribute("statements", budgets.years(p).stream().map(y -> budgets.statement(p, y.financialYear())).toList());
        model.addAttribute("mayEdit", Budgets.keepsMoney(user));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "funding/overview";
    }

    @PostMapping("/funding/years")
    String addYear(@AuthenticationPrincipal CanopyUser user, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return FormSubmission.on(model).keeping("form", form).submit(() -> {
            var year = budgets.addYear(user, form.get("financialYear"));
            redirect.addFlashAttribute("success", "The budget for " + year.financialYear() + " was added");
            return "redirect:/funding/" + year.financialYear();
        }, () -> overview(user, model));
    }

    @GetMapping("/funding/" + YEAR)
    String year(@AuthenticationPrincipal CanopyUser user, @PathVariable String year, Model model) {
        var statement = budgets.statement(user.partnershipId(), year);
        model.addAttribute("statement", statement);
        model.addAttribute("bars", bars(statement.outgoings()));
        model.addAttribute("mayEdit", Budgets.keepsMoney(user));
        model.addAttribute("mayRecord", Budgets.mayRecordFor(user, null));
        model.addAttribute("ownAgency", user.agencyId());
        model.addAttribute("maySignOff", Budgets.maySignOff(user));
        model.addAttribute("partners", LeadPartner.values());
        model.addAttribute("today", budgets.today());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "funding/year";
    }

    @GetMapping("/funding/" + YEAR + ".{format}")
    void download(@AuthenticationPrincipal CanopyUser user, @PathVariable String year, @PathVariable String format,
            HttpServletResponse response) throws IOException {
        if (!format.equals("csv") && !format.equals("xlsx")) {
            throw new NotFound("The download");
        }
        var table = table(budgets.statement(user.partnershipId(), year));
        boolean csv = format.equals("csv");
        response.setContentType(csv ? "text/csv; charset=UTF-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition",
                ContentDisposition.attachment().filename(table.title() + "." + format, StandardCharsets.UTF_8).build().toString());
        if (csv) {
            TableExport.csv(table, response.getOutputStream());
        } else {
            TableExport.xlsx(table, response.getOutputStream());
        }
    }

    @PostMapping("/funding/" + YEAR + "/sign-off")
    String signOff(@AuthenticationPrincipal CanopyUser user, @PathVariable String year, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        return FormSubmission.on(model).keeping("form", form).submit(() -> {
            budgets.signOff(user, year, form.get("role"), form.get("signedBy"), DateInput.fromForm(form::get, "signedOn"));
            redirect.addFlashAttribute("success", "The sign-off was recorded");
            return "redirect:/funding/" + year + "#sign-off";
        }, () -> year(user, year, model));
    }

    @PostMapping("/funding/" + YEAR + "/publication")
    String publish(@AuthenticationPrincipal CanopyUser user, @PathVariable String year, @RequestParam(defaultValue = "true") boolean published,
            RedirectAttributes redirect) {
        budgets.publish(user, year, published);
        redirect.addFlashAttribute("success", published ? "The funding statement for " + year + " is published" : "The funding statement was withdrawn");
        return "redirect:/funding/" + year;
    }

    // ---- settings: basis and lead partners

    @GetMapping("/funding/" + YEAR + "/settings")
    String settings(@AuthenticationPrincipal CanopyUser user, @PathVariable String year, Model model) {
        requireKeeper(user);
        var y = budgets.requireYear(user.partnershipId(), year);
        model.addAttribute("year", y);
        model.addAttribute("bases", Basis.values());
        model.addAttribute("partners", LeadPartner.values());
        model.addAttribute("statutory", budgets.statutoryPartners(user.partnershipId()));
        if (!model.containsAttribute("form")) {
            var form = new HashMap<String, String>();
            form.put("basis", y.basis() == null ? "NONE" : y.basis());
            form.put("basisDescription", y.basisDescription() == null ? "" : y.basisDescription());
            for (var partner : LeadPartner.values()) {
                form.put(partner.field() + "Agency", y.agencyOf(partner) == null ? "" : String.valueOf(y.agencyOf(partner)));
                form.put(partner.field() + "Share", y.shareOf(partner) == null ? "" : y.shareOf(partner).stripTrailingZeros().toPlainString());
            }
            form.put("version", String.valueOf(y.version()));
            model.addAttribute("form", form);
        }
        return "funding/settings";
    }

    @PostMapping("/funding/" + YEAR + "/settings")
    String settle(@AuthenticationPrincipal CanopyUser user, @PathVariable String year, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        return FormSubmission.on(model).keeping("form", form).conflictOn("basis").submit(() -> {
            budgets.settle(user, year, form, FormFields.version(form.get("version")));
            redirect.addFlashAttribute("success", "The basis and lead partners for " + year + " were saved");
            return "redirect:/funding/" + year + "#shares";
        }, () -> settings(user, year, model));
    }

    // ---- contributions

    @GetMapping({"/funding/" + YEAR + "/contributions/new", "/funding/" + YEAR + "/contributions/{id}"})
    String contribution(@AuthenticationPrincipal CanopyUser user, @PathVariable String year, @PathVariable(required = false) Long id, Model model) {
        long p = user.partnershipId();
        var y = budgets.requireYear(p, year);
        var existing = id == null ? null : budgets.contribution(p, y.id(), id);
        if (!Budgets.mayRecordFor(user, existing == null ? null : existing.agencyId())) {
            throw new AccessDeniedException("Only the coordinator, or the agency's own contributors, record a contribution");
        }
        model.addAttribute("year", y);
        model.addAttribute("contribution", existing);
        model.addAttribute("agencyName", existing == null ? null : budgets.agencies(p).stream().filter(a -> a.id() == existing.agencyId())
                .map(a -> a.name()).findFirst().orElse(""));
        model.addAttribute("agencies", budgets.agencies(p).stream().filter(a -> Budgets.keepsMoney(user) || a.id() == user.agencyId()).toList());
        model.addAttribute("mayEdit", Budgets.keepsMoney(user));
        if (!model.containsAttribute("form")) {
            var form = new HashMap<String, String>();
            form.put("agency", existing != null ? String.valueOf(existing.agencyId()) : Budgets.keepsMoney(user) ? "" : String.valueOf(user.agencyId()));
            form.put("agreed", existing == null || existing.agreed() == null ? "" : Money.plain(existing.agreed()));
            form.put("received", existing == null || existing.received() == null ? "" : Money.plain(existing.received()));
            form.put("version", existing == null ? "-1" : String.valueOf(existing.version()));
            model.addAttribute("form", form);
        }
        return "funding/contribution";
    }

    @PostMapping({"/funding/" + YEAR + "/contributions", "/funding/" + YEAR + "/contributions/{id}"})
    String saveContribution(@AuthenticationPrincipal CanopyUser user, @PathVariable String year, @PathVariable(required = false) Long id,
            @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return FormSubmission.on(model).keeping("form", form).conflictOn("received").submit(() -> {
            budgets.saveContribution(user, year, id, form.get("agency"), form.get("agreed"), form.get("received"),
                    FormFields.version(form.get("version")));
            redirect.addFlashAttribute("success", "The contribution was saved");
            return "redirect:/funding/" + year + "#income";
        }, () -> contribution(user, year, id, model));
    }

    // ---- in kind

    @GetMapping({"/funding/" + YEAR + "/in-kind/new", "/funding/" + YEAR + "/in-kind/{id}"})
    String inKind(@AuthenticationPrincipal CanopyUser user, @PathVariable String year, @PathVariable(required = false) Long id, Model model) {
        long p = user.partnershipId();
        var y = budgets.requireYear(p, year);
        var existing = id == null ? null : budgets.inKind(p, y.id(), id);
        boolean allowed = user.isAdministrator() || (Budgets.mayRecordFor(user, null)
                && (existing == null || (existing.agencyId() != null && existing.agencyId().equals(user.agencyId()))));
        if (!allowed) {
            throw new AccessDeniedException("Only the coordinator, or the agency's own contributors, record its contributions in kind");
        }
        model.addAttribute("year", y);
        model.addAttribute("inKind", existing);
        model.addAttribute("kinds", InKindKind.values());
        model.addAttribute("mayEdit", Budgets.keepsMoney(user));
        model.addAttribute("agencies", budgets.agencies(p).stream().filter(a -> Budgets.keepsMoney(user) || a.id() == user.agencyId()).toList());
        if (!model.containsAttribute("form")) {
            var form = new HashMap<String, String>();
            form.put("agency", existing != null ? (existing.agencyId() == null ? "" : String.valueOf(existing.agencyId()))
                    : Budgets.keepsMoney(user) ? "" : String.valueOf(user.agencyId()));
            form.put("kind", existing == null ? "" : existing.kind());
            form.put("hours", existing == null || existing.hours() == null ? "" : existing.hours().toPlainString());
            form.put("description", existing == null || existing.description() == null ? "" : existing.description());
            form.put("version", existing == null ? "-1" : String.valueOf(existing.version()));
            model.addAttribute("form", form);
        }
        return "funding/in-kind";
    }

    @PostMapping({"/funding/" + YEAR + "/in-kind", "/funding/" + YEAR + "/in-kind/{id}"})
    String saveInKind(@AuthenticationPrincipal CanopyUser user, @PathVariable String year, @PathVariable(required = false) Long id,
            @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return FormSubmission.on(model).keeping("form", form).conflictOn("kind").submit(() -> {
            budgets.saveInKind(user, year, id, form.get("agency"), form.get("kind"), form.get("hours"), form.get("description"),
                    FormFields.version(form.get("version")));
            redirect.addFlashAttribute("success", "The contribution in kind was saved");
            return "redirect:/funding/" + year + "#in-kind";
        }, () -> inKind(user, year, id, model));
    }

    // ---- outgoings

    @GetMapping({"/funding/" + YEAR + "/outgoings/new", "/funding/" + YEAR + "/outgoings/{id}"})
    String outgoing(@AuthenticationPrincipal CanopyUser user, @PathVariable String year, @PathVariable(required = false) Long id, Model model) {
        requireKeeper(user);
        long p = user.partnershipId();
        var y = budgets.requireYear(p, year);
        var existing = id == null ? null : budgets.outgoing(p, y.id(), id);
        model.addAttribute("year", y);
        model.addAttribute("outgoing", existing);
        model.addAttribute("categories", Category.values());
        if (!model.containsAttribute("form")) {
            var form = new HashMap<String, String>();
            form.put("category", existing == null ? "" : existing.category());
            form.put("line", existing == null ? "" : existing.line());
            form.put("budget", existing == null || existing.budget() == null ? "" : Money.plain(existing.budget()));
            form.put("actual", existing == null || existing.actual() == null ? "" : Money.plain(existing.actual()));
            form.put("version", existing == null ? "-1" : String.valueOf(existing.version()));
            model.addAttribute("form", form);
        }
        return "funding/outgoing";
    }

    @PostMapping({"/funding/" + YEAR + "/outgoings", "/funding/" + YEAR + "/outgoings/{id}"})
    String saveOutgoing(@AuthenticationPrincipal CanopyUser user, @PathVariable String year, @PathVariable(required = false) Long id,
            @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return FormSubmission.on(model).keeping("form", form).conflictOn("line").submit(() -> {
            budgets.saveOutgoing(user, year, id, form.get("category"), form.get("line"), form.get("budget"), form.get("actual"),
                    FormFields.version(form.get("version")));
            redirect.addFlashAttribute("success", "The outgoing was saved");
            return "redirect:/funding/" + year + "#outgoings";
        }, () -> outgoing(user, year, id, model));
    }

    // ---- the published statement

    /** The published funding statement, for anyone: the partnership named by {@code ?partnership=}, or the only one. */
    @GetMapping("/public/funding/" + YEAR)
    String published(@PathVariable String year, @RequestParam(required = false) Long partnership, Model model) {
        var ids = budgets.partnerships();
        long id;
        if (partnership != null && ids.contains(partnership)) {
            id = partnership;
        } else if (partnership == null && ids.size() == 1) {
            id = ids.get(0);
        } else if (partnership == null && budgets.publishingPartnerships().size() == 1) {
            id = budgets.publishingPartnerships().get(0);
        } else if (partnership != null || ids.isEmpty()) {
            throw new NotFound("The published funding statement");
        } else {
            throw new InvalidInput("partnership", "Name the partnership: ?partnership= one of " + ids);
        }
        model.addAttribute("statement", budgets.published(id, year));
        return "funding/public";
    }

    private static void requireKeeper(CanopyUser user) {
        if (!Budgets.keepsMoney(user)) {
            throw new AccessDeniedException("Only the partnership coordinator keeps the budget");
        }
    }

    static List<Bar> bars(List<Budgets.Outgoing> outgoings) {
        var max = outgoings.stream().flatMap(o -> java.util.stream.Stream.of(o.budget(), o.actual())).filter(a -> a != null)
                .max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        var bars = new ArrayList<Bar>();
        for (int i = 0; i < outgoings.size(); i++) {
            var o = outgoings.get(i);
            bars.add(new Bar(o.line(), 10 + i * 60, width(o.budget(), max), width(o.actual(), max)));
        }
        return bars;
    }

    private static BigDecimal width(BigDecimal amount, BigDecimal max) {
        if (amount == null || max.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return amount.multiply(BigDecimal.valueOf(400)).divide(max, 1, RoundingMode.HALF_UP);
    }

    /** The year as one table: every contribution, in-kind contribution and outgoing, then the totals and the balance. */
    static TableExport.Table table(Budgets.Statement s) {
        List<List<Object>> rows = new ArrayList<>();
        if (s.carriedForward() != null) {
            rows.add(Arrays.asList("Income", "Carried forward from " + s.carriedFrom(), null, null, s.carriedForward(), null, null, null));
        }
        for (var c : s.contributions()) {
            rows.add(Arrays.asList("Income", c.agency() == null ? "" : c.agency().name(), c.agency() == null ? "" : c.agency().kind().label(),
                    c.contribution().agreed(), c.contribution().received(), null, null, null));
        }
        for (var k : s.inKind()) {
            rows.add(Arrays.asList("In kind", k.agency() == null ? "The partners" : k.agency().name(), k.inKind().what().label(), null, null,
                    k.inKind().hours(), k.inKind().description(), null));
        }
        for (var o : s.outgoings()) {
            rows.add(Arrays.asList("Outgoing", o.line(), o.kind().label(), o.budget(), o.actual(), null, null, o.difference()));
        }
        rows.add(Arrays.asList("Total", "Income", null, s.contributionsAgreed(), s.income(), null, null, null));
        rows.add(Arrays.asList("Total", "Outgoings", null, s.budgeted(), s.spending(), null, null, null));
        rows.add(Arrays.asList("Balance", "Income less outgoings", s.balanceInWords(), null, s.balance(), null, null, null));
        return new TableExport.Table("Funding " + s.year().financialYear(), List.of("Part", "Agency or line", "Kind", "Agreed or budget (£)",
                "Received or actual (£)", "Hours", "Description", "Budget less actual (£)"), rows);
    }
}
