package org.canopy.governance.escalations;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.canopy.governance.EscalationKind;
import org.canopy.governance.EscalationStatus;
import org.canopy.governance.ExecutiveEscalations.Escalation;
import org.canopy.governance.GroupBusiness;
import org.canopy.governance.GroupFunction;
import org.canopy.governance.Groups;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.People;
import org.canopy.partnership.Role;
import org.canopy.reporting.TableExport;
import org.canopy.web.FormFields;
import org.canopy.web.FormSubmission;
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

/** Pages for escalations to the executive: the list (and its exports), raising one, its page, and the executive's overview. */
@Controller
class ExecutiveEscalationsController {

    private final EscalationRegister register;
    private final Groups groups;
    private final People people;
    private final List<GroupBusiness> business;
    private final java.time.Clock clock;

    ExecutiveEscalationsController(EscalationRegister register, Groups groups, People people, List<GroupBusiness> business,
            java.time.Clock clock) {
        this.register = register;
        this.groups = groups;
        this.people = people;
        this.business = business;
        this.clock = clock;
    }

    @GetMapping("/governance/escalations")
    String list(@AuthenticationPrincipal CanopyUser user, Model model) {
        var all = register.readableBy(user);
        model.addAttribute("open", all.stream().filter(e -> e.status() == EscalationStatus.OPEN).toList());
        model.addAttribute("others", all.stream().filter(e -> e.status() != EscalationStatus.OPEN).toList());
        model.addAttribute("mayRaise", !raisingGroups(user).isEmpty());
        return "governance/escalations";
    }

    @GetMapping("/governance/escalations.csv")
    void csv(@AuthenticationPrincipal CanopyUser user, HttpServletResponse response) throws IOException {
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", attachment("Escalations to the executive.csv"));
        TableExport.csv(table(user), response.getOutputStream());
    }

    @GetMapping("/governance/escalations.xlsx")
    void xlsx(@AuthenticationPrincipal CanopyUser user, HttpServletResponse response) throws IOException {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", attachment("Escalations to the executive.xlsx"));
        TableExport.xlsx(table(user), response.getOutputStream());
    }

    @GetMapping("/governance/escalations/new")
    String raiseForm(@AuthenticationPrincipal CanopyUser user, @RequestParam(required = false) Long group, Model model) {
        var choices = raisingGroups(user);
        if (choices.isEmpty()) {
            throw new AccessDeniedException("Only a group's members and the administrator escalate to the executive");
        }
        model.addAttribute("groups", choices);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of("group", group == null ? "" : String.valueOf(group)));
        }
        return "governance/escalation-new";
    }

    @PostMapping("/governance/escalations")
    String raise(@AuthenticationPrincipal CanopyUser user, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        long groupId = FormFields.id(form.get("group"));
        return FormSubmission.on(model).keeping("form", form).submit(() -> {
            var raised = register.raise(user, groupId, EscalationKind.ITEM, form.get("subject"), form.get("reason"), null);
            redirect.addFlashAttribute("success", "Escalated to the executive");
            return "redirect:/governance/escalations/" + raised.id();
        }, () -> raiseForm(user, groupId, model));
    }

    @GetMapping("/governance/escalations/{id}")
    String escalation(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, Model model) {
        var escalation = register.readable(user, id);
        model.addAttribute("escalation", escalation);
        model.addAttribute("history", register.history(user.partnershipId(), id));
        model.addAttribute("names", people.displayNames(user.partnershipId()));
        model.addAttribute("mayDecide", register.mayDecide(user) && escalation.status() == EscalationStatus.OPEN);
        model.addAttribute("mayClose", escalation.status() == EscalationStatus.DECIDED && register.mayClose(user, escalation));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "governance/escalation";
    }

    @PostMapping("/governance/escalations/{id}/decision")
    String decide(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @RequestParam Map<String, String> form,
            Model model, RedirectAttributes redirect) {
        register.readable(user, id);
        return FormSubmission.on(model).keeping("form", form).conflictOn("decision").submit(() -> {
            register.decide(user, id, form.get("decision"), form.get("actions"), FormFields.version(form.get("version")));
            redirect.addFlashAttribute("success", "The executive's decision was recorded");
            return "redirect:/governance/escalations/" + id;
        }, () -> escalation(user, id, model));
    }

    @PostMapping("/governance/escalations/{id}/close")
    String close(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @RequestParam Map<String, String> form,
            Model model, RedirectAttributes redirect) {
        register.readable(user, id);
        return FormSubmission.on(model).keeping("form", form).conflictOn("note").submit(() -> {
            register.close(user, id, form.get("note"), FormFields.version(form.get("version")));
            redirect.addFlashAttribute("success", "The escalation was closed");
            return "redirect:/governance/escalations/" + id;
        }, () -> escalation(user, id, model));
    }

    /** What awaits the executive: open escalations, decided ones awaiting closure, and every module's business for it. */
    @GetMapping("/governance/executive")
    String executive(@AuthenticationPrincipal CanopyUser user, Model model) {
        if (user.role() == Role.YOUNG_SCRUTINEER) {
            throw new AccessDeniedException("The executive's overview is not open to young scrutineers");
        }
        var executive = groups.withFunction(user.partnershipId(), GroupFunction.EXECUTIVE);
        var all = register.readableBy(user);
        model.addAttribute("executive", executive.orElse(null));
        model.addAttribute("open", all.stream().filter(e -> e.status() == EscalationStatus.OPEN).toList());
        model.addAttribute("decided", all.stream().filter(e -> e.status() == EscalationStatus.DECIDED).toList());
        var entries = new ArrayList<org.canopy.governance.BusinessEntry>();
        executive.ifPresent(g -> business.forEach(b -> entries.addAll(b.businessOf(user.partnershipId(), g,
                java.time.LocalDate.now(clock)))));
        model.addAttribute("business", groups.readable(user, entries));
        return "governance/executive";
    }

    /** The groups the person may escalate from: those they take part in. */
    private List<org.canopy.governance.GroupSummary> raisingGroups(CanopyUser user) {
        var ids = user.isAdministrator() ? null : groups.groupIdsOf(user.id());
        var all = user.isAdministrator() ? allGroups(user) : groups.byIds(user.partnershipId(), ids);
        return all.stream().filter(g -> groups.takesPart(user, g.id())).toList();
    }

    private List<org.canopy.governance.GroupSummary> allGroups(CanopyUser user) {
        return groups.byIds(user.partnershipId(), register.groupIds(user.partnershipId()));
    }

    private TableExport.Table table(CanopyUser user) {
        var rows = new ArrayList<List<Object>>();
        for (Escalation e : register.readableBy(user)) {
            rows.add(java.util.Arrays.asList(e.id(), e.fromGroupName(), e.kind().label(), e.subject(), e.reason(),
                    e.status().label(), e.raisedBy(), e.raisedAt(), e.decision(), e.decisionActions(), e.decidedAt(), e.outcome()));
        }
        return new TableExport.Table("Escalations to the executive", List.of("Id", "From group", "Kind", "Subject", "Reason",
                "Status", "Raised by", "Raised", "Decision", "Actions", "Decided", "Outcome"), rows);
    }

    private static String attachment(String name) {
        return ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString();
    }
}
