package org.canopy.partnership.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.canopy.partnership.demo.DemoSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The partnership module's settings: their defaults, what binds, and a bad value stopping the start with its reason. */
class SettingsBindingTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({DemoSettings.class, MailSettings.class})
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void defaultsAreNoDemoAndTheLocalSender() {
        context.run(started -> {
            assertThat(started).hasNotFailed();
            assertThat(started.getBean(DemoSettings.class).enabled()).isFalse();
            assertThat(started.getBean(MailSettings.class).from()).isEqualTo("canopy@localhost");
        });
    }

    @Test
    void bindsTheGivenValues() {
        context.withPropertyValues("canopy.demo.enabled=true", "canopy.mail.from=safeguarding@towerhamlets.example")
                .run(started -> {
                    assertThat(started.getBean(DemoSettings.class).enabled()).isTrue();
                    assertThat(started.getBean(MailSettings.class).from()).isEqualTo("safeguarding@towerhamlets.example");
                });
    }

    @Test
    void aSenderThatIsNoEmailAddressStopsTheStartSayingWhy() {
        context.withPropertyValues("canopy.mail.from=the business unit").run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure()).rootCause().hasMessageContaining("canopy.mail.from")
                    .hasMessageContaining("must be a well-formed email address");
        });
        context.withPropertyValues("canopy.mail.from= ").run(started -> assertThat(started.getStartupFailure())
                .rootCause().hasMessageContaining("canopy.mail.from").hasMessageContaining("must not be blank"));
    }

    @Test
    void aDemoSwitchThatIsNotTrueOrFalseStopsTheStart() {
        context.withPropertyValues("canopy.demo.enabled=perhaps").run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure()).hasMessageContaining("canopy.demo");
        });
    }
}
