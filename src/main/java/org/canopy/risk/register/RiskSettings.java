package org.canopy.risk.register;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The register's settings ({@code canopy.risk.*}), checked at start-up: the partnership's tolerance, the highest current
 * score (likelihood times impact, 1 to 24) a risk may have before it goes to the Executive by itself.
 */
@Validated
@ConfigurationProperties("canopy.risk")
record RiskSettings(@DefaultValue("12") @Min(1) @Max(24) int tolerance) {
}
