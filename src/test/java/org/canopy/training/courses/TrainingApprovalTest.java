package org.canopy.training.courses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.canopy.partnership.AgencyDirectory;
import org.canopy.partnership.CanopyUser;
import org.canopy.plan.PlanPriorities;
import org.canopy.plan.PriorityThread;
import org.canopy.privacy.IdentifierGuard;
import org.canopy.support.CanopyDatabaseTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * With canopy.training.manager-approval on, a place is held as pending until the coordinator or a contributor of the
 * practitioner's agency approves it; another agency may not; a promotion from the waiting list is pending too.
 */
@CanopyDatabaseTest
class TrainingApprovalTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AgencyDirectory agencies;

    @Autowired
    PlanPriorities priorities;

    @Autowired
    List<PriorityThread> threads;

    @Autowired
    IdentifierGuard guard;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    Clock clock;

    @Autowired
    UserDetailsService users;

    @AfterEach
    void cleanUp() {
        jdbc.sql("delete from training_booking where booked_by <> 'demo'").update();
        jdbc.sql("delete from training_session where created_by <> 'demo'").update();
        jdbc.sql("delete from training_course where created_by <> 'demo'").update();
    }

    @Test
    void aPlaceIsPendingUntilTheCoordinatorOrTheAgencyApprovesIt() {
        var training = new Training(jdbc, agencies, priorities, threads, guard, events, clock, new TrainingSettings(true, BigDecimal.ZERO));
        var coordinator = user("coordinator");
        var police = user("police");
        var health = user("health");
        var course = training.saveCourse(coordinator, null, Map.of("title", "Approval course", "audience", "MANAGERS", "format", "ONLINE"),
                null, null);
        var day = LocalDate.now(clock).plusWeeks(3);
        var session = training.addSession(coordinator, course.id(), Map.of("date-day", String.valueOf(day.getDayOfMonth()),
                "date-month", String.valueOf(day.getMonthValue()), "date-year", String.valueOf(day.getYear()), "time", "14:00",
                "place", "Online", "capacity", "1"));
        var first = training.book(police, session.id(), Map.of("name", "Pat Police", "role", "Detective sergeant"));
        assertThat(first.status()).isEqualTo("PENDING");
        var second = training.book(police, session.id(), Map.of("name", "Lee Police", "role", "Constable"));
        assertThat(second.status()).isEqualTo("WAITING");
        assertThatThrownBy(() -> training.approve(health, first.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(training.booking(police.partnershipId(), first.id()).status()).isEqualTo("PENDING");
        assertThat(training.approve(police, first.id()).status()).isEqualTo("BOOKED");
        training.cancel(coordinator, first.id());
        assertThat(training.booking(police.partnershipId(), second.id()).status()).isEqualTo("PENDING");
        assertThat(training.approve(coordinator, second.id()).status()).isEqualTo("BOOKED");
    }

    private CanopyUser user(String username) {
        return (CanopyUser) users.loadUserByUsername(username);
    }
}
