package org.canopy.voice.tell;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.canopy.web.SettingChecks;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long a message from the tell us page is kept as the child sent it ({@code canopy.voice.messages.*}), checked at
 * start-up: a message not added to the feedback log is deleted {@code keep-days} days after it came (1 to 3650), by
 * the check that runs on the {@code clear-check} cron expression in the time zone {@code zone}.
 */
@Validated
@ConfigurationProperties("canopy.voice.messages")
record MessageSettings(@DefaultValue("90") @Min(1) @Max(3650) int keepDays,
        @DefaultValue("0 30 2 * * *") @NotBlank String clearCheck,
        @DefaultValue("Europe/London") @NotBlank String zone) {

    @AssertTrue(message = "canopy.voice.messages.clear-check must be a cron expression such as \"0 30 2 * * *\"")
    boolean isClearCheckValid() {
        return SettingChecks.isCron(clearCheck);
    }

    @AssertTrue(message = "canopy.voice.messages.zone must be a time zone such as Europe/London")
    boolean isZoneValid() {
        return SettingChecks.isTimeZone(zone);
    }
}
