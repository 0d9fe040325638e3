package org.canopy.voice.tell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** Where the tell us page sends a child for help now: no front door number unless one is set, and a set one checked. */
class HelpSettingsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(HelpSettings.class)
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void unsetTheFrontDoorIsTheCouncilsChildrensServicesWithoutANumber() {
        context.run(started -> {
            assertThat(started).hasNotFailed();
            var help = started.getBean(HelpSettings.class);
            assertThat(help.frontDoor()).isEqualTo("your council's children's services");
            assertThat(help.frontDoorNumber()).isNull();
            assertThat(help.lines()).extracting(HelpSettings.HelpLine::phone).containsExactly("999", "0800 1111", null);
        });
    }

    @Test
    void aSetFrontDoorIsGivenByNameAndNumberAndANumberAloneOrNotANumberStopsTheStart() {
        context.withPropertyValues("canopy.voice.help.front-door-name=Elsewhere Children's Front Door",
                "canopy.voice.help.front-door-phone=020 7946 0000").run(started -> {
                    assertThat(started).hasNotFailed();
                    assertThat(started.getBean(HelpSettings.class).lines().get(2))
                            .isEqualTo(new HelpSettings.HelpLine("Elsewhere Children's Front Door", "020 7946 0000",
                                    "To ask for help from the people whose job is to keep children safe where you live"));
                });
        context.withPropertyValues("canopy.voice.help.front-door-phone=020 7946 0000").run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure()).rootCause().hasMessageContaining("needs canopy.voice.help.front-door-name");
        });
        context.withPropertyValues("canopy.voice.help.front-door-name=Front Door", "canopy.voice.help.front-door-phone=ring us")
                .run(started -> assertThat(started).hasFailed());
    }
}
