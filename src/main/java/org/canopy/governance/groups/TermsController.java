package org.canopy.governance.groups;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.canopy.governance.GroupSummary;
import org.canopy.partnership.AgencyDirectory;
import org.canopy.partnership.AgencySummary;
import org.canopy.partnership.CanopyUser;
import org.canopy.web.DateInput;
import org.canopy.web.FormFields;
import org.canopy.web.FormSubmission;
import org.canopy.web.NotFound;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A group's terms of reference: the version in force and earlier ones, the form that adds a version, the printable view. */
@Controller
class TermsController {

    private final TermsOfReference terms;
    private final GroupRegistry groups;
    private final AgencyDirectory agencies;

    TermsController(TermsOfReference terms, GroupRegistry groups, AgencyDirectory agencies) {
        this.terms = terms;
        this.groups = groups;
        this.agencies = agencies;
    }

    @GetMapping("/groups/{id}/terms")
    String terms(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @RequestParam(required = false) Integer version,
            Model model) {
        var group = readable(user, id);
        var versions = terms.versions(user.partnershipId(), id);
        var shown = version == null ? versions.stream().findFirst()
                : versions.stream().filter(t -> t.number() == version).findFirst();
        if (version != null && shown.isEmpty()) {
            throw new NotFound("That version of the terms of reference");
        }
        describe(user, group, shown.orElse(null), model);
        model.addAttribute("versions", versions);
        model.addAttribute("latest", versions.isEmpty() ? 0 : versions.get(0).number());
        model.addAttribute("mayEdit", groups.runs(user, id));
        if (!model.containsAttribute("form")) {
            var form = new HashMap<String, String>();
            var current = versions.stream().findFirst();
            current.ifPresent(t -> {
                form.put("purpose", text(t.purpose()));
                form.put("chairNote", text(t.chairNote()));
                form.put("viceChairNote", text(t.viceChairNote()));
                form.put("quorumMembers", text(t.quorumMembers()));
                form.put("meetingFrequency", text(t.meetingFrequency()));
                form.put("reportsTo", text(t.reportsTo()));
                form.putAll(DateInput.fields("reviewOn", t.reviewOn()));
                form.putAll(DateInput.fields("agreedOn", t.agreedOn()));
            });
            form.put("version", String.valueOf(current.map(TermsOfReference.Terms::number).orElse(0)));
            model.addAttribute("form", form);
            model.addAttribute("chosenMembers", current.map(TermsOfReference.Terms::memberAgencyIds).orElse(Set.of()));
            model.addAttribute("chosenQuorum", current.map(TermsOfReference.Terms::quorumAgencyIds).orElse(Set.of()));
        }
        model.addAttribute("otherGroups", groups.all(user.partnershipId()).stream().filter(g -> g.id() != id).toList());
        return "governance/terms";
    }

    @PostMapping("/groups/{id}/terms")
    String save(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @RequestParam Map<String, String> form,
            @RequestParam MultiValueMap<String, String> lists, Model model, RedirectAttributes redirect) {
        readable(user, id);
        Set<Long> members = ids(lists.get("memberAgencies"));
        Set<Long> quorum = ids(lists.get("quorumAgencies"));
        model.addAttribute("chosenMembers", members);
        model.addAttribute("chosenQuorum", quorum);
        Set<Long> known = agencies.agencies(user.partnershipId()).stream().map(AgencySummary::id).collect(Collectors.toSet());
        return FormSubmission.on(model).keeping("form", form).freshAfterConflict().submit(() -> {
            var saved = terms.save(user, id, form, members, quorum, known, FormFields.version(form.get("version")));
            redirect.addFlashAttribute("success", "Saved version " + saved.number() + " of the terms of reference");
            return "redirect:/groups/" + id + "/terms";
        }, () -> terms(user, id, null, model));
    }

    @GetMapping("/groups/{id}/terms/print")
    String print(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, Model model) {
        var group = readable(user, id);
        describe(user, group, terms.current(user.partnershipId(), id).orElse(null), model);
        return "governance/terms-print";
    }

    /** What both views show: the group, the version, its agencies and reporting line by name. */
    private void describe(CanopyUser user, GroupSummary group, TermsOfReference.Terms shown, Model model) {
        Map<Long, String> agencyNames = agencies.agencies(user.partnershipId()).stream()
                .collect(Collectors.toMap(AgencySummary::id, AgencySummary::name));
        model.addAttribute("group", group);
        model.addAttribute("terms", shown);
        model.addAttribute("agencies", agencies.agencies(user.partnershipId()));
        model.addAttribute("agencyNames", agencyNames);
        model.addAttribute("reportsTo", shown == null || shown.reportsTo() == null ? null
                : groups.find(user.partnershipId(), shown.reportsTo()).map(GroupSummary::name).orElse(null));
    }

    private GroupSummary readable(CanopyUser user, long id) {
        return groups.find(user.partnershipId(), id).filter(g -> groups.mayRead(user, g.id()))
                .orElseThrow(() -> new NotFound("The group"));
    }

    private static Set<Long> ids(List<String> values) {
        if (values == null) {
            return Set.of();
        }
        try {
            return values.stream().filter(v -> !v.isBlank()).map(Long::valueOf).collect(Collectors.toSet());
        } catch (NumberFormatException e) {
            return Set.of(-1L); // refused as not the partnership's agency
        }
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
