package org.canopy.funding.budget;

import java.math.BigDecimal;
import org.springframework.stereotype.Component;

/** Money and percentages as the funding pages show them ({@code ${@fundingMoney.pounds(x)}} in a template). */
@Component("fundingMoney")
class MoneyWords {

    public String pounds(BigDecimal amount) {
        return Money.pounds(amount);
    }

    public String percent(BigDecimal percent) {
        return Money.percent(percent);
    }

    public String balance(BigDecimal balance) {
        return Money.balanceInWords(balance);
    }

    /** The amount as typed back into a form: "1234.56", empty for none. */
    public String input(BigDecimal amount) {
        return amount == null ? "" : Money.plain(amount);
    }
}
