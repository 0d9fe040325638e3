package org.canopy.governance.meetings;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.canopy.web.SettingChecks;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The meetings' settings ({@code canopy.meetings.*}), checked at start-up: the largest paper kept
 * ({@code paper-max-megabytes}; papers live in the database, and the server's own upload limit, spring.servlet.multipart,
 * applies too: the smaller wins), how many days before a meeting its members are reminded, and when the reminder check
 * runs (a cron expression in the time zone given).
 */
@Validated
@ConfigurationProperties("canopy.meetings")
record MeetingSettings(@DefaultValue("10") @Min(1) @Max(100) int paperMaxMegabytes,
        @DefaultValue("3") @Min(0) @Max(60) int reminderDaysBefore,
        @DefaultValue("0 0 7 * * *") @NotBlank String reminderCheck,
        @DefaultValue("Europe/London") @NotBlank String zone) {

    @AssertTrue(message = "canopy.meetings.reminder-check must be a cron expression such as \"0 0 7 * * *\"")
    boolean isReminderCheckValid() {
        return SettingChecks.isCron(reminderCheck);
    }

    @AssertTrue(message = "canopy.meetings.zone must be a time zone such as Europe/London")
    boolean isZoneValid() {
        return SettingChecks.isTimeZone(zone);
    }
}
