package org.canopy.governance.meetings;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.canopy.governance.GroupSummary;
import org.canopy.governance.Groups;
import org.canopy.governance.actions.ActionList;
import org.canopy.governance.actions.Decisions;
import org.canopy.partnership.AgencyDirectory;
import org.canopy.partnership.AgencySummary;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.People;
import org.canopy.partnership.PersonSummary;
import org.canopy.web.DateInput;
import org.canopy.web.FormFields;
import org.canopy.web.FormSubmission;
import org.canopy.web.InvalidInput;
import org.canopy.web.NotFound;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A group's meetings (the list and the schedule form) and each meeting's page: its agenda with papers, members' items,
 * attendance with the quorum, the actions raised and decisions recorded there, and its printable pack.
 */
@Controller
class MeetingsController {

    private final Meetings meetings;
    private final Agenda agenda;
    private final Papers papers;
    private final ActionList actions;
    private final Decisions decisions;
    private final Groups groups;
    private final People people;
    private final AgencyDirectory agencies;

    MeetingsController(Meetings meetings, Agenda agenda, Papers papers, ActionList actions, Decisions decisions, Groups groups,
            People people, AgencyDirectory agencies) {
        this.meetings = meetings;
        this.agenda = agenda;
        this.papers = papers;
        this.actions = actions;
        this.decisions = decisions;
        this.groups = groups;
        this.people = people;
        this.agencies = agencies;
    }

    @GetMapping("/groups/{id}/meetings")
    String list(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, Model model) {
        var group = meetings.readableGroup(user, id);
        var all = meetings.ofGroup(user.partnershipId(), id);
        model.addAttribute("group", group);
        model.addAttribute("meetings", all);
        model.addAttribute("quorum", all.stream().collect(Collectors.toMap(Meetings.Meeting::id,
                m -> meetings.quorum(user.partnershipId(), m))));
        model.addAttribute("mayRun", groups.runs(user, id));
        model.addAttribute("members", members(user, id));
        model.addAttribute("names", names(user));
        model.addAttribute("today", meetings.today());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "governance/meetings";
    }

    @PostMapping("/groups/{id}/meetings")
    String schedule(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @RequestParam Map<String, String> form,
            Model model, RedirectAttributes redirect) {
        meetings.readableGroup(user, id);
        meetings.requireRunner(user, id);
        return FormSubmission.on(model).keeping("form", form).submit(() -> {
            var meeting = meetings.schedule(user, id, DateInput.fromForm(form::get, "date"), form.get("startTime"), form.get("place"),
                    form.get("chair"));
            redirect.addFlashAttribute("success", "The meeting was scheduled");
            return "redirect:/meetings/" + meeting.id();
        }, () -> list(user, id, model));
    }

    @GetMapping("/meetings/{id}")
    String meeting(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, Model model) {
        var meeting = meetings.readable(user, id);
        var group = meetings.readableGroup(user, meeting.groupId());
        fill(user, meeting, group, model);
        model.addAttribute("quorum", meetings.quorum(user.partnershipId(), meeting));
        model.addAttribute("mayRun", groups.runs(user, group.id()));
        model.addAttribute("takesPart", groups.takesPart(user, group.id()));
        model.addAttribute("attendanceOpen", !meeting.meetingDate().isAfter(meetings.today()));
        var unknown = groups.youngScrutineersUnknownTo(user, group.id());
        model.addAttribute("members", members(user, group.id()));
        // Young scrutineers' accounts are children's: not among the owners offered, but to those who keep them.
        boolean knowsYoung = user.isAdministrator() || user.role() == org.canopy.partnership.Role.INDEPENDENT_SCRUTINEER;
        model.addAttribute("people", people.inPartnership(user.partnershipId()).stream().filter(PersonSummary::enabled)
                .filter(p -> knowsYoung || p.role() != org.canopy.partnership.Role.YOUNG_SCRUTINEER).toList());
        var attendance = meetings.attendance(user.partnershipId(), id).stream()
                .filter(a -> a.userId() == null || !unknown.contains(a.userId())).toList();
        model.addAttribute("attendance", attendance);
        model.addAttribute("statusOf", attendance.stream().filter(a -> a.userId() != null)
                .collect(Collectors.toMap(Meetings.Attendance::userId, Meetings.Attendance::status)));
        model.addAttribute("guests", attendance.stream().filter(a -> a.agendaItemId() != null).map(Meetings.Attendance::agendaItemId)
                .collect(Collectors.toSet()));
        model.addAttribute("actions", actions.raisedAt(user.partnershipId(), id));
        model.addAttribute("decisions", decisions.atMeeting(user.partnershipId(), id));
        model.addAttribute("paperLimit", papers.limitText());
        model.addAttribute("paperTypes", Papers.TYPES);
        model.addAttribute("today", meetings.today());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "governance/meeting";
    }

    @GetMapping("/meetings/{id}/pack")
    String pack(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, Model model) {
        var meeting = meetings.readable(user, id);
        fill(user, meeting, meetings.readableGroup(user, meeting.groupId()), model);
        return "governance/meeting-pack";
    }

    /** What the meeting page and its pack both show: the meeting, its group, its agenda with papers, and names. */
    private void fill(CanopyUser user, Meetings.Meeting meeting, GroupSummary group, Model model) {
        var items = agenda.items(user, meeting, group);
        var all = papers.of(user.partnershipId(), meeting.id());
        model.addAttribute("meeting", meeting);
        model.addAttribute("group", group);
        model.addAttribute("items", items);
        model.addAttribute("itemPapers", all.stream().filter(p -> p.agendaItemId() != null)
                .collect(Collectors.groupingBy(Papers.Paper::agendaItemId)));
        model.addAttribute("meetingPapers", all.stream().filter(p -> p.agendaItemId() == null).toList());
        model.addAttribute("names", names(user));
        model.addAttribute("agencies", agencies.agencies(user.partnershipId()).stream().filter(AgencySummary::active).toList());
        model.addAttribute("agencyNames", agencies.agencies(user.partnershipId()).stream()
                .collect(Collectors.toMap(AgencySummary::id, AgencySummary::name)));
    }

    @PostMapping("/meetings/{id}/items")
    String addItem(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        return FormSubmission.on(model).keeping("form", form).submit(() -> {
            var item = meetings.addItem(user, id, form.get("title"), form.get("detail"), form.get("invitedAgency"));
            redirect.addFlashAttribute("success", "Added " + item.title() + " to the agenda");
            return "redirect:/meetings/" + id;
        }, () -> meeting(user, id, model));
    }

    @PostMapping("/meetings/{id}/attendance")
    String attendance(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        var members = new LinkedHashMap<Long, String>();
        Set<Long> guests = new HashSet<>();
        form.forEach((key, value) -> {
            if (key.startsWith("attendance-")) {
                members.put(FormFields.id(key.substring("attendance-".length())), value);
            } else if (key.startsWith("guest-")) {
                guests.add(FormFields.id(key.substring("guest-".length())));
            }
        });
        return FormSubmission.on(model).conflictOn("attendance").submit(() -> {
            meetings.recordAttendance(user, id, FormFields.version(form.get("version")), members, guests);
            redirect.addFlashAttribute("success", "The attendance was recorded");
            return "redirect:/meetings/" + id;
        }, () -> meeting(user, id, model));
    }

    @PostMapping("/meetings/{id}/papers")
    String attach(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String item, Model model, RedirectAttributes redirect) throws java.io.IOException {
        var meeting = meetings.readable(user, id);
        var itemIds = agenda.stored(user.partnershipId(), id).stream().map(Agenda.Item::id).toList();
        byte[] bytes = file == null ? null : file.getBytes();
        String name = file == null ? null : file.getOriginalFilename();
        return FormSubmission.on(model).keeping("errorAnchor", "file").submit(() -> {
            var paper = papers.attach(user, meeting, itemIds, item, name, bytes);
            redirect.addFlashAttribute("success", "Attached the paper " + paper.name());
            return "redirect:/meetings/" + id;
        }, () -> meeting(user, id, model));
    }

    @GetMapping("/meetings/{id}/papers/{paperId}")
    ResponseEntity<byte[]> paper(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @PathVariable long paperId) {
        var meeting = meetings.readable(user, id);
        // A paper of an agenda item the person may not read (another group's records) is not theirs to download either.
        var readableItems = agenda.items(user, meeting, meetings.readableGroup(user, meeting.groupId())).stream()
                .map(Agenda.Item::id).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        papers.of(user.partnershipId(), id).stream().filter(p -> p.id() == paperId)
                .filter(p -> p.agendaItemId() == null || readableItems.contains(p.agendaItemId())).findFirst()
                .orElseThrow(() -> new NotFound("The paper"));
        var file = papers.file(user.partnershipId(), id, paperId).orElseThrow(() -> new NotFound("The paper"));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.name(), StandardCharsets.UTF_8)
                        .build().toString())
                .header("X-Content-Type-Options", "nosniff").body(file.content());
    }

    @PostMapping("/meetings/{id}/actions")
    String raise(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        var meeting = meetings.readable(user, id);
        meetings.requireRunner(user, meeting.groupId());
        return FormSubmission.on(model).keeping("form", form).submit(() -> {
            if (!meeting.held()) {
                // Raised before the meeting, an action would be carried onto the very agenda it came from.
                throw new InvalidInput("actionText", "Record the meeting's attendance first: actions are raised at a meeting that has been held");
            }
            actions.raise(user, meeting.groupId(), id, form.get("actionText"), form.get("owner"), form.get("agency"),
                    DateInput.fromForm(form::get, "due"));
            redirect.addFlashAttribute("success", "The action was added to the action list");
            return "redirect:/meetings/" + id;
        }, () -> meeting(user, id, model));
    }

    @PostMapping("/meetings/{id}/decisions")
    String decide(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        var meeting = meetings.readable(user, id);
        return FormSubmission.on(model).keeping("form", form).submit(() -> {
            decisions.record(user, meeting.groupId(), id, meeting.meetingDate(), form.get("decision"));
            redirect.addFlashAttribute("success", "The decision was added to the decisions register");
            return "redirect:/meetings/" + id;
        }, () -> meeting(user, id, model));
    }

    /** The group's members the person may know of (a young scrutineer only for those who may know them). */
    private List<PersonSummary> members(CanopyUser user, long groupId) {
        var unknown = groups.youngScrutineersUnknownTo(user, groupId);
        var ids = groups.memberIdsByGroup(List.of(groupId)).getOrDefault(groupId, Set.of());
        return people.byIds(user.partnershipId(), ids).stream().filter(p -> !unknown.contains(p.id())).toList();
    }

    private Map<Long, String> names(CanopyUser user) {
        var names = new HashMap<Long, String>();
        people.inPartnership(user.partnershipId()).forEach(p -> names.put(p.id(), p.displayName()));
        return names;
    }

}
