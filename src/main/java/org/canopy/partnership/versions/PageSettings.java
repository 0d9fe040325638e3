package org.canopy.partnership.versions;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How much memory kept pages may hold ({@code canopy.pages.kept-megabytes}): a dashboard is about 100 KB per person,
 * so the default keeps the current pages of several hundred people; the least used go first.
 */
@Validated
@ConfigurationProperties("canopy.pages")
record PageSettings(@DefaultValue("64") @Min(1) int keptMegabytes) {
}
