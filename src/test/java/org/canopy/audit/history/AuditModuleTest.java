package org.canopy.audit.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.canopy.partnership.People;
import org.canopy.partnership.RecordChanged;
import org.canopy.support.DatabaseAvailable;
import org.canopy.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The audit module started on its own (no other module's beans, no demo data), on a fresh database: a change
 * published by any module is stored with its before and after, and read back as the record's history.
 */
@ApplicationModuleTest(verifyAutomatically = false) // ModularityTest verifies every module once
@ContextConfiguration(initializers = TestDatabase.class)
@ExtendWith(DatabaseAvailable.class)
// Run on H2 only (no "database" tag): it proves the module starts alone; the audit SQL runs on PostgreSQL in every
// database test, which all record changes.
class AuditModuleTest {

    @Autowired
    AuditLog log;

    // The history page names the people who made changes: the one thing audit asks of partnership.
    @MockitoBean
    People people;

    @Test
    void aPublishedChangeIsInTheRecordsHistory(Scenario scenario) {
        var change = new RecordChanged(42, "coordinator", "priority", "9", "updated", "Priority 9 renamed",
                Map.of("title", "Early help"), Map.of("title", "Early help for every family"));

        scenario.publish(change).andWaitForStateChange(() -> log.count(42), count -> count > 0)
                .andVerify(count -> assertThat(count).isEqualTo(1));

        assertThat(log.history(42, "priority", "9")).singleElement().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo("coordinator");
            assertThat(entry.action()).isEqualTo("updated");
            assertThat(entry.summary()).isEqualTo("Priority 9 renamed");
            assertThat(entry.before()).contains("\"Early help\"");
            assertThat(entry.after()).contains("Early help for every family");
        });
        assertThat(log.history(41, "priority", "9")).isEmpty();
    }
}
