package org.canopy.governance.groups;

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

    GroupsController(GroupRegistry groups, People people) {
        this.groups = groups;
        this.people = people;
    }

    @GetMapping("/groups")
    String list(@AuthenticationPrincipal CanopyUser user, Model model) {
        var all = groups.all(user.partnershipId());
        model.addAttribute("groupsByType", all.stream().collect(Collectors.groupingBy(g -> g.type(),
                () -> new java.util.EnumMap<>(GroupType.class), Collectors.toList())));
        model.addAttribute("memberCounts", groups.memberCounts(user.partnershipId()));
        model.addAttribute("myGroups", groups.groupIdsOf(user.id()));
        return "governance/groups";
    }

    @GetMapping("/groups/{id}")
    String group(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, Model model) {
        var group = groups.find(user.partnershipId(), id).orElseThrow(() -> new NotFound("The group"));
        var memberIds = groups.members(id).stream().map(GroupRegistry.Member::userId).toList();
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
        var person = people.byIds(user.partnershipId(), java.util.List.of(userId)).stream().findFirst();
        if (person.isEmpty()) {
            redirect.addFlashAttribute("failure", "Select a person to add");
        } else {
            groups.addMember(user.partnershipId(), user.getUsername(), id, userId);
            redirect.addFlashAttribute("success", "Added " + person.get().displayName());
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
