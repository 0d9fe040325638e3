package org.canopy.funding;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.canopy.funding.budget.Money;
import org.canopy.web.FieldProblem;
import org.junit.jupiter.api.Test;

/** Money in pounds and pence: exact sums, the balance in words and figures, and refused amounts. */
class MoneyTest {

    @Test
    void penceAddUpExactly() {
        var problems = new ArrayList<FieldProblem>();
        var sum = Money.sum(List.of(Money.read("a", "A", "0.10", true, problems), Money.read("b", "B", "£0.20", true, problems)));
        assertThat(problems).isEmpty();
        assertThat(sum).isEqualTo(new BigDecimal("0.30"));
        assertThat(Money.pounds(sum)).isEqualTo("£0.30");
        assertThat(Money.read("c", "C", "£1,234.56", true, problems)).isEqualTo(new BigDecimal("1234.56"));
        assertThat(Money.read("c", "C", "1234.5", true, problems)).isEqualTo(new BigDecimal("1234.50"));
    }

    @Test
    void aDeficitIsStatedInWordsAndFigures() {
        var balance = new BigDecimal("204550.00").subtract(new BigDecimal("215370.00"));
        assertThat(Money.balanceInWords(balance)).isEqualTo("A deficit of £10,820.00");
        assertThat(Money.pounds(balance)).isEqualTo("-£10,820.00");
        assertThat(Money.balanceInWords(new BigDecimal("5.01"))).isEqualTo("A surplus of £5.01");
        assertThat(Money.balanceInWords(new BigDecimal("0.00"))).startsWith("Balanced");
    }

    @Test
    void negativeAmountsAndThreeDecimalPlacesAreRefused() {
        var problems = new ArrayList<FieldProblem>();
        assertThat(Money.read("a", "The amount", "-5", true, problems)).isNull();
        assertThat(Money.read("b", "The amount", "12.345", true, problems)).isNull();
        assertThat(Money.read("c", "The amount", "twelve", true, problems)).isNull();
        assertThat(problems).extracting(FieldProblem::message).containsExactly(
                "The amount must be £0.00 or more: a negative amount is not accepted",
                "The amount must have no more than 2 decimal places (pence)",
                "The amount must be an amount in pounds and pence, like £1,234.56 or 1234.56");
    }
}
