package org.canopy.audit.history;

import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.People;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The administrator's view of the change history: the whole log, and one record's history. */
@Controller
class AuditController {

    static final int PAGE_SIZE = 50;

    private final AuditLog log;
    private final People people;

    AuditController(AuditLog log, People people) {
        this.log = log;
        this.people = people;
    }

    @GetMapping("/admin/audit")
    String log(@AuthenticationPrincipal CanopyUser admin, @RequestParam(defaultValue = "1") int page, Model model) {
        int current = Math.max(1, page);
        long total = log.count(admin.partnershipId());
        model.addAttribute("entries", log.recent(admin.partnershipId(), PAGE_SIZE, (current - 1) * PAGE_SIZE));
        model.addAttribute("page", current);
        model.addAttribute("pages", Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("total", total);
        model.addAttribute("heading", "Change history");
        model.addAttribute("names", people.displayNames(admin.partnershipId()));
        return "audit/log";
    }

    @GetMapping("/admin/audit/{type}/{id}")
    String history(@AuthenticationPrincipal CanopyUser admin, @PathVariable String type, @PathVariable String id,
            Model model) {
        var entries = log.history(admin.partnershipId(), type, id);
        model.addAttribute("entries", entries);
        model.addAttribute("heading", "History of " + type + " " + id);
        model.addAttribute("names", people.displayNames(admin.partnershipId()));
        model.addAttribute("total", (long) entries.size());
        return "audit/log";
    }
}
