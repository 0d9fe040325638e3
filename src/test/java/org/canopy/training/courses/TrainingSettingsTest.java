package org.canopy.training.courses;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The programme's settings: no approval and no charge unless set; a negative charge or one in fractions of a penny stops the start. */
class TrainingSettingsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(TrainingSettings.class)
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void noApprovalAndNoChargeUnlessSet() {
        context.run(started -> {
            var settings = started.getBean(TrainingSettings.class);
            assertThat(settings.managerApproval()).isFalse();
            assertThat(settings.nonAttendanceCharge()).isEqualByComparingTo("0");
        });
        context.withPropertyValues("canopy.training.manager-approval=true", "canopy.training.non-attendance-charge=35.50").run(started -> {
            var settings = started.getBean(TrainingSettings.class);
            assertThat(settings.managerApproval()).isTrue();
            assertThat(Training.chargeFor(settings, 3)).isEqualByComparingTo(new BigDecimal("106.50"));
            assertThat(Training.chargeFor(settings, 3).toPlainString()).isEqualTo("106.50");
        });
        context.withPropertyValues("canopy.training.non-attendance-charge=-1").run(started -> assertThat(started).hasFailed());
        context.withPropertyValues("canopy.training.non-attendance-charge=1.005").run(started -> assertThat(started).hasFailed());
    }
}
