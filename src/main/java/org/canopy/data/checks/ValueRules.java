package org.canopy.data.checks;

import java.math.BigDecimal;
import org.canopy.data.catalogue.Unit;

/** What values an indicator's unit allows: a percent within 0 to 100, a count a whole number not below zero. */
public final class ValueRules {

    private ValueRules() {
    }

    /** The reason a value is not allowed, or null when it is. */
    public static String check(Unit unit, BigDecimal value) {
        if (value.signum() < 0) {
            return "A figure cannot be below zero";
        }
        return switch (unit) {
            case COUNT -> value.stripTrailingZeros().scale() > 0 ? "A count must be a whole number" : null;
            case PERCENT -> value.compareTo(BigDecimal.valueOf(100)) > 0 ? "A percentage must be between 0 and 100" : null;
            case RATE_PER_10000, RATE_PER_100000 -> null;
        };
    }
}
