package org.canopy.governance.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.MultipartConfigElement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The meetings' settings: the defaults, a setting that cannot be read stopping the start, and the paper limit that holds. */
class MeetingSettingsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(MeetingSettings.class)
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void papersUpToTenMegabytesAndRemindersThreeDaysAheadAtSevenInLondonUnlessSet() {
        context.run(started -> {
            assertThat(started).hasNotFailed();
            var settings = started.getBean(MeetingSettings.class);
            assertThat(settings.paperMaxMegabytes()).isEqualTo(10);
            assertThat(settings.reminderDaysBefore()).isEqualTo(3);
            assertThat(settings.reminderCheck()).isEqualTo("0 0 7 * * *");
            assertThat(settings.zone()).isEqualTo("Europe/London");
        });
        context.withPropertyValues("canopy.meetings.paper-max-megabytes=0").run(started -> assertThat(started).hasFailed());
        context.withPropertyValues("canopy.meetings.reminder-check=the day before").run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure()).rootCause().hasMessageContaining("canopy.meetings.reminder-check must be a cron expression");
        });
    }

    @Test
    void theSmallerOfThePaperSettingAndTheServersUploadLimitHolds() {
        long fiveMegabytes = 5L * 1024 * 1024;
        var server = new StaticListableBeanFactory();
        server.addBean("multipart", new MultipartConfigElement("", fiveMegabytes, fiveMegabytes, 0));
        assertThat(papers(2, server).limitText()).isEqualTo("2MB");
        assertThat(papers(10, server).limitText()).isEqualTo("5MB");
        assertThat(papers(10, new StaticListableBeanFactory()).maxBytes()).isEqualTo(10L * 1024 * 1024);
    }

    private static Papers papers(int megabytes, StaticListableBeanFactory beans) {
        return new Papers(null, null, null, null, null, new MeetingSettings(megabytes, 3, "0 0 7 * * *", "Europe/London"),
                beans.getBeanProvider(MultipartConfigElement.class));
    }
}
