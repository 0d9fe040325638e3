package org.canopy.training.courses;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.canopy.partnership.CanopyUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** JSON reads of the programme, and attendance sent by a partner's system (the same checks as the page). */
@RestController
class TrainingApiController {

    /** Attendance for one booking: ATTENDED or DID_NOT_ATTEND. */
    record Mark(long bookingId, String attendance) {
    }

    private final Training training;

    TrainingApiController(Training training) {
        this.training = training;
    }

    @GetMapping("/api/v1/training/courses")
    List<Map<String, Object>> courses(@AuthenticationPrincipal CanopyUser user) {
        long p = user.partnershipId();
        var names = training.agencyNames(p);
        return training.courses(p).stream().map(c -> {
            var m = new LinkedHashMap<String, Object>();
            m.put("id", c.id());
            m.put("title", c.title());
            m.put("audience", c.audience() == null ? null : c.audience().name());
            m.put("format", c.format() == null ? null : c.format().name());
            m.put("trainer", c.trainerAgencyId() == null ? null : names.get(c.trainerAgencyId()));
            m.put("statedFigure", c.statedFigure());
            m.put("statedSource", c.statedSource());
            m.put("needIds", training.courseNeeds(c.id()).stream().sorted().toList());
            m.put("priorityIds", training.coursePriorities(c.id()).stream().sorted().toList());
            m.put("sessions", training.sessions(p, c.id()).stream().map(s -> {
                int booked = training.placesTaken(p, s.id());
                return Map.of("id", s.id(), "date", s.startsAt().toLocalDate().toString(), "startsAt", s.startsAt().toString(),
                        "place", s.place(), "capacity", s.capacity(), "booked", booked, "placesLeft", s.capacity() - booked);
            }).toList());
            return (Map<String, Object>) m;
        }).toList();
    }

    /** Attendance by agency (API.md), for the financial year named by {@code year} ("2021-22") or for all sessions. */
    @GetMapping("/api/v1/training/attendance")
    List<Training.AgencyAttendance> attendance(@AuthenticationPrincipal CanopyUser user,
            @org.springframework.web.bind.annotation.RequestParam(required = false) String year) {
        return training.attendance(user.partnershipId(), year);
    }

    @GetMapping("/api/v1/training/sessions/{id}")
    Map<String, Object> session(@AuthenticationPrincipal CanopyUser user, @PathVariable long id) {
        long p = user.partnershipId();
        var s = training.session(p, id);
        var names = training.agencyNames(p);
        var m = new LinkedHashMap<String, Object>();
        m.put("id", s.id());
        m.put("courseId", s.courseId());
        m.put("course", training.course(p, s.courseId()).title());
        m.put("startsAt", s.startsAt().toString());
        m.put("place", s.place());
        m.put("capacity", s.capacity());
        int booked = training.placesTaken(p, id);
        m.put("booked", booked);
        m.put("placesLeft", s.capacity() - booked);
        m.put("waiting", training.bookings(p, id).stream().filter(b -> b.status().equals("WAITING")).count());
        // Only the bookings the caller may read: their agency's, every one for the trainers and the coordinator.
        m.put("bookings", training.readableBookings(user, id).stream().map(b -> {
            var row = new LinkedHashMap<String, Object>();
            row.put("id", b.id());
            row.put("name", b.name());
            row.put("agency", names.get(b.agencyId()));
            row.put("role", b.jobRole());
            row.put("status", b.status());
            row.put("attendance", b.attendance());
            return row;
        }).toList());
        return m;
    }

    @PostMapping("/api/v1/training/sessions/{id}/attendance")
    Map<String, Object> attendance(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @RequestBody List<Mark> marks) {
        var map = new LinkedHashMap<Long, String>();
        marks.forEach(mk -> map.put(mk.bookingId(), mk.attendance() == null ? "" : mk.attendance()));
        training.recordAttendance(user, id, map);
        return session(user, id);
    }
}
