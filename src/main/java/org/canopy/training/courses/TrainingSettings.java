package org.canopy.training.courses;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The programme's settings ({@code canopy.training.*}), checked at start-up: whether a booking waits for approval by the
 * coordinator or an agency contributor of the booker's agency, and the charge per non-attendance in pounds and pence
 * (0, the default, is no charge).
 */
@Validated
@ConfigurationProperties("canopy.training")
public record TrainingSettings(@DefaultValue("false") boolean managerApproval,
        @DefaultValue("0") @DecimalMin("0") @DecimalMax("10000") @Digits(integer = 5, fraction = 2) BigDecimal nonAttendanceCharge) {
}
