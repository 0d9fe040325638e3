package org.canopy.risk.register;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The register's settings: a tolerance of 12 unless set, and one outside 1 to 24 stopping the start. */
class RiskSettingsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(RiskSettings.class)
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void theToleranceIsTwelveUnlessSetAndOneTo24() {
        context.run(started -> assertThat(started.getBean(RiskSettings.class).tolerance()).isEqualTo(12));
        context.withPropertyValues("canopy.risk.tolerance=15").run(started -> assertThat(started.getBean(RiskSettings.class).tolerance())
                .isEqualTo(15));
        context.withPropertyValues("canopy.risk.tolerance=0").run(started -> assertThat(started).hasFailed());
        context.withPropertyValues("canopy.risk.tolerance=25").run(started -> assertThat(started).hasFailed());
    }

    @Test
    void zonesAndFinancialYears() {
        assertThat(new Score(2, 2).zone()).isEqualTo(Score.Zone.LOW);
        assertThat(new Score(3, 3).zone()).isEqualTo(Score.Zone.MEDIUM);
        assertThat(new Score(4, 4).zone()).isEqualTo(Score.Zone.HIGH);
        assertThat(new Score(4, 5).zone()).isEqualTo(Score.Zone.VERY_HIGH);
        assertThat(org.canopy.web.Dates.financialYear(java.time.LocalDate.of(2021, 3, 31))).isEqualTo("2020-21");
        assertThat(org.canopy.web.Dates.financialYear(java.time.LocalDate.of(2021, 4, 1))).isEqualTo("2021-22");
        assertThat(org.canopy.web.Dates.financialYear(java.time.LocalDate.of(2099, 4, 1))).isEqualTo("2099-00");
    }
}
