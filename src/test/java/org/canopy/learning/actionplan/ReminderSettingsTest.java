package org.canopy.learning.actionplan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The action plan's reminder settings: the defaults, and a schedule or zone that cannot be read stopping the start. */
class ReminderSettingsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ReminderSettings.class)
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void theOverdueCheckRunsAtSevenEachMorningInLondonUnlessSet() {
        context.run(started -> {
            assertThat(started).hasNotFailed();
            assertThat(started.getBean(ReminderSettings.class).overdueCheck()).isEqualTo("0 0 7 * * *");
            assertThat(started.getBean(ReminderSettings.class).zone()).isEqualTo("Europe/London");
        });
        context.withPropertyValues("canopy.learning.overdue-check=0 30 8 * * MON-FRI").run(started ->
                assertThat(started.getBean(ReminderSettings.class).overdueCheck()).isEqualTo("0 30 8 * * MON-FRI"));
    }

    @Test
    void aScheduleOrZoneThatCannotBeReadStopsTheStartSayingWhy() {
        context.withPropertyValues("canopy.learning.overdue-check=every morning").run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure()).rootCause().hasMessageContaining("canopy.learning.overdue-check must be a cron expression");
        });
        context.withPropertyValues("canopy.learning.zone=Tower Hamlets").run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure()).rootCause().hasMessageContaining("canopy.learning.zone must be a time zone");
        });
    }
}
