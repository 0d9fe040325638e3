package org.canopy.governance.actions;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.canopy.governance.GroupSummary;
import org.canopy.governance.Groups;
import org.canopy.partnership.AgencyDirectory;
import org.canopy.partnership.AgencySummary;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.People;
import org.canopy.reporting.TableExport;
import org.canopy.web.FormFields;
import org.canopy.web.FormSubmission;
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

/** A group's action list (owners update their own actions' status) and the partnership's decisions register, with exports. */
@Controller
class ActionsController {

    private final ActionList actions;
    private final Decisions decisions;
    private final Groups groups;
    private final People people;
    private final AgencyDirectory agencies;

    ActionsController(ActionList actions, Decisions decisions, Groups groups, People people, AgencyDirectory agencies) {
        this.actions = actions;
        this.decisions = decisions;
        this.groups = groups;
        this.people = people;
        this.agencies = agencies;
    }

    @GetMapping("/groups/{id}/actions")
    String list(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, Model model) {
        var group = readable(user, id);
        var all = actions.ofGroup(user.partnershipId(), id);
        model.addAttribute("group", group);
        model.addAttribute("actions", all);
        model.addAttribute("mayUpdate", all.stream().filter(a -> actions.mayUpdate(user, a)).map(ActionList.Action::id)
                .collect(Collectors.toSet()));
        model.addAttribute("statuses", ActionList.Status.values());
        model.addAttribute("names", names(user));
        model.addAttribute("agencyNames", agencyNames(user));
        model.addAttribute("today", actions.today());
        return "governance/actions";
    }

    @PostMapping("/actions/{id}/status")
    String status(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        var action = actions.action(user.partnershipId(), id).orElseThrow(() -> new NotFound("The action"));
        readable(user, action.groupId());
        return FormSubmission.on(model).submit(() -> {
            var changed = actions.setStatus(user, id, form.get("status"), FormFields.version(form.get("version")));
            redirect.addFlashAttribute("success", "The action is now " + changed.status().label().toLowerCase());
            return "redirect:/groups/" + action.groupId() + "/actions";
        }, () -> list(user, action.groupId(), model));
    }

    @GetMapping("/groups/{id}/actions/export.{format:csv|xlsx}")
    void exportActions(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @PathVariable String format,
            HttpServletResponse response) throws IOException {
        var group = readable(user, id);
        var names = names(user);
        var agencyNames = agencyNames(user);
        var today = actions.today();
        List<List<Object>> rows = new ArrayList<>();
        for (var a : actions.ofGroup(user.partnershipId(), id)) {
            rows.add(Arrays.asList(a.id(), a.text(), names.get(a.ownerUserId()), a.agencyId() == null ? null : agencyNames.get(a.agencyId()),
                    a.dueOn(), a.status().label(), a.overdueOn(today) ? "Yes" : "No"));
        }
        write(new TableExport.Table("Action list " + group.name(), List.of("Id", "Action", "Owner", "Agency", "Due", "Status", "Overdue"),
                rows), "action-list", format, response);
    }

    @GetMapping("/governance/decisions")
    String register(@AuthenticationPrincipal CanopyUser user, Model model) {
        model.addAttribute("decisions", readableDecisions(user));
        model.addAttribute("groupNames", groupNames(user));
        model.addAttribute("names", people.displayNames(user.partnershipId()));
        return "governance/decisions";
    }

    @GetMapping("/governance/decisions/export.{format:csv|xlsx}")
    void exportDecisions(@AuthenticationPrincipal CanopyUser user, @PathVariable String format, HttpServletResponse response)
            throws IOException {
        var groupNames = groupNames(user);
        var names = people.displayNames(user.partnershipId());
        List<List<Object>> rows = new ArrayList<>();
        for (var d : readableDecisions(user)) {
            rows.add(Arrays.asList(d.id(), d.decidedOn(), groupNames.get(d.groupId()), d.text(), names.getOrDefault(d.recordedBy(), d.recordedBy())));
        }
        write(new TableExport.Table("Decisions register", List.of("Id", "Date", "Group", "Decision", "Recorded by"), rows),
                "decisions-register", format, response);
    }

    /** The register as the person may read it: the decisions of groups whose records are open to them. */
    private List<Decisions.Decision> readableDecisions(CanopyUser user) {
        return decisions.register(user.partnershipId()).stream().filter(d -> groups.mayRead(user, d.groupId())).toList();
    }

    private Map<Long, String> groupNames(CanopyUser user) {
        var ids = decisions.register(user.partnershipId()).stream().map(Decisions.Decision::groupId).distinct().toList();
        return groups.byIds(user.partnershipId(), ids).stream().collect(Collectors.toMap(GroupSummary::id, GroupSummary::name));
    }

    private GroupSummary readable(CanopyUser user, long groupId) {
        var group = groups.byIds(user.partnershipId(), List.of(groupId)).stream().findFirst()
                .orElseThrow(() -> new NotFound("The group"));
        if (!groups.mayRead(user, groupId)) {
            throw new AccessDeniedException("This group's records are not open to you");
        }
        return group;
    }

    private Map<Long, String> names(CanopyUser user) {
        var names = new HashMap<Long, String>();
        people.inPartnership(user.partnershipId()).forEach(p -> names.put(p.id(), p.displayName()));
        return names;
    }

    private Map<Long, String> agencyNames(CanopyUser user) {
        return agencies.agencies(user.partnershipId()).stream().collect(Collectors.toMap(AgencySummary::id, AgencySummary::name));
    }

    private static void write(TableExport.Table table, String name, String format, HttpServletResponse response) throws IOException {
        response.setContentType("csv".equals(format) ? "text/csv;charset=UTF-8"
                : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", ContentDisposition.attachment().filename(name + "." + format).build().toString());
        if ("csv".equals(format)) {
            TableExport.csv(table, response.getOutputStream());
        } else {
            TableExport.xlsx(table, response.getOutputStream());
        }
    }
}
