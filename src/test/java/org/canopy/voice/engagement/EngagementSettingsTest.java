package org.canopy.voice.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The engagement groups' setting (six months unless set, a setting out of range stopping the start) and how "heard" is dated. */
class EngagementSettingsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(EngagementSettings.class)
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void sixMonthsUnlessSetAndNothingOutOfRange() {
        context.run(started -> assertThat(started.getBean(EngagementSettings.class).heardLatelyMonths()).isEqualTo(6));
        context.withPropertyValues("canopy.voice.heard-lately-months=12")
                .run(started -> assertThat(started.getBean(EngagementSettings.class).heardLatelyMonths()).isEqualTo(12));
        context.withPropertyValues("canopy.voice.heard-lately-months=0").run(started -> assertThat(started).hasFailed());
        context.withPropertyValues("canopy.voice.heard-lately-months=61").run(started -> assertThat(started).hasFailed());
    }

    @Test
    void aMonthOnlyVisitAndAYearOnlyItemCountUpToTheirLastPossibleDay() {
        var month = EngagementGroups.visitHeard(LocalDate.of(2021, 2, 1), false);
        assertThat(month.text()).isEqualTo("February 2021");
        assertThat(month.latest()).isEqualTo(LocalDate.of(2021, 2, 28));
        assertThat(EngagementGroups.visitHeard(LocalDate.of(2021, 2, 3), true).text()).isEqualTo("3 February 2021");
        var year = EngagementGroups.feedbackHeard(null, "2020-21", "November and December 2020");
        assertThat(year.text()).isEqualTo("November and December 2020");
        assertThat(year.latest()).isEqualTo(LocalDate.of(2021, 3, 31));
        assertThat(EngagementGroups.feedbackHeard(null, "2020-21", null).text()).isEqualTo("in 2020-21");
    }
}
