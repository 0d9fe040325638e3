package org.canopy.web;

import java.time.DateTimeException;
import java.time.ZoneId;
import org.springframework.scheduling.support.CronExpression;

/** Checks that settings records run at start-up on what a person typed: a schedule, a time zone. */
public final class SettingChecks {

    private SettingChecks() {
    }

    /** Whether the text is a Spring cron expression, such as {@code 0 0 7 * * *}. */
    public static boolean isCron(String text) {
        return text != null && CronExpression.isValidExpression(text);
    }

    /** Whether the text names a time zone, such as {@code Europe/London}. */
    public static boolean isTimeZone(String text) {
        try {
            ZoneId.of(text);
            return true;
        } catch (DateTimeException | NullPointerException e) {
            return false;
        }
    }
}
