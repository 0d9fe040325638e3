package org.canopy.voice.engagement;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The engagement groups' settings ({@code canopy.voice.*}), checked at start-up: a group not heard from (no visit done,
 * no feedback item) within {@code heard-lately-months} months is marked as such on the list.
 */
@Validated
@ConfigurationProperties("canopy.voice")
record EngagementSettings(@DefaultValue("6") @Min(1) @Max(60) int heardLatelyMonths) {
}
