package org.canopy.training.demo;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.canopy.partnership.AgencyDirectory;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.Role;
import org.canopy.plan.PriorityThread;
import org.canopy.plan.ThreadEntry;
import org.canopy.training.TrainingDemo;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The training facts the seeds state, and nothing invented: courses with no sessions, bookings or dates, their attendance
 * as the annual report 2020-21 or the plan 2016-19 states it (labelled as stated, never as bookings), and the training
 * needs the two serious case reviews' responses name, cited from the learning module's records.
 */
@Component
class TrainingDemoLoader implements TrainingDemo {

    static final String REPORT = "Safeguarding Children Partnership annual report 2020-21";
    static final String PLAN = "Children and Families Plan 2016-19";

    private final JdbcClient jdbc;
    private final AgencyDirectory agencies;
    private final List<PriorityThread> threads;
    private final Clock clock;

    TrainingDemoLoader(JdbcClient jdbc, AgencyDirectory agencies, List<PriorityThread> threads, Clock clock) {
        this.jdbc = jdbc;
        this.agencies = agencies;
        this.threads = threads;
        this.clock = clock;
    }

    @Override
    public void load(long partnershipId) {
        note(partnershipId, "The training program needs to be firmly linked to training needs and informed by priorities.",
                REPORT + ", the independent scrutineer: work still needed");
        note(partnershipId, "The feedback will form part of the analysis to set the training program for 21-22.",
                REPORT + ", on the feedback gathered from children and young people");
        Long council = agencies.byName(partnershipId, "London Borough of Tower Hamlets").map(a -> a.id()).orElse(null);
        course(partnershipId, "Online safeguarding training, opened to volunteers and partners", null, council, "ONLINE", null,
                REPORT + ": volunteers were taking on a lot more work to support families; the THSCP ensured the local authority "
                        + "opened up all online training for Safeguarding topics to volunteers and partners.");
        course(partnershipId, "Mental health first aid", null, null, null, "16 workers trained as mental health first aiders in 20/21",
                REPORT + ", Family Group Conference Service: \u201cIn 20/21 we successfully trained 16 workers as mental health "
                        + "first aiders\u201d.");
        course(partnershipId, "Violence against women and girls (VAWG) training", null, null, null,
                "Over 350 professionals (and over 1,000 young people) attended training and workshops",
                PLAN + ": \u201clast year over 1,000 young people and over 350 professionals attended training and workshops on "
                        + "tackling violence against women and girls\u201d; " + REPORT + ": the THSCP opened and advertised all VAWG "
                        + "training to the wider partnership.");

        // The needs the serious case reviews' responses name, cited from the one action plan's recommendations (else the review)
        // where the learning module holds them.
        var reader = new CanopyUser(0, partnershipId, "demo", "Demo", Role.ADMINISTRATOR, null, null, true, false, null);
        var citable = threads.stream().flatMap(t -> t.citable(reader).stream()).toList();
        Long supervision = need(partnershipId, recommendation(citable, "reflective supervision").or(() -> find(citable, "Ollie")),
                "Serious case review: Ollie",
                "Social workers supported and provided with reflective supervision: training about what reflective supervision looks "
                        + "like (" + REPORT + ", lessons from the review).");
        long reflective = course(partnershipId, "What reflective supervision looks like", null, null, null, null,
                REPORT + ", the response to the review of Ollie: \u201cTraining is provided about what reflective supervision looks like.\u201d");
        jdbc.sql("insert into training_course_need (course_id, need_id) values (?, ?)").params(reflective, supervision).update();
        need(partnershipId, recommendation(citable, "anaphylaxis").or(() -> find(citable, "Kamrul")), "Serious case review: Kamrul",
                "Improvement in training around anaphylaxis, and awareness of asthma and anaphylaxis (" + REPORT
                        + ", lessons from the review).");
    }

    private void note(long partnershipId, String text, String source) {
        jdbc.sql("insert into training_note (partnership_id, text, source, created_by) values (?, ?, ?, 'demo')")
                .params(partnershipId, text, source).update();
    }

    private static Optional<ThreadEntry> recommendation(List<ThreadEntry> citable, String words) {
        return citable.stream().filter(e -> "RECOMMENDATION".equals(e.kind()) && e.title().toLowerCase(java.util.Locale.UK).contains(words))
                .findFirst();
    }

    private static Optional<ThreadEntry> find(List<ThreadEntry> citable, String pseudonym) {
        return citable.stream().filter(e -> "REVIEW".equals(e.kind()) && e.title().contains(pseudonym)).findFirst();
    }

    private long need(long partnershipId, Optional<ThreadEntry> source, String title, String description) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into training_need (partnership_id, source_kind, source_ref, source_title, source_href, description, created_by, "
                + "created_at) values (?, ?, ?, ?, ?, ?, 'demo', ?)").params(partnershipId, source.map(ThreadEntry::kind).orElse("REVIEW"),
                        source.map(ThreadEntry::ref).orElse(null), source.map(ThreadEntry::title).orElse(title),
                        source.map(ThreadEntry::href).orElse(null), description, LocalDateTime.now(clock)).update(keys, "id");
        return keys.getKey().longValue();
    }

    private long course(long partnershipId, String title, String audience, Long trainer, String format, String figure, String source) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into training_course (partnership_id, title, audience, trainer_agency_id, format, stated_figure, stated_source, "
                + "created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, 'demo', ?)")
                .params(partnershipId, title, audience, trainer, format, figure, source, LocalDateTime.now(clock)).update(keys, "id");
        return keys.getKey().longValue();
    }
}
