package org.canopy.training.courses;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.canopy.partnership.CanopyUser;
import org.canopy.reporting.TableExport;
import org.canopy.web.FormSubmission;
import org.canopy.web.NotFound;
import org.springframework.http.ContentDisposition;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The programme's pages: the overview, each course and session, a booking's evaluation, the needs and the reports. */
@Controller
class TrainingController {

    private final Training training;

    TrainingController(Training training) {
        this.training = training;
    }

    private void common(CanopyUser user, Model model) {
        long p = user.partnershipId();
        model.addAttribute("agencyNames", training.agencyNames(p));
        model.addAttribute("agencies", training.agencies(p));
        model.addAttribute("audiences", Training.Audience.values());
        model.addAttribute("formats", Training.Format.values());
        model.addAttribute("mayEdit", Training.mayEdit(user));
        model.addAttribute("mayBook", Training.mayBook(user));
        model.addAttribute("today", training.today());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
    }

    @GetMapping("/training")
    String overview(@AuthenticationPrincipal CanopyUser user, Model model) {
        common(user, model);
        long p = user.partnershipId();
        var courses = training.courses(p);
        var titles = courses.stream().collect(Collectors.toMap(Training.Course::id, Training.Course::title));
        var now = training.today().atStartOfDay();
        var upcoming = training.sessions(p, null).stream().filter(s -> !s.startsAt().isBefore(now)).toList();
        var left = new HashMap<Long, Integer>();
        upcoming.forEach(s -> left.put(s.id(), s.capacity() - training.placesTaken(p, s.id())));
        var byNeed = training.coursesByNeed(p);
        model.addAttribute("courses", courses);
        model.addAttribute("courseTitles", titles);
        model.addAttribute("upcoming", upcoming);
        model.addAttribute("placesLeft", left);
        model.addAttribute("unanswered", training.needs(p).stream().filter(n -> byNeed.getOrDefault(n.id(), List.of()).isEmpty()).toList());
        model.addAttribute("due", training.evaluationsDue(user));
        model.addAttribute("notes", training.notes(p));
        model.addAttribute("needs", training.needs(p));
        model.addAttribute("priorities", training.priorities(p));
        model.addAttribute("chosenNeeds", List.of());
        model.addAttribute("chosenPriorities", List.of());
        return "training/overview";
    }

    @PostMapping("/training/courses")
    String addCourse(@AuthenticationPrincipal CanopyUser user, @RequestParam Map<String, String> form,
            @RequestParam(required = false) List<String> needs, @RequestParam(required = false) List<String> priorities, Model model,
            RedirectAttributes redirect) {
        return FormSubmission.on(model).keeping("form", form).submit(() -> {
            var course = training.saveCourse(user, null, form, needs, priorities);
            redirect.addFlashAttribute("success", "The course was added");
            return "redirect:/training/courses/" + course.id();
        }, () -> overview(user, model));
    }

    @GetMapping("/training/courses/{id}")
    String course(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, Model model) {
        common(user, model);
        long p = user.partnershipId();
        var course = training.course(p, id);
        var sessions = training.sessions(p, id);
        var left = new HashMap<Long, Integer>();
        sessions.forEach(s -> left.put(s.id(), s.capacity() - training.placesTaken(p, s.id())));
        var needIds = training.courseNeeds(id);
        var priorityIds = training.coursePriorities(id);
        model.addAttribute("course", course);
        model.addAttribute("sessions", sessions);
        model.addAttribute("placesLeft", left);
        model.addAttribute("needs", training.needs(p));
        model.addAttribute("courseNeeds", training.needs(p).stream().filter(n -> needIds.contains(n.id())).toList());
        model.addAttribute("priorities", training.priorities(p));
        model.addAttribute("coursePriorities", training.priorities(p).stream().filter(r -> priorityIds.contains(r.id()))
                .map(Training::priorityTitle).toList());
        model.addAttribute("chosenNeeds", needIds.stream().map(String::valueOf).toList());
        model.addAttribute("chosenPriorities", priorityIds.stream().map(String::valueOf).toList());
        if (!model.containsAttribute("courseForm")) {
            var f = new HashMap<String, String>();
            f.put("title", course.title());
            f.put("audience", course.audience() == null ? "" : course.audience().name());
            f.put("format", course.format() == null ? "" : course.format().name());
            f.put("trainer", course.trainerAgencyId() == null ? "" : String.valueOf(course.trainerAgencyId()));
            f.put("description", course.description());
            f.put("version", String.valueOf(course.version()));
            model.addAttribute("courseForm", f);
        }
        return "training/course";
    }

    @PostMapping("/training/courses/{id}")
    String changeCourse(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @RequestParam Map<String, String> form,
            @RequestParam(required = false) List<String> needs, @RequestParam(required = false) List<String> priorities, Model model,
            RedirectAttributes redirect) {
        return FormSubmission.on(model).keeping("courseForm", form).conflictOn("title").submit(() -> {
            training.saveCourse(user, id, form, needs, priorities);
            redirect.addFlashAttribute("success", "The course was changed");
            return "redirect:/training/courses/" + id;
        }, () -> course(user, id, model));
    }

    @PostMapping("/training/courses/{id}/sessions")
    String addSession(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        return FormSubmission.on(model).keeping("form", form).submit(() -> {
            var session = training.addSession(user, id, form);
            redirect.addFlashAttribute("success", "The session was added");
            return "redirect:/training/sessions/" + session.id();
        }, () -> course(user, id, model));
    }

    @GetMapping("/training/sessions/{id}")
    String session(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, Model model) {
        common(user, model);
        long p = user.partnershipId();
        var session = training.session(p, id);
        var course = training.course(p, session.courseId());
        var all = training.bookings(p, id);
        // Who is booked is read by their agency, the trainers and the coordinator; everyone reads how many.
        var bookings = all.stream().filter(b -> Training.mayRead(user, b, course)).toList();
        model.addAttribute("sitting", session);
        model.addAttribute("course", course);
        model.addAttribute("placesBooked", all.stream().filter(Training.Booking::holdsPlace).count());
        model.addAttribute("waitingCount", all.stream().filter(b -> b.status().equals("WAITING")).count());
        model.addAttribute("placed", bookings.stream().filter(Training.Booking::holdsPlace).toList());
        model.addAttribute("waiting", bookings.stream().filter(b -> b.status().equals("WAITING")).toList());
        model.addAttribute("cancelled", bookings.stream().filter(b -> b.status().equals("CANCELLED")).toList());
        model.addAttribute("booked", bookings.stream().filter(b -> b.status().equals("BOOKED")).toList());
        model.addAttribute("placesLeft", session.capacity() - training.placesTaken(p, id));
        model.addAttribute("mayRecord", Training.mayRecordAttendance(user, course));
        model.addAttribute("user", user);
        model.addAttribute("approval", training.settings().managerApproval());
        if (!model.containsAttribute("capacityForm")) {
            model.addAttribute("capacityForm", Map.of("capacity", String.valueOf(session.capacity()), "version", String.valueOf(session.version())));
        }
        return "training/session";
    }

    @PostMapping("/training/sessions/{id}/bookings")
    String book(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        return FormSubmission.on(model).keeping("form", form).submit(() -> {
            var booking = training.book(user, id, form);
            redirect.addFlashAttribute("success", booking.status().equals("WAITING") ? "The session is full: the practitioner is on the waiting list"
                    : booking.status().equals("PENDING") ? "The place is held until it is approved" : "The place was booked");
            return "redirect:/training/sessions/" + id;
        }, () -> session(user, id, model));
    }

    @PostMapping("/training/sessions/{id}/capacity")
    String capacity(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        return FormSubmission.on(model).keeping("capacityForm", form).conflictOn("capacity").submit(() -> {
            training.changeCapacity(user, id, form);
            redirect.addFlashAttribute("success", "The capacity was changed");
            return "redirect:/training/sessions/" + id;
        }, () -> session(user, id, model));
    }

    @PostMapping("/training/sessions/{id}/attendance")
    String attendance(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        var marks = new LinkedHashMap<Long, String>();
        form.forEach((k, v) -> {
            if (k.startsWith("attendance-")) {
                try {
                    marks.put(Long.parseLong(k.substring("attendance-".length())), v);
                } catch (NumberFormatException e) {
                    // not a booking's field
                }
            }
        });
        return FormSubmission.on(model).submit(() -> {
            training.recordAttendance(user, id, marks);
            redirect.addFlashAttribute("success", "Attendance was recorded");
            return "redirect:/training/sessions/" + id;
        }, () -> session(user, id, model));
    }

    @PostMapping("/training/bookings/{id}/{action:cancel|approve}")
    String bookingAction(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @PathVariable String action,
            RedirectAttributes redirect) {
        var booking = action.equals("cancel") ? training.cancel(user, id) : training.approve(user, id);
        redirect.addFlashAttribute("success", action.equals("cancel") ? "The booking was cancelled" : "The booking was approved");
        return "redirect:/training/sessions/" + booking.sessionId();
    }

    @GetMapping("/training/bookings/{id}")
    String booking(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, Model model) {
        common(user, model);
        long p = user.partnershipId();
        var booking = training.booking(p, id);
        var session = training.session(p, booking.sessionId());
        var course = training.course(p, session.courseId());
        if (!Training.mayRead(user, booking, course)) {
            throw new NotFound("The booking");
        }
        model.addAttribute("booking", booking);
        model.addAttribute("sitting", session);
        model.addAttribute("course", course);
        model.addAttribute("dueFrom", Training.dueFrom(session));
        model.addAttribute("dueUntil", Training.dueUntil(session));
        model.addAttribute("mayEvaluate", Training.mayBookFor(user, booking.agencyId()));
        model.addAttribute("scores", List.of(1, 2, 3, 4, 5));
        return "training/booking";
    }

    @PostMapping("/training/bookings/{id}/evaluation/{step}")
    String evaluate(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @PathVariable String step,
            @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return FormSubmission.on(model).keeping("form", form).submit(() -> {
            training.evaluate(user, id, step, form);
            redirect.addFlashAttribute("success", "The evaluation was recorded");
            return "redirect:/training/bookings/" + id;
        }, () -> booking(user, id, model));
    }

    @GetMapping("/training/needs")
    String needs(@AuthenticationPrincipal CanopyUser user, Model model) {
        common(user, model);
        long p = user.partnershipId();
        model.addAttribute("needs", training.needs(p));
        model.addAttribute("coursesByNeed", training.coursesByNeed(p));
        model.addAttribute("sources", training.sources(user));
        return "training/needs";
    }

    @PostMapping("/training/needs")
    String addNeed(@AuthenticationPrincipal CanopyUser user, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return FormSubmission.on(model).keeping("form", form).submit(() -> {
            training.addNeed(user, form);
            redirect.addFlashAttribute("success", "The training need was added");
            return "redirect:/training/needs";
        }, () -> needs(user, model));
    }

    private Map<String, List<Training.ReportRow>> reports(long p) {
        var reports = new LinkedHashMap<String, List<Training.ReportRow>>();
        reports.put("agency", training.byAgency(p));
        reports.put("course", training.byCourse(p));
        reports.put("priority", training.byPriority(p));
        return reports;
    }

    @GetMapping("/training/reports")
    String reports(@AuthenticationPrincipal CanopyUser user, Model model) {
        common(user, model);
        model.addAttribute("reports", reports(user.partnershipId()));
        model.addAttribute("charges", training.charges(user.partnershipId()));
        model.addAttribute("charge", training.settings().nonAttendanceCharge());
        model.addAttribute("stated", training.courses(user.partnershipId()).stream().filter(c -> c.statedFigure() != null || c.statedSource() != null).toList());
        return "training/reports";
    }

    @GetMapping(value = "/training/reports/{by:agency|course|priority}.svg", produces = "image/svg+xml")
    void chart(@AuthenticationPrincipal CanopyUser user, @PathVariable String by, HttpServletResponse response) throws IOException {
        var rows = reports(user.partnershipId()).get(by);
        org.canopy.web.SvgImage.write(response, org.canopy.reporting.BarChart.horizontal("Attendance by " + by, "Places",
                rows.stream().map(Training.ReportRow::name).toList(),
                List.of(new org.canopy.reporting.BarChart.Series("Booked", rows.stream().map(Training.ReportRow::booked).toList()),
                        new org.canopy.reporting.BarChart.Series("Attended", rows.stream().map(Training.ReportRow::attended).toList()),
                        new org.canopy.reporting.BarChart.Series("Did not attend", rows.stream().map(Training.ReportRow::didNotAttend).toList())),
                50));
    }

    @GetMapping("/training/bookings.{format}")
    void download(@AuthenticationPrincipal CanopyUser user, @PathVariable String format, HttpServletResponse response) throws IOException {
        if (!format.equals("csv") && !format.equals("xlsx")) {
            throw new NotFound("The download");
        }
        long p = user.partnershipId();
        var names = training.agencyNames(p);
        var sessions = training.sessions(p, null).stream().collect(Collectors.toMap(Training.Session::id, Function.identity()));
        var titles = training.courses(p).stream().collect(Collectors.toMap(Training.Course::id, Training.Course::title));
        List<List<Object>> rows = new ArrayList<>();
        for (var b : training.readableBookings(user)) {
            var s = sessions.get(b.sessionId());
            rows.add(Arrays.asList(b.id(), titles.get(s.courseId()), s.startsAt().toLocalDate(), s.startsAt().toLocalTime().toString(),
                    s.place(), b.name(), names.get(b.agencyId()), b.jobRole(), Labels.status(b.status()), Labels.attendance(b.attendance()),
                    b.beforeConfidence(), b.afterConfidence(), b.afterUsefulness(), b.impact()));
        }
        var table = new TableExport.Table("Training bookings and attendance", List.of("Id", "Course", "Date", "Time", "Place", "Name",
                "Agency", "Role", "Status", "Attendance", "Confidence before", "Confidence after", "Usefulness", "Impact on practice"), rows);
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
}
