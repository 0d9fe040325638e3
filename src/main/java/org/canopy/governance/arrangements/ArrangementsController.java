package org.canopy.governance.arrangements;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.canopy.partnership.CanopyUser;
import org.canopy.web.DateInput;
import org.canopy.web.FormSubmission;
import org.canopy.web.InvalidInput;
import org.canopy.web.NotFound;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The arrangements' pages: the version in force as it stands today, each earlier version as it stood on its own day,
 * the administrator's edit (a new version), the record of a lead partner's sign-off, and the public page.
 */
@Controller
class ArrangementsController {

    private final Arrangements arrangements;

    ArrangementsController(Arrangements arrangements) {
        this.arrangements = arrangements;
    }

    @GetMapping("/governance/arrangements")
    String current(@AuthenticationPrincipal CanopyUser user, Model model) {
        model.addAttribute("shown", arrangements.current(user.partnershipId()).orElse(null));
        model.addAttribute("versions", arrangements.versions(user.partnershipId()));
        model.addAttribute("roles", LeadRole.values());
        model.addAttribute("mayEdit", Arrangements.mayEdit(user));
        model.addAttribute("maySignOff", Arrangements.maySignOff(user));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "governance/arrangements";
    }

    @GetMapping("/governance/arrangements/versions/{number}")
    String version(@AuthenticationPrincipal CanopyUser user, @PathVariable int number, Model model) {
        model.addAttribute("shown", arrangements.version(user.partnershipId(), number));
        model.addAttribute("versions", arrangements.versions(user.partnershipId()));
        return "governance/arrangements-version";
    }

    @GetMapping("/governance/arrangements/edit")
    String edit(@AuthenticationPrincipal CanopyUser user, Model model) {
        if (!Arrangements.mayEdit(user)) {
            throw new AccessDeniedException("Only the partnership administrator edits the published arrangements");
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", formOf(user));
        }
        model.addAttribute("roles", LeadRole.values());
        model.addAttribute("agencies", arrangements.agenciesToday(user.partnershipId()));
        return "governance/arrangements-edit";
    }

    @PostMapping("/governance/arrangements")
    String save(@AuthenticationPrincipal CanopyUser user, @RequestParam MultiValueMap<String, String> params, Model model,
            RedirectAttributes redirect) {
        if (!Arrangements.mayEdit(user)) {
            throw new AccessDeniedException("Only the partnership administrator edits the published arrangements");
        }
        var form = new HashMap<String, Object>(params.toSingleValueMap());
        var chosen = params.getOrDefault("agencyIds", List.of());
        form.put("agencyIds", chosen);
        return FormSubmission.on(model).keeping("form", form).conflictOn("workingTogether").submit(() -> {
            int number = arrangements.edit(user, params.toSingleValueMap(), chosen);
            redirect.addFlashAttribute("success", "Recorded version " + number + " of the arrangements");
            return "redirect:/governance/arrangements";
        }, () -> edit(user, model));
    }

    @PostMapping("/governance/arrangements/sign-offs")
    String signOff(@AuthenticationPrincipal CanopyUser user, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        if (!Arrangements.maySignOff(user)) {
            throw new AccessDeniedException("Only the administrator or an executive member records a lead partner's sign-off");
        }
        String role = form.getOrDefault("role", "");
        String f = "signedOn-" + fieldOf(role);
        return FormSubmission.on(model).keeping("form", form).submit(() -> {
            arrangements.signOff(user, role, form.get(f + "-day"), form.get(f + "-month"), form.get(f + "-year"), form.get("leadVersion"));
            redirect.addFlashAttribute("success", "Recorded the sign-off");
            return "redirect:/governance/arrangements";
        }, () -> current(user, model));
    }

    /** The published arrangements, for anyone: the partnership named by {@code ?partnership=}, or the only one publishing. */
    @GetMapping("/public/arrangements")
    String published(@RequestParam(required = false) Long partnership, Model model) {
        var ids = arrangements.publicPartnerships();
        long id;
        if (partnership != null && ids.contains(partnership)) {
            id = partnership;
        } else if (partnership == null && ids.size() == 1) {
            id = ids.get(0);
        } else if (partnership != null || ids.isEmpty()) {
            throw new NotFound("Published arrangements");
        } else {
            throw new InvalidInput("partnership", "Name the partnership: ?partnership= one of " + ids);
        }
        model.addAttribute("shown", arrangements.current(id).orElseThrow(() -> new NotFound("Published arrangements")));
        return "governance/arrangements-public";
    }

    private static String fieldOf(String role) {
        try {
            return LeadRole.valueOf(role).field();
        } catch (IllegalArgumentException e) {
            return "none";
        }
    }

    /** The edit form filled from the version in force, so an edit changes only what the administrator changes. */
    private Map<String, Object> formOf(CanopyUser user) {
        var form = new HashMap<String, Object>();
        var current = arrangements.current(user.partnershipId());
        form.put("version", current.map(s -> String.valueOf(s.version().number())).orElse("0"));
        current.ifPresent(s -> {
            var v = s.version();
            form.put("workingTogether", v.workingTogether());
            form.put("scrutiny", v.scrutiny());
            form.put("funding", v.funding());
            form.put("thresholdLink", v.thresholdLink());
            form.putAll(DateInput.fields("reviewOn", v.reviewOn()));
            form.putAll(DateInput.fields("publishedOn", v.publishedOn()));
            for (var l : s.leads()) {
                String f = l.role().field();
                // Today's agency: a new version names the agency standing now (the ICB, not the CCG).
                form.put(f + "-agency", String.valueOf(l.agency().id()));
                form.put(f + "-name", l.lead().leadName());
                form.put(f + "-delegate", l.lead().delegateName());
                form.put(f + "-delegate-role", l.lead().delegateRole());
            }
            var ids = new java.util.ArrayList<String>();
            s.relevant().forEach(a -> ids.add(String.valueOf(a.id())));
            s.education().forEach(a -> ids.add(String.valueOf(a.id())));
            form.put("agencyIds", ids);
        });
        return form;
    }
}
