package org.canopy.governance.groups;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.canopy.governance.BusinessEntry;
import org.canopy.governance.GroupBusiness;
import org.canopy.governance.MemberRole;

import java.util.Comparator;
import java.util.Map;
import java.util.stream.Collectors;
import org.canopy.governance.GroupFunction;
import org.canopy.governance.GroupType;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.People;
import org.canopy.partnership.PersonSummary;
import org.canopy.web.FormFields;
import org.canopy.web.FormSubmission;
import org.canopy.web.NotFound;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages listing the groups and their members; administrators rename groups, set their function and add and remove members. */
@Controller
class GroupsController {

    private final GroupRegistry groups;
    private final People people;
    private final List<GroupBusiness> business;
    private final Clock clock;
    private final TermsOfReference terms;

    GroupsController(GroupRegistry groups, People people, List<GroupBusiness> business, Clock clock, TermsOfReference terms) {
        this.terms = terms;
        this.groups = groups;
        this.people = people;
        this.business = business;
        this.clock = clock;
    }

    @GetMapping("/groups")
    String list(@AuthenticationPrincipal CanopyUser user, Model model) {
        // A young scrutineer sees only their own group, the rapid review panel only its readers.
        var all = groups.all(user.partnershipId()).stream().filter(g -> groups.mayRead(user, g.id())).toList();
        model.addAttribute("groupsByType", all.stream().collect(Collectors.groupingBy(g -> g.type(),
                () -> new java.util.EnumMap<>(GroupType.class), Collectors.toList())));
        model.addAttribute("memberCounts", groups.memberCounts(user.partnershipId()));
        model.addAttribute("myGroups", groups.groupIdsOf(user.id()));
        return "governance/groups";
    }

    @GetMapping("/groups/{id}")
    String group(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, Model model) {
        var group = groups.find(user.partnershipId(), id).filter(g -> groups.mayRead(user, g.id()))
                .orElseThrow(() -> new NotFound("The group"));
        // A young scrutineer is a child: named only to the scrutineer, the administrator and the group's chair.
        var unknown = groups.youngScrutineersUnknownTo(user, id);
        var memberships = groups.members(id).stream().filter(m -> !unknown.contains(m.userId())).toList();
        var memberIds = memberships.stream().map(GroupRegistry.Member::userId).toList();
        model.addAttribute("memberRoles", memberships.stream().collect(Collectors.toMap(GroupRegistry.Member::userId,
                m -> MemberRole.valueOf(m.role()))));
        model.addAttribute("memberRoleChoices", MemberRole.values());
        // Each module's business for the group (open actions, meetings, escalations, challenges), by its section, as
        // far as the person reads the records of the group each entry is.
        var today = LocalDate.now(clock);
        Map<String, List<BusinessEntry>> sections = new LinkedHashMap<>();
        groups.readable(user, business.stream().flatMap(b -> b.businessOf(user.partnershipId(), group, today).stream()).toList())
                .forEach(e -> sections.computeIfAbsent(e.section(), k -> new ArrayList<>()).add(e));
        model.addAttribute("business", sections);
        model.addAttribute("runs", groups.runs(user, id));
        model.addAttribute("purpose", terms.current(user.partnershipId(), id).map(TermsOfReference.Terms::purpose).orElse(null));
        model.addAttribute("takesPart", groups.takesPart(user, id));
        var everyone = people.inPartnership(user.partnershipId());
        model.addAttribute("group", group);
        model.addAttribute("functions", GroupFunction.values());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of("name", group.name(), "function", group.function().name(),
                    "version", String.valueOf(groups.version(user.partnershipId(), id))));
        }
        model.addAttribute("members", people.byIds(user.partnershipId(), memberIds));
        model.addAttribute("candidates", everyone.stream().filter(p -> p.enabled() && !memberIds.contains(p.id()))
                .sorted(Comparator.comparing(PersonSummary::displayName)).toList());
        return "governance/group";
    }

    @PostMapping("/groups/{id}")
    String change(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @RequestParam Map<String, String> form,
            Model model, RedirectAttributes redirect) {
        if (!user.isAdministrator()) {
            throw new AccessDeniedException("Only an administrator renames a group or changes its function");
        }
        groups.find(user.partnershipId(), id).orElseThrow(() -> new NotFound("The group"));
        // After someone else's change the page shows the group as it is now, with its new version, under the banner.
        return FormSubmission.on(model).keeping("form", form).freshAfterConflict().submit(() -> {
            var changed = groups.change(user.partnershipId(), user.getUsername(), id, FormFields.version(form.get("version")),
                    form.get("name"), function(form.get("function")));
            redirect.addFlashAttribute("success", "Saved " + changed.name() + " (" + changed.function().label() + ")");
            return "redirect:/groups/" + id;
        }, () -> group(user, id, model));
    }

    @PostMapping("/groups/{id}/members")
    String addMember(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @RequestParam Map<String, String> form,
            RedirectAttributes redirect) {
        requireAdministrator(user);
        groups.find(user.partnershipId(), id).orElseThrow(() -> new NotFound("The group"));
        long userId = FormFields.id(form.get("userId"));
        var role = memberRole(form.get("role"));
        var person = people.byIds(user.partnershipId(), java.util.List.of(userId)).stream().findFirst();
        if (person.isEmpty()) {
            redirect.addFlashAttribute("failure", "Select a person to add");
        } else {
            groups.addMember(user.partnershipId(), user.getUsername(), id, userId, role);
            redirect.addFlashAttribute("success", "Added " + person.get().displayName() + " as " + role.label().toLowerCase());
        }
        return "redirect:/groups/" + id;
    }

    @PostMapping("/groups/{id}/members/{userId}/remove")
    String removeMember(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @PathVariable long userId,
            RedirectAttributes redirect) {
        requireAdministrator(user);
        groups.find(user.partnershipId(), id).orElseThrow(() -> new NotFound("The group"));
        if (groups.removeMember(user.partnershipId(), user.getUsername(), id, userId)) {
            redirect.addFlashAttribute("success", "Removed the member");
        }
        return "redirect:/groups/" + id;
    }

    @PostMapping("/groups/{id}/members/{userId}/role")
    String changeRole(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @PathVariable long userId,
            @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        requireAdministrator(user);
        groups.find(user.partnershipId(), id).orElseThrow(() -> new NotFound("The group"));
        if (groups.roleIn(id, userId).isEmpty()) {
            throw new NotFound("The member");
        }
        var role = memberRole(form.get("role"));
        groups.setRole(user.partnershipId(), user.getUsername(), id, userId, role);
        redirect.addFlashAttribute("success", "Made them " + role.label().toLowerCase() + " of the group");
        return "redirect:/groups/" + id;
    }

    /** The role chosen on a form; a member when none or an unknown one is sent. */
    private static MemberRole memberRole(String name) {
        try {
            return name == null || name.isBlank() ? MemberRole.MEMBER : MemberRole.valueOf(name);
        } catch (IllegalArgumentException e) {
            return MemberRole.MEMBER;
        }
    }

    private static void requireAdministrator(CanopyUser user) {
        if (!user.isAdministrator()) {
            throw new AccessDeniedException("Only an administrator changes group membership");
        }
    }

    private static GroupFunction function(String name) {
        try {
            return GroupFunction.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }
}
