package org.canopy.learning.actionplan;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import org.canopy.web.SettingChecks;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When the one action plan's reminders run ({@code canopy.learning.*}): the overdue check as a cron expression
 * in the partnership's time zone. Both are checked at start-up, so a mistyped schedule stops the start instead
 * of silently never reminding anyone.
 */
@Validated
@ConfigurationProperties("canopy.learning")
record ReminderSettings(@DefaultValue("0 0 7 * * *") @NotBlank String overdueCheck,
        @DefaultValue("Europe/London") @NotBlank String zone) {

    @AssertTrue(message = "canopy.learning.overdue-check must be a cron expression such as \"0 0 7 * * *\"")
    boolean isOverdueCheckValid() {
        return SettingChecks.isCron(overdueCheck);
    }

    @AssertTrue(message = "canopy.learning.zone must be a time zone such as Europe/London")
    boolean isZoneValid() {
        return SettingChecks.isTimeZone(zone);
    }
}
