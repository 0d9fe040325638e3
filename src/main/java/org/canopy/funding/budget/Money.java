package org.canopy.funding.budget;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.canopy.web.FieldProblem;

/** Money in pounds and pence: exact (BigDecimal, scale 2), read from "£1,234.56" or "1234.56", shown as "£1,234.56". */
public final class Money {

    /** What a numeric(12,2) column holds. */
    static final BigDecimal LIMIT = new BigDecimal("9999999999.99");
    private static final Pattern AMOUNT = Pattern.compile("(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d+)?|\\.\\d+");

    private Money() {
    }

    /** Reads an amount; blank gives null (a problem when required). Negative amounts and more than 2 decimal places are refused. */
    public static BigDecimal read(String field, String label, String text, boolean required, List<FieldProblem> problems) {
        String t = text == null ? "" : text.strip().replace(" ", "");
        if (t.isEmpty()) {
            if (required) {
                problems.add(FieldProblem.of(field, "Enter " + label.toLowerCase(Locale.UK) + " in pounds and pence, for example 1234.56"));
            }
            return null;
        }
        boolean negative = t.startsWith("-") || t.startsWith("£-") || t.startsWith("(") || t.startsWith("−") || t.startsWith("£−");
        if (negative) {
            problems.add(FieldProblem.of(field, label + " must be £0.00 or more: a negative amount is not accepted"));
            return null;
        }
        if (t.startsWith("£")) {
            t = t.substring(1);
        }
        if (!AMOUNT.matcher(t).matches()) {
            problems.add(FieldProblem.of(field, label + " must be an amount in pounds and pence, like £1,234.56 or 1234.56"));
            return null;
        }
        var amount = new BigDecimal(t.replace(",", ""));
        if (amount.scale() > 2) {
            problems.add(FieldProblem.of(field, label + " must have no more than 2 decimal places (pence)"));
            return null;
        }
        if (amount.compareTo(LIMIT) > 0) {
            problems.add(FieldProblem.of(field, label + " must be £9,999,999,999.99 or less"));
            return null;
        }
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** The sum, exact, scale 2; nulls count as nothing. */
    public static BigDecimal sum(List<BigDecimal> amounts) {
        return amounts.stream().filter(a -> a != null).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add).setScale(2);
    }

    /** "£1,234.56", "-£10,820.00"; "Not stated" for null. */
    public static String pounds(BigDecimal amount) {
        if (amount == null) {
            return "Not stated";
        }
        var format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.UK));
        String text = "£" + format.format(amount.abs().setScale(2, RoundingMode.HALF_UP));
        return amount.signum() < 0 ? "-" + text : text;
    }

    /** The amount as an exact decimal string, "5000.00" (null stays null): for JSON. */
    public static String plain(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** A balance in words and figures: "A deficit of £10,820.00", "A surplus of £5.00", "Balanced: £0.00". */
    public static String balanceInWords(BigDecimal balance) {
        return switch (balance.signum()) {
            case -1 -> "A deficit of " + pounds(balance.negate());
            case 1 -> "A surplus of " + pounds(balance);
            default -> "Balanced: income equals outgoings (£0.00)";
        };
    }

    /** A percentage to one decimal place, "33.3%"; "Not stated" for null. */
    public static String percent(BigDecimal percent) {
        return percent == null ? "Not stated" : percent.setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** {@code part} as a percentage of {@code whole} (4 places kept; shown to one), null when the whole is nothing. */
    public static BigDecimal share(BigDecimal part, BigDecimal whole) {
        if (part == null || whole == null || whole.signum() == 0) {
            return null;
        }
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 4, RoundingMode.HALF_UP);
    }
}
