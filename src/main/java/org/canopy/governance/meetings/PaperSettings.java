package org.canopy.governance.meetings;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The largest meeting paper kept ({@code canopy.meetings.paper-max-megabytes}); papers live in the database, so the
 * limit keeps its growth in check. The server's own upload limit (spring.servlet.multipart) applies too: the smaller wins.
 */
@Validated
@ConfigurationProperties("canopy.meetings")
record PaperSettings(@DefaultValue("10") @Min(1) @Max(100) int paperMaxMegabytes) {
}
