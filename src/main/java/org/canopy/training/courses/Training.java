package org.canopy.training.courses;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.canopy.partnership.AgencyDirectory;
import org.canopy.partnership.AgencySummary;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.RecordChanged;
import org.canopy.partnership.Role;
import org.canopy.plan.PlanPriorities;
import org.canopy.plan.PriorityRef;
import org.canopy.plan.PriorityThread;
import org.canopy.privacy.IdentifierGuard;
import org.canopy.web.EditConflict;
import org.canopy.web.FieldProblem;
import org.canopy.web.InvalidInput;
import org.canopy.web.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The training programme: needs drawn from the partnership's evidence, courses answering them, sessions with a capacity,
 * bookings (a waiting list beyond capacity, promoted in order on a cancellation), attendance and the three-step evaluation.
 */
@Service
public class Training {

    /** Audience and level of a course. */
    public enum Audience {
        ALL_STAFF("All staff"), PRACTITIONERS("Practitioners"), MANAGERS("Managers"), VOLUNTEERS("Volunteers"), OTHER("Other");

        private final String label;

        Audience(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** How a course is given. */
    public enum Format {
        ONLINE("Online"), IN_PERSON("In person"), BLENDED("Blended");

        private final String label;

        Format(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Where a need comes from: a record of the partnership's own evidence, a priority or a partner's request (snapshot). */
    public record Source(String kind, String ref, String title, String href) {
        public String key() {
            return kind + "|" + ref;
        }

        public String kindLabel() {
            return switch (kind) {
                case "FEEDBACK_THEME" -> "Feedback theme";
                case "AUDIT" -> "Audit finding";
                case "REVIEW" -> "Review";
                case "RECOMMENDATION" -> "Recommendation";
                case "INDICATOR" -> "Indicator";
                case "PRIORITY" -> "Priority";
                case "REQUEST" -> "A partner's request";
                default -> kind.charAt(0) + kind.substring(1).toLowerCase().replace('_', ' ');
            };
        }
    }

    public record Need(long id, String sourceKind, String sourceRef, String sourceTitle, String sourceHref, String description, int version) {
        public Source source() {
            return new Source(sourceKind, sourceRef, sourceTitle, sourceHref);
        }
    }

    public record Course(long id, String title, Audience audience, Long trainerAgencyId, Format format, String statedFigure,
            String statedSource, String description, int version) {
    }

    public record Session(long id, long courseId, LocalDateTime startsAt, String place, int capacity, int version) {
    }

    public record Booking(long id, long sessionId, String name, long agencyId, String jobRole, String status, String attendance,
            Integer beforeConfidence, String beforeLearn, Integer afterConfidence, Integer afterUsefulness, String afterComment,
            Integer impact, String impactExample, String bookedBy, int version) {
        public boolean holdsPlace() {
            return status.equals("BOOKED") || status.equals("PENDING");
        }
    }

    /** A row of a report: attendance and evaluation counted under one heading (an agency, a course, a priority). */
    public record ReportRow(String name, int booked, int attended, int didNotAttend, Double afterConfidence, Double usefulness,
            Double impact) {
    }

    /** Non-attendance of one agency and its charge. */
    public record Charge(String agency, int didNotAttend, BigDecimal total) {
    }

    private final JdbcClient jdbc;
    private final AgencyDirectory agencies;
    private final PlanPriorities priorities;
    private final List<PriorityThread> threads;
    private final IdentifierGuard guard;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TrainingSettings settings;

    Training(JdbcClient jdbc, AgencyDirectory agencies, PlanPriorities priorities, List<PriorityThread> threads, IdentifierGuard guard,
            ApplicationEventPublisher events, Clock clock, TrainingSettings settings) {
        this.jdbc = jdbc;
        this.agencies = agencies;
        this.priorities = priorities;
        this.threads = threads;
        this.guard = guard;
        this.events = events;
        this.clock = clock;
        this.settings = settings;
    }

    public TrainingSettings settings() {
        return settings;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---- who may do what

    public static boolean mayEdit(CanopyUser user) {
        return user.role() == Role.ADMINISTRATOR || user.role() == Role.GROUP_CHAIR;
    }

    public static boolean mayBook(CanopyUser user) {
        return user.role() == Role.ADMINISTRATOR || user.role() == Role.AGENCY_CONTRIBUTOR && user.agencyId() != null;
    }

    public static boolean mayBookFor(CanopyUser user, long agencyId) {
        return user.role() == Role.ADMINISTRATOR
                || user.role() == Role.AGENCY_CONTRIBUTOR && user.agencyId() != null && user.agencyId() == agencyId;
    }

    public static boolean mayRecordAttendance(CanopyUser user, Course course) {
        return user.role() == Role.ADMINISTRATOR || user.role() == Role.AGENCY_CONTRIBUTOR && user.agencyId() != null
                && course.trainerAgencyId() != null && user.agencyId().equals(course.trainerAgencyId());
    }

    /**
     * Whether the person may read a booking (the practitioner's name, agency, job role, attendance and evaluation),
     * wherever it is shown (pages, downloads, the API): the practitioner's own agency's contributors, the course's
     * trainers (its trainer agency's contributors) and the administrator. Everyone else reads places booked and free.
     */
    public static boolean mayRead(CanopyUser user, Booking booking, Course course) {
        if (user.role() == Role.ADMINISTRATOR) {
            return true;
        }
        return user.role() == Role.AGENCY_CONTRIBUTOR && user.agencyId() != null
                && (user.agencyId() == booking.agencyId() || user.agencyId().equals(course.trainerAgencyId()));
    }

    /** The session's bookings the person may read ({@link #mayRead}), in the order they were made. */
    public List<Booking> readableBookings(CanopyUser user, long sessionId) {
        var course = course(user.partnershipId(), session(user.partnershipId(), sessionId).courseId());
        return bookings(user.partnershipId(), sessionId).stream().filter(b -> mayRead(user, b, course)).toList();
    }

    /** Every booking of the partnership the person may read ({@link #mayRead}). */
    public List<Booking> readableBookings(CanopyUser user) {
        long p = user.partnershipId();
        var courses = courses(p).stream().collect(Collectors.toMap(Course::id, Function.identity()));
        var sessions = sessions(p, null).stream().collect(Collectors.toMap(Session::id, Session::courseId));
        return allBookings(p).stream().filter(b -> mayRead(user, b, courses.get(sessions.get(b.sessionId())))).toList();
    }

    private static void requireEditor(CanopyUser user) {
        if (!mayEdit(user)) {
            throw new AccessDeniedException("Only the coordinator or a group chair changes the programme");
        }
    }

    // ---- reads

    public List<AgencySummary> agencies(long partnershipId) {
        return agencies.agencies(partnershipId);
    }

    public Map<Long, String> agencyNames(long partnershipId) {
        return agencies.agencies(partnershipId).stream().collect(Collectors.toMap(AgencySummary::id, AgencySummary::name, (a, b) -> a));
    }

    public List<PriorityRef> priorities(long partnershipId) {
        return priorities.priorities(partnershipId);
    }

    public List<Course> courses(long partnershipId) {
        return jdbc.sql("select id, title, audience, trainer_agency_id, format, stated_figure, stated_source, description, version "
                + "from training_course where partnership_id = ? order by title").param(partnershipId).query(Course.class).list();
    }

    public Course course(long partnershipId, long id) {
        return jdbc.sql("select id, title, audience, trainer_agency_id, format, stated_figure, stated_source, description, version "
                + "from training_course where partnership_id = ? and id = ?").params(partnershipId, id).query(Course.class).optional()
                .orElseThrow(() -> new NotFound("The course"));
    }

    public List<Session> sessions(long partnershipId, Long courseId) {
        return jdbc.sql("select id, course_id, starts_at, place, capacity, version from training_session where partnership_id = ?"
                + (courseId == null ? "" : " and course_id = " + courseId.longValue()) + " order by starts_at, id")
                .param(partnershipId).query(Session.class).list();
    }

    public Session session(long partnershipId, long id) {
        return jdbc.sql("select id, course_id, starts_at, place, capacity, version from training_session where partnership_id = ? and id = ?")
                .params(partnershipId, id).query(Session.class).optional().orElseThrow(() -> new NotFound("The session"));
    }

    private static final String BOOKING = "select id, session_id, name, agency_id, job_role, status, attendance, before_confidence, "
            + "before_learn, after_confidence, after_usefulness, after_comment, impact, impact_example, booked_by, version from training_booking ";

    public List<Booking> bookings(long partnershipId, long sessionId) {
        return jdbc.sql(BOOKING + "where partnership_id = ? and session_id = ? order by id").params(partnershipId, sessionId)
                .query(Booking.class).list();
    }

    public List<Booking> allBookings(long partnershipId) {
        return jdbc.sql(BOOKING + "where partnership_id = ? order by id").param(partnershipId).query(Booking.class).list();
    }

    public Booking booking(long partnershipId, long id) {
        return jdbc.sql(BOOKING + "where partnership_id = ? and id = ?").params(partnershipId, id).query(Booking.class).optional()
                .orElseThrow(() -> new NotFound("The booking"));
    }

    public int placesTaken(long partnershipId, long sessionId) {
        return (int) bookings(partnershipId, sessionId).stream().filter(Booking::holdsPlace).count();
    }

    /** What the partnership's documents say about the programme, as quoted, with where. */
    public record Note(String text, String source) {
    }

    public List<Note> notes(long partnershipId) {
        return jdbc.sql("select text, source from training_note where partnership_id = ? order by id").param(partnershipId).query(Note.class).list();
    }

    public List<Need> needs(long partnershipId) {
        return jdbc.sql("select id, source_kind, source_ref, source_title, source_href, description, version from training_need "
                + "where partnership_id = ? order by id").param(partnershipId).query(Need.class).list();
    }

    public Set<Long> courseNeeds(long courseId) {
        return Set.copyOf(jdbc.sql("select need_id from training_course_need where course_id = ?").param(courseId).query(Long.class).list());
    }

    public Set<Long> coursePriorities(long courseId) {
        return Set.copyOf(jdbc.sql("select priority_id from training_course_priority where course_id = ?").param(courseId)
                .query(Long.class).list());
    }

    /** The courses answering each need, by need id. */
    public Map<Long, List<Course>> coursesByNeed(long partnershipId) {
        var byId = courses(partnershipId).stream().collect(Collectors.toMap(Course::id, Function.identity()));
        var result = new LinkedHashMap<Long, List<Course>>();
        needs(partnershipId).forEach(n -> result.put(n.id(), new ArrayList<>()));
        jdbc.sql("select cn.need_id, cn.course_id from training_course_need cn join training_need n on n.id = cn.need_id "
                + "where n.partnership_id = ? order by cn.course_id").param(partnershipId).query((rs, i) -> {
                    var list = result.get(rs.getLong(1));
                    var course = byId.get(rs.getLong(2));
                    if (list != null && course != null) {
                        list.add(course);
                    }
                    return null;
                }).list();
        return result;
    }

    /** Where a need may come from: what the modules offer as citable, the plan's priorities. */
    public List<Source> sources(CanopyUser user) {
        var list = new ArrayList<Source>();
        for (var thread : threads) {
            for (var entry : thread.citable(user)) {
                list.add(new Source(entry.kind(), entry.ref(), entry.title(), entry.href()));
            }
        }
        for (var p : priorities.priorities(user.partnershipId())) {
            list.add(new Source("PRIORITY", String.valueOf(p.id()), priorityTitle(p), "/plans/" + p.planId()));
        }
        return list;
    }

    public static String priorityTitle(PriorityRef p) {
        return p.planTitle() + ", priority " + p.number() + ": " + p.title();
    }

    /** Bookings whose third step (6 to 8 weeks after the session, with the manager) is due or overdue and not yet done. */
    public record Due(Booking booking, Session session, Course course, LocalDate from, LocalDate until, boolean overdue) {
    }

    public static LocalDate dueFrom(Session s) {
        return s.startsAt().toLocalDate().plusWeeks(6);
    }

    public static LocalDate dueUntil(Session s) {
        return s.startsAt().toLocalDate().plusWeeks(8);
    }

    /** The evaluations due of the bookings the person may read ({@link #mayRead}). */
    public List<Due> evaluationsDue(CanopyUser user) {
        var today = today();
        long partnershipId = user.partnershipId();
        var sessions = sessions(partnershipId, null).stream().collect(Collectors.toMap(Session::id, Function.identity()));
        var courses = courses(partnershipId).stream().collect(Collectors.toMap(Course::id, Function.identity()));
        var due = new ArrayList<Due>();
        for (var b : readableBookings(user)) {
            var s = sessions.get(b.sessionId());
            if (s == null || !"ATTENDED".equals(b.attendance()) || b.impact() != null) {
                continue;
            }
            if (!today.isBefore(dueFrom(s))) {
                due.add(new Due(b, s, courses.get(s.courseId()), dueFrom(s), dueUntil(s), today.isAfter(dueUntil(s))));
            }
        }
        return due;
    }

    // ---- reports

    /** Places held, attended and missed by agency (API.md), for sessions in the financial year given ("2021-22"), or all. */
    public List<AgencyAttendance> attendance(long partnershipId, String year) {
        var starts = sessions(partnershipId, null).stream().collect(Collectors.toMap(Session::id, Session::startsAt));
        var byAgency = new java.util.TreeMap<Long, int[]>();
        for (var b : allBookings(partnershipId)) {
            var at = starts.get(b.sessionId());
            if (!b.holdsPlace() || at == null || (year != null && !year.equals(org.canopy.web.Dates.financialYear(at.toLocalDate())))) {
                continue;
            }
            var counts = byAgency.computeIfAbsent(b.agencyId(), k -> new int[3]);
            counts[0]++;
            counts[1] += "ATTENDED".equals(b.attendance()) ? 1 : 0;
            counts[2] += "DID_NOT_ATTEND".equals(b.attendance()) ? 1 : 0;
        }
        return byAgency.entrySet().stream().map(e -> new AgencyAttendance(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
                .toList();
    }

    /** One agency's places held, attended and missed. */
    public record AgencyAttendance(long agencyId, int booked, int attended, int didNotAttend) {
    }

    public List<ReportRow> byAgency(long partnershipId) {
        var names = agencyNames(partnershipId);
        return report(partnershipId, b -> List.of(names.getOrDefault(b.agencyId(), "Unknown agency")));
    }

    public List<ReportRow> byCourse(long partnershipId) {
        var sessions = sessions(partnershipId, null).stream().collect(Collectors.toMap(Session::id, Function.identity()));
        var titles = courses(partnershipId).stream().collect(Collectors.toMap(Course::id, Course::title));
        return report(partnershipId, b -> List.of(titles.get(sessions.get(b.sessionId()).courseId())));
    }

    public List<ReportRow> byPriority(long partnershipId) {
        var sessions = sessions(partnershipId, null).stream().collect(Collectors.toMap(Session::id, Function.identity()));
        var titles = priorities.priorities(partnershipId).stream().collect(Collectors.toMap(PriorityRef::id, Training::priorityTitle));
        var byCourse = new LinkedHashMap<Long, List<String>>();
        return report(partnershipId, b -> byCourse.computeIfAbsent(sessions.get(b.sessionId()).courseId(),
                c -> coursePriorities(c).stream().map(titles::get).filter(t -> t != null).sorted().toList()));
    }

    private List<ReportRow> report(long partnershipId, Function<Booking, List<String>> headings) {
        var grouped = new java.util.TreeMap<String, List<Booking>>();
        for (var b : allBookings(partnershipId)) {
            if (!b.holdsPlace()) {
                continue;
            }
            for (var h : headings.apply(b)) {
                grouped.computeIfAbsent(h, k -> new ArrayList<>()).add(b);
            }
        }
        var rows = new ArrayList<ReportRow>();
        grouped.forEach((name, list) -> rows.add(new ReportRow(name, list.size(),
                (int) list.stream().filter(b -> "ATTENDED".equals(b.attendance())).count(),
                (int) list.stream().filter(b -> "DID_NOT_ATTEND".equals(b.attendance())).count(),
                mean(list, Booking::afterConfidence), mean(list, Booking::afterUsefulness), mean(list, Booking::impact))));
        return rows;
    }

    private static Double mean(List<Booking> list, Function<Booking, Integer> score) {
        var scores = list.stream().map(score).filter(s -> s != null).toList();
        return scores.isEmpty() ? null : Math.round(scores.stream().mapToInt(Integer::intValue).average().orElse(0) * 10) / 10.0;
    }

    public List<Charge> charges(long partnershipId) {
        return byAgency(partnershipId).stream().filter(r -> r.didNotAttend() > 0)
                .map(r -> new Charge(r.name(), r.didNotAttend(), chargeFor(settings, r.didNotAttend())))
                .toList();
    }

    /** The charge for an agency's non-attendances, exact in pounds and pence. */
    public static BigDecimal chargeFor(TrainingSettings settings, int didNotAttend) {
        return settings.nonAttendanceCharge().multiply(BigDecimal.valueOf(didNotAttend)).setScale(2, java.math.RoundingMode.UNNECESSARY);
    }

    // ---- changes

    private String text(String field, String label, String value, boolean required, int max, List<FieldProblem> problems) {
        return guard.freeText(field, label, value, required, max, problems, FieldProblem::of);
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String field, String message, String value, List<FieldProblem> problems) {
        for (var e : type.getEnumConstants()) {
            if (e.name().equals(value)) {
                return e;
            }
        }
        problems.add(FieldProblem.of(field, message));
        return null;
    }

    private Long agency(CanopyUser user, String field, String message, String value, boolean required, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(FieldProblem.of(field, message));
            }
            return null;
        }
        try {
            var a = agencies.byId(user.partnershipId(), Long.parseLong(value.strip()));
            if (a.isPresent()) {
                return a.get().id();
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        problems.add(FieldProblem.of(field, message));
        return null;
    }

    /** Adds a need from a chosen source (or a partner's request: an agency and its words) and a description. */
    @Transactional
    public Need addNeed(CanopyUser user, Map<String, String> form) {
        requireEditor(user);
        var problems = new ArrayList<FieldProblem>();
        String description = text("description", "The description of the need", form.get("description"), true, 2000, problems);
        Source source = null;
        String chosen = form.getOrDefault("source", "");
        if (chosen.equals("REQUEST")) {
            Long agencyId = agency(user, "requestAgency", "Choose the agency making the request", form.get("requestAgency"), true, problems);
            String words = text("requestWords", "The request", form.get("requestWords"), true, 500, problems);
            if (agencyId != null && words != null) {
                source = new Source("REQUEST", String.valueOf(agencyId),
                        agencies.byId(user.partnershipId(), agencyId).orElseThrow().name() + ": " + words, null);
            }
        } else {
            source = sources(user).stream().filter(s -> s.key().equals(chosen)).findFirst().orElse(null);
            if (source == null) {
                problems.add(FieldProblem.of("source", "Choose where the need comes from"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into training_need (partnership_id, source_kind, source_ref, source_title, source_href, description, created_by, "
                + "created_at) values (?, ?, ?, ?, ?, ?, ?, ?)").params(user.partnershipId(), source.kind(), source.ref(),
                        truncate(source.title(), 500), source.href(), description, user.getUsername(), LocalDateTime.now(clock))
                .update(keys, "id");
        var need = new Need(keys.getKey().longValue(), source.kind(), source.ref(), source.title(), source.href(), description, 0);
        events.publishEvent(RecordChanged.by(user, "training need", need.id(), "added", "Added a training need", null, need));
        return need;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }

    /** Adds a course (id null) or changes one at the version read. */
    @Transactional
    public Course saveCourse(CanopyUser user, Long id, Map<String, String> form, List<String> needIds, List<String> priorityIds) {
        requireEditor(user);
        var problems = new ArrayList<FieldProblem>();
        String title = text("title", "The title", form.get("title"), true, 200, problems);
        var audience = choice(Audience.class, "audience", "Choose the audience", form.get("audience"), problems);
        var format = choice(Format.class, "format", "Choose the format", form.get("format"), problems);
        Long trainer = agency(user, "trainer", "Choose the trainer's agency", form.get("trainer"), false, problems);
        String description = text("description", "The description", form.get("description"), false, 2000, problems);
        var validNeeds = needs(user.partnershipId()).stream().map(n -> String.valueOf(n.id())).collect(Collectors.toSet());
        var validPriorities = priorities.priorities(user.partnershipId()).stream().map(p -> String.valueOf(p.id())).collect(Collectors.toSet());
        var needs = needIds == null ? List.<String>of() : needIds;
        var prios = priorityIds == null ? List.<String>of() : priorityIds;
        if (!validNeeds.containsAll(needs)) {
            problems.add(FieldProblem.of("needs", "Choose needs of this partnership"));
        }
        if (!validPriorities.containsAll(prios)) {
            problems.add(FieldProblem.of("priorities", "Choose priorities of this partnership"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        long courseId;
        Course before = null;
        if (id == null) {
            var keys = new GeneratedKeyHolder();
            jdbc.sql("insert into training_course (partnership_id, title, audience, trainer_agency_id, format, description, created_by, "
                    + "created_at) values (?, ?, ?, ?, ?, ?, ?, ?)").params(user.partnershipId(), title, audience.name(), trainer, format.name(),
                            description, user.getUsername(), LocalDateTime.now(clock)).update(keys, "id");
            courseId = keys.getKey().longValue();
        } else {
            before = course(user.partnershipId(), id);
            int version = parseInt(form.get("version"), -1);
            int changed = jdbc.sql("update training_course set title = ?, audience = ?, trainer_agency_id = ?, format = ?, description = ?, "
                    + "version = version + 1 where partnership_id = ? and id = ? and version = ?").params(title, audience.name(), trainer,
                            format.name(), description, user.partnershipId(), id, version).update();
            if (changed == 0) {
                throw new EditConflict("Someone else changed this course while you were editing it: read it again and make your change");
            }
            courseId = id;
            jdbc.sql("delete from training_course_need where course_id = ?").param(courseId).update();
            jdbc.sql("delete from training_course_priority where course_id = ?").param(courseId).update();
        }
        for (var n : needs) {
            jdbc.sql("insert into training_course_need (course_id, need_id) values (?, ?)").params(courseId, Long.parseLong(n)).update();
        }
        for (var p : prios) {
            jdbc.sql("insert into training_course_priority (course_id, priority_id) values (?, ?)").params(courseId, Long.parseLong(p)).update();
        }
        var after = course(user.partnershipId(), courseId);
        events.publishEvent(RecordChanged.by(user, "training course", courseId, id == null ? "added" : "changed",
                (id == null ? "Added" : "Changed") + " the course " + title, before, after));
        return after;
    }

    private static int parseInt(String s, int otherwise) {
        try {
            return s == null ? otherwise : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    /** Adds a session: a date and time, a place (or "Online"), a capacity of 1 to 1000. */
    @Transactional
    public Session addSession(CanopyUser user, long courseId, Map<String, String> form) {
        requireEditor(user);
        var course = course(user.partnershipId(), courseId);
        var problems = new ArrayList<FieldProblem>();
        LocalDate day = null;
        try {
            day = LocalDate.of(Integer.parseInt(form.getOrDefault("date-year", "").strip()),
                    Integer.parseInt(form.getOrDefault("date-month", "").strip()), Integer.parseInt(form.getOrDefault("date-day", "").strip()));
        } catch (RuntimeException e) {
            problems.add(FieldProblem.of("date", "Enter the session's date as a real date, for example 27 3 2027"));
        }
        LocalTime time = null;
        try {
            time = LocalTime.parse(form.getOrDefault("time", "").strip());
        } catch (RuntimeException e) {
            problems.add(FieldProblem.of("time", "Enter the start time as hours and minutes, for example 09:30"));
        }
        String place = text("place", "The place", form.get("place"), true, 200, problems);
        int capacity = capacity(form.get("capacity"), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into training_session (partnership_id, course_id, starts_at, place, capacity, created_by) values (?, ?, ?, ?, ?, ?)")
                .params(user.partnershipId(), courseId, LocalDateTime.of(day, time), place, capacity, user.getUsername()).update(keys, "id");
        var session = session(user.partnershipId(), keys.getKey().longValue());
        events.publishEvent(RecordChanged.by(user, "training session", session.id(), "added",
                "Added a session of " + course.title(), null, session));
        return session;
    }

    private static int capacity(String value, List<FieldProblem> problems) {
        int capacity = parseInt(value, -1);
        if (capacity < 1 || capacity > 1000) {
            problems.add(FieldProblem.of("capacity", "Enter the capacity as a whole number of places from 1 to 1000"));
        }
        return capacity;
    }

    /** Changes a session's capacity; below the places already taken it is refused and nothing is stored. */
    @Transactional
    public Session changeCapacity(CanopyUser user, long sessionId, Map<String, String> form) {
        requireEditor(user);
        var before = lock(user.partnershipId(), sessionId);
        var problems = new ArrayList<FieldProblem>();
        int capacity = capacity(form.get("capacity"), problems);
        int taken = placesTaken(user.partnershipId(), sessionId);
        if (problems.isEmpty() && capacity < taken) {
            problems.add(FieldProblem.of("capacity", "The capacity cannot be less than the " + taken + " places already booked: cancel bookings first"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        int changed = jdbc.sql("update training_session set capacity = ?, version = version + 1 where id = ? and version = ?")
                .params(capacity, sessionId, parseInt(form.get("version"), -1)).update();
        if (changed == 0) {
            throw new EditConflict("Someone else changed this session while you were editing it: read it again and make your change");
        }
        promote(user, sessionId);
        var after = session(user.partnershipId(), sessionId);
        events.publishEvent(RecordChanged.by(user, "training session", sessionId, "changed", "Changed the capacity to " + capacity, before, after));
        return after;
    }

    private Session lock(long partnershipId, long sessionId) {
        return jdbc.sql("select id, course_id, starts_at, place, capacity, version from training_session where partnership_id = ? and id = ? for update")
                .params(partnershipId, sessionId).query(Session.class).optional().orElseThrow(() -> new NotFound("The session"));
    }

    /** Books a practitioner (name, agency, role): a place while there is one, else the waiting list. */
    @Transactional
    public Booking book(CanopyUser user, long sessionId, Map<String, String> form) {
        if (!mayBook(user)) {
            throw new AccessDeniedException("Only the coordinator or an agency contributor books a place");
        }
        var session = lock(user.partnershipId(), sessionId);
        var problems = new ArrayList<FieldProblem>();
        String name = text("name", "The practitioner's name", form.get("name"), true, 100, problems);
        Long agencyId = user.role() == Role.AGENCY_CONTRIBUTOR && (form.get("agency") == null || form.get("agency").isBlank())
                ? user.agencyId() : agency(user, "agency", "Choose the practitioner's agency", form.get("agency"), true, problems);
        String role = text("role", "The practitioner's role", form.get("role"), true, 100, problems);
        if (agencyId != null && !mayBookFor(user, agencyId)) {
            throw new AccessDeniedException("An agency contributor books only their own agency's staff");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        int taken = placesTaken(user.partnershipId(), sessionId);
        String status = taken < session.capacity() ? (settings.managerApproval() ? "PENDING" : "BOOKED") : "WAITING";
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into training_booking (partnership_id, session_id, name, agency_id, job_role, status, booked_by, booked_at) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?)").params(user.partnershipId(), sessionId, name, agencyId, role, status, user.getUsername(),
                        LocalDateTime.now(clock)).update(keys, "id");
        var booking = booking(user.partnershipId(), keys.getKey().longValue());
        events.publishEvent(RecordChanged.by(user, "training booking", booking.id(), "added",
                status.equals("WAITING") ? "Put a practitioner on the waiting list" : "Booked a place", null, booking));
        return booking;
    }

    private Booking bookingToChange(CanopyUser user, long bookingId) {
        var booking = booking(user.partnershipId(), bookingId);
        if (!mayBookFor(user, booking.agencyId())) {
            throw new AccessDeniedException("Only the coordinator or the practitioner's agency changes a booking");
        }
        return booking;
    }

    /** Approves a pending booking (the coordinator or a contributor of the booker's agency). */
    @Transactional
    public Booking approve(CanopyUser user, long bookingId) {
        var before = bookingToChange(user, bookingId);
        if (!before.status().equals("PENDING")) {
            throw new InvalidInput("booking", "Only a booking waiting for approval can be approved");
        }
        return status(user, before, "BOOKED", "approved", "Approved a booking");
    }

    /** Cancels a booking; a place it held goes to the first on the waiting list. */
    @Transactional
    public Booking cancel(CanopyUser user, long bookingId) {
        var before = bookingToChange(user, bookingId);
        lock(user.partnershipId(), before.sessionId());
        if (before.status().equals("CANCELLED")) {
            return before;
        }
        var after = status(user, before, "CANCELLED", "cancelled", "Cancelled a booking");
        promote(user, before.sessionId());
        return after;
    }

    private Booking status(CanopyUser user, Booking before, String status, String verb, String summary) {
        jdbc.sql("update training_booking set status = ?, version = version + 1 where id = ?").params(status, before.id()).update();
        var after = booking(user.partnershipId(), before.id());
        events.publishEvent(RecordChanged.by(user, "training booking", before.id(), verb, summary, before, after));
        return after;
    }

    private void promote(CanopyUser user, long sessionId) {
        var session = session(user.partnershipId(), sessionId);
        var all = bookings(user.partnershipId(), sessionId);
        long taken = all.stream().filter(Booking::holdsPlace).count();
        for (var b : all) {
            if (taken >= session.capacity()) {
                break;
            }
            if (b.status().equals("WAITING")) {
                status(user, b, settings.managerApproval() ? "PENDING" : "BOOKED", "promoted", "Gave a place to the first on the waiting list");
                taken++;
            }
        }
    }

    /** Records attendance for the bookings holding a place: ATTENDED or DID_NOT_ATTEND by booking id. */
    @Transactional
    public void recordAttendance(CanopyUser user, long sessionId, Map<Long, String> marks) {
        var session = session(user.partnershipId(), sessionId);
        var course = course(user.partnershipId(), session.courseId());
        if (!mayRecordAttendance(user, course)) {
            throw new AccessDeniedException("Only the coordinator or the trainer's agency records attendance");
        }
        var bookings = bookings(user.partnershipId(), sessionId).stream().filter(b -> b.status().equals("BOOKED"))
                .collect(Collectors.toMap(Booking::id, Function.identity()));
        var problems = new ArrayList<FieldProblem>();
        marks.forEach((id, mark) -> {
            if (!bookings.containsKey(id)) {
                problems.add(FieldProblem.of("attendance-" + id, "Record attendance only for places booked on this session"));
            } else if (mark != null && !mark.isBlank() && !mark.equals("ATTENDED") && !mark.equals("DID_NOT_ATTEND")) {
                problems.add(FieldProblem.of("attendance-" + id, "Choose attended or did not attend"));
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        marks.forEach((id, mark) -> {
            if (mark == null || mark.isBlank()) {
                return;
            }
            var before = bookings.get(id);
            jdbc.sql("update training_booking set attendance = ?, version = version + 1 where id = ?").params(mark, id).update();
            events.publishEvent(RecordChanged.by(user, "training booking", id, "attendance recorded",
                    mark.equals("ATTENDED") ? "Recorded as attended" : "Recorded as did not attend", before, booking(user.partnershipId(), id)));
        });
    }

    /** Records one step of the evaluation: BEFORE, AFTER or IMPACT (6 to 8 weeks later with the manager); scores 1 to 5. */
    @Transactional
    public Booking evaluate(CanopyUser user, long bookingId, String step, Map<String, String> form) {
        var before = bookingToChange(user, bookingId);
        var problems = new ArrayList<FieldProblem>();
        switch (step) {
            case "before" -> {
                int confidence = score("beforeConfidence", "confidence before the course", form, problems);
                String learn = text("beforeLearn", "What they want to learn", form.get("beforeLearn"), false, 1000, problems);
                refuse(problems);
                jdbc.sql("update training_booking set before_confidence = ?, before_learn = ?, version = version + 1 where id = ?")
                        .params(confidence, learn, bookingId).update();
            }
            case "after" -> {
                int confidence = score("afterConfidence", "confidence after the course", form, problems);
                int usefulness = score("afterUsefulness", "how useful the course was", form, problems);
                String comment = text("afterComment", "The comment", form.get("afterComment"), false, 1000, problems);
                refuse(problems);
                jdbc.sql("update training_booking set after_confidence = ?, after_usefulness = ?, after_comment = ?, version = version + 1 "
                        + "where id = ?").params(confidence, usefulness, comment, bookingId).update();
            }
            case "impact" -> {
                int impact = score("impact", "the impact on practice", form, problems);
                String example = text("impactExample", "The example", form.get("impactExample"), true, 1000, problems);
                refuse(problems);
                jdbc.sql("update training_booking set impact = ?, impact_example = ?, version = version + 1 where id = ?")
                        .params(impact, example, bookingId).update();
            }
            default -> throw new NotFound("The evaluation step");
        }
        var after = booking(user.partnershipId(), bookingId);
        events.publishEvent(RecordChanged.by(user, "training booking", bookingId, "evaluated", "Recorded the evaluation (" + step + ")",
                before, after));
        return after;
    }

    private static int score(String field, String label, Map<String, String> form, List<FieldProblem> problems) {
        int score = parseInt(form.get(field), -1);
        if (score < 1 || score > 5) {
            problems.add(FieldProblem.of(field, "Choose a score from 1 to 5 for " + label));
        }
        return score;
    }

    private static void refuse(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }
}
