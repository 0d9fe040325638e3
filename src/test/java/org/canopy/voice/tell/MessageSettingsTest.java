package org.canopy.voice.tell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** How long a child's message is kept: 90 days unless set, and a setting that is no number of days stops the start. */
class MessageSettingsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(MessageSettings.class)
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void unsetAMessageIsKeptNinetyDaysAndClearedEveryNight() {
        context.run(started -> {
            assertThat(started).hasNotFailed();
            var settings = started.getBean(MessageSettings.class);
            assertThat(settings.keepDays()).isEqualTo(90);
            assertThat(settings.clearCheck()).isEqualTo("0 30 2 * * *");
            assertThat(settings.zone()).isEqualTo("Europe/London");
        });
    }

    @Test
    void theGivenDaysBindAndNoneOrTooManyOrNotANumberStopTheStartSayingWhy() {
        context.withPropertyValues("canopy.voice.messages.keep-days=30").run(started ->
                assertThat(started.getBean(MessageSettings.class).keepDays()).isEqualTo(30));
        context.withPropertyValues("canopy.voice.messages.keep-days=0").run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure()).rootCause().hasMessageContaining("keepDays").hasMessageContaining("1");
        });
        context.withPropertyValues("canopy.voice.messages.keep-days=4000").run(started -> assertThat(started).hasFailed());
        context.withPropertyValues("canopy.voice.messages.keep-days=soon").run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure()).hasMessageContaining("canopy.voice.messages");
        });
        context.withPropertyValues("canopy.voice.messages.clear-check=nightly").run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure()).rootCause().hasMessageContaining("canopy.voice.messages.clear-check must be a cron");
        });
    }
}
