package org.canopy.scrutiny.young;

import java.util.HashMap;
import java.util.Map;
import org.canopy.governance.GroupType;
import org.canopy.governance.Groups;
import org.canopy.partnership.CanopyUser;
import org.canopy.scrutiny.access.ScrutinyAccess;
import org.canopy.web.FormSubmission;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The young scrutineers' page: who scrutinises which priority, and the form to add one. */
@Controller
class YoungScrutineersController {

    private final YoungScrutineers young;
    private final Groups groups;
    private final ScrutinyAccess access;

    YoungScrutineersController(YoungScrutineers young, Groups groups, ScrutinyAccess access) {
        this.young = young;
        this.groups = groups;
        this.access = access;
    }

    @GetMapping("/scrutiny/young-scrutineers")
    String page(@AuthenticationPrincipal CanopyUser user, Model model) {
        var names = new HashMap<Long, String>();
        var priorities = groups.all(user.partnershipId()).stream().filter(g -> g.type() == GroupType.PRIORITY_GROUP).toList();
        groups.all(user.partnershipId()).forEach(g -> names.put(g.id(), g.name()));
        // A young scrutineer is a child: named, with their group, only to those who may know them.
        var all = young.all(user.partnershipId());
        var known = all.stream().filter(y -> access.mayKnowYoungScrutineerOf(user, y.groupId())).toList();
        model.addAttribute("youngScrutineers", known);
        model.addAttribute("othersCount", all.size() - known.size());
        model.addAttribute("groupNames", names);
        model.addAttribute("priorities", priorities);
        model.addAttribute("note", young.note(user.partnershipId()));
        model.addAttribute("mayEdit", access.keeps(user));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "scrutiny/young-scrutineers";
    }

    @PostMapping("/scrutiny/young-scrutineers")
    String add(@AuthenticationPrincipal CanopyUser user, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return FormSubmission.on(model).keeping("form", form).submit(() -> {
            young.add(user, form);
            redirect.addFlashAttribute("success", "The young scrutineer was added");
            return "redirect:/scrutiny/young-scrutineers";
        }, () -> page(user, model));
    }
}
