package org.canopy.privacy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Suppression of small numbers in published statistics, by the convention of England's children's
 * statistics: a count of 1 to 5 is shown as {@value #SUPPRESSED}, a count that is not available as
 * {@value #NOT_AVAILABLE}, and a further ("secondary") cell is suppressed wherever a suppressed one could
 * otherwise be worked out from the row total.
 *
 * <p>The row rule of {@link #publishRow}, where the parts are meant to add up to the total:
 * <ol>
 * <li>Primary: every part, and the total, of 1 to 5 is suppressed. Zero is never suppressed: a zero
 * reveals nobody, and because zeros are always shown a reader knows that every suppressed cell is at
 * least 1.</li>
 * <li>Secondary, when the total is published: a reader can subtract the published parts from the total
 * and learn D, the sum of the k suppressed parts. The row is safe only when
 * <ul>
 * <li>k is at least 2 (with k = 1 the suppressed part simply equals D),</li>
 * <li>D is more than 5 (otherwise the suppressed categories together are a count of 1 to 5, itself a
 * small number), and</li>
 * <li>D is at least k + 1 (each suppressed part is at least 1, so with D = k every one of them is
 * exactly 1).</li>
 * </ul>
 * Until it is safe, the smallest non-zero published part is suppressed as well (the first of equal
 * ones). If no such part is left, the total is suppressed instead.</li>
 * <li>Secondary, when the total is suppressed (or not available): the sum then has at least two unknowns,
 * the total and any suppressed part, so no single cell can be worked out. The one exception is a row
 * whose parts are all published, from which the total could be added up again; then the smallest non-zero
 * part is suppressed too. (With consistent data this cannot happen: every non-zero part of a total of 1
 * to 5 is itself 1 to 5 and so already suppressed.)</li>
 * </ol>
 * A part that is not available ({@code null}) is counted as 0 in this reasoning. It hides something from
 * the reader too, but as its value is unknown to Canopy as well, relying on it could under-suppress;
 * counting it as 0 can only suppress more, never less.
 */
public final class Suppression {

    /** Shown in place of a suppressed count. */
    public static final String SUPPRESSED = "c";

    /** Shown in place of a count that is not available. */
    public static final String NOT_AVAILABLE = ":";

    /** The largest count that is suppressed; counts from 1 up to it are never published. */
    public static final long LARGEST_SUPPRESSED = 5;

    private Suppression() {
    }

    /** Whether {@code count} itself must not be published: it is 1 to 5. */
    public static boolean isSmall(Long count) {
        return count != null && count >= 1 && count <= LARGEST_SUPPRESSED;
    }

    /** One count as published on its own: ":" when null, "c" for 1 to 5, otherwise the number ("0" stays). */
    public static String publishCount(Long count) {
        if (count == null) {
            return NOT_AVAILABLE;
        }
        requireNotNegative(count);
        return isSmall(count) ? SUPPRESSED : Long.toString(count);
    }

    /**
     * A row of parts and their total as published, by the rule in the class description: the cells for
     * {@code parts} in order, followed by the cell for {@code total}.
     */
    public static List<String> publishRow(List<Long> parts, Long total) {
        Objects.requireNonNull(parts, "parts");
        parts.forEach(part -> {
            if (part != null) {
                requireNotNegative(part);
            }
        });
        if (total != null) {
            requireNotNegative(total);
        }

        boolean[] hidden = new boolean[parts.size()];
        for (int i = 0; i < parts.size(); i++) {
            hidden[i] = isSmall(parts.get(i));
        }
        boolean totalHidden = total == null || isSmall(total);

        if (totalHidden) {
            // Two unknowns (the total and a hidden part) cannot be told apart from one sum, so only a row
            // with no hidden part at all gives the total away.
            if (total != null && noneHidden(hidden)) {
                hideSmallestPublished(parts, hidden);
            }
        } else {
            while (!safeWithPublishedTotal(parts, hidden)) {
                if (!hideSmallestPublished(parts, hidden)) {
                    totalHidden = true;
                    break;
                }
            }
        }

        List<String> cells = new ArrayList<>(parts.size() + 1);
        for (int i = 0; i < parts.size(); i++) {
            cells.add(hidden[i] ? SUPPRESSED : publishCount(parts.get(i)));
        }
        cells.add(total == null ? NOT_AVAILABLE : totalHidden ? SUPPRESSED : Long.toString(total));
        return Collections.unmodifiableList(cells);
    }

    // What a reader can work out when the total is shown: D = total - published parts = hidden parts' sum.
    private static boolean safeWithPublishedTotal(List<Long> parts, boolean[] hidden) {
        int k = 0;
        long d = 0;
        for (int i = 0; i < hidden.length; i++) {
            if (hidden[i]) {
                k++;
                d += parts.get(i);
            }
        }
        return k == 0 || (k >= 2 && d > LARGEST_SUPPRESSED && d >= k + 1);
    }

    // Suppressing a zero would add no doubt (a reader knows hidden cells are at least 1), hence non-zero.
    private static boolean hideSmallestPublished(List<Long> parts, boolean[] hidden) {
        int smallest = -1;
        for (int i = 0; i < hidden.length; i++) {
            Long part = parts.get(i);
            if (!hidden[i] && part != null && part > 0 && (smallest < 0 || part < parts.get(smallest))) {
                smallest = i;
            }
        }
        if (smallest < 0) {
            return false;
        }
        hidden[smallest] = true;
        return true;
    }

    private static boolean noneHidden(boolean[] hidden) {
        for (boolean h : hidden) {
            if (h) {
                return false;
            }
        }
        return true;
    }

    private static void requireNotNegative(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("A count cannot be negative: " + count);
        }
    }
}
