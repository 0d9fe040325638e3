package org.canopy.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuppressionTest {

    @Test
    void publishesASingleCount() {
        assertThat(Suppression.publishCount(null)).isEqualTo(":");
        assertThat(Suppression.publishCount(0L)).isEqualTo("0");
        assertThat(Suppression.publishCount(1L)).isEqualTo("c");
        assertThat(Suppression.publishCount(5L)).isEqualTo("c");
        assertThat(Suppression.publishCount(6L)).isEqualTo("6");
        assertThat(Suppression.publishCount(2944L)).isEqualTo("2944");
    }

    @Test
    void refusesNegativeCounts() {
        assertThatThrownBy(() -> Suppression.publishCount(-1L)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Suppression.publishRow(List.of(-1L, 3L), 2L))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rowWithNothingSmallIsPublishedAsItIs() {
        assertThat(Suppression.publishRow(List.of(40L, 0L, 60L), 100L)).containsExactly("40", "0", "60", "100");
    }

    @Test
    void secondarySuppressionHidesTheSmallestOtherPart() {
        // 3 is suppressed; with 40 and 57 shown, 100 - 40 - 57 = 3 would give it away, so the smallest
        // other part (40) goes too. Now 100 - 57 = 43 is all a reader learns about the two.
        assertThat(Suppression.publishRow(List.of(3L, 40L, 57L), 100L)).containsExactly("c", "c", "57", "100");
    }

    @Test
    void secondarySuppressionTakesTheFirstOfEqualParts() {
        // 2 is suppressed; 40 and 40 tie for the smallest other part: the first of them goes.
        assertThat(Suppression.publishRow(List.of(2L, 40L, 40L, 60L), 142L))
                .containsExactly("c", "c", "40", "60", "142");
        // The smallest, not the nearest: 18 goes rather than either 40.
        assertThat(Suppression.publishRow(List.of(40L, 2L, 40L, 18L), 100L))
                .containsExactly("40", "c", "40", "c", "100");
    }

    @Test
    void secondarySuppressionSkipsZeros() {
        // A suppressed 0 adds no doubt (zeros are always shown, so a "c" is at least 1): 57 goes instead.
        assertThat(Suppression.publishRow(List.of(3L, 0L, 57L), 60L)).containsExactly("c", "0", "c", "60");
    }

    @Test
    void twoSmallPartsAddingUpToASmallNumberAreProtectedToo() {
        // 2 and 3 are both suppressed, but 100 - 95 = 5 tells a reader the two together are 5: still a
        // small count, so 95 is suppressed as well.
        assertThat(Suppression.publishRow(List.of(2L, 3L, 95L), 100L)).containsExactly("c", "c", "c", "100");
        // 1 and 1: 100 - 98 = 2 over two cells of at least 1 each would reveal both are 1.
        assertThat(Suppression.publishRow(List.of(1L, 1L, 98L), 100L)).containsExactly("c", "c", "c", "100");
    }

    @Test
    void twoSmallPartsWithASafeSumNeedNothingMore() {
        // 100 - 90 = 10 over two cells: 1 + 9, 2 + 8, ... 5 + 5 all fit, so neither can be worked out.
        assertThat(Suppression.publishRow(List.of(5L, 5L, 90L), 100L)).containsExactly("c", "c", "90", "100");
    }

    @Test
    void totalOfOneToFiveIsSuppressedWithItsParts() {
        // Total 4 = 3 + 1 + 0: every non-zero part is at most 4, so all are suppressed already; the sum
        // then has three unknowns and none can be worked out.
        assertThat(Suppression.publishRow(List.of(3L, 1L, 0L), 4L)).containsExactly("c", "c", "0", "c");
        // Total 3 = 3 + 0: the part equals the total, but both are hidden so neither value is revealed.
        assertThat(Suppression.publishRow(List.of(0L, 3L), 3L)).containsExactly("0", "c", "c");
    }

    @Test
    void suppressedTotalWithAllPartsShownGetsAPartSuppressed() {
        // Inconsistent data (parts adding to more than the total) must still not let the total be added up.
        assertThat(Suppression.publishRow(List.of(0L, 7L, 9L), 4L)).containsExactly("0", "c", "9", "c");
    }

    @Test
    void whenNoPartIsLeftToSuppressTheTotalIsSuppressed() {
        // Six parts of 1 and a total of 6: 6 - nothing = 6 over six cells of at least 1 means each is 1.
        assertThat(Suppression.publishRow(List.of(1L, 1L, 1L, 1L, 1L, 1L), 6L))
                .containsExactly("c", "c", "c", "c", "c", "c", "c");
        // One small part and only zeros besides it.
        assertThat(Suppression.publishRow(List.of(3L, 0L), 10L)).containsExactly("c", "0", "c");
    }

    @Test
    void notAvailableCellsAreShownAsColonAndNotReliedOn() {
        // The unknown part might be 0, so 100 - 57 = 43 could still give away the 3: 57 is suppressed too.
        assertThat(Suppression.publishRow(Arrays.asList(3L, null, 57L), 100L)).containsExactly("c", ":", "c", "100");
        // Without a total nothing can be subtracted, so only the primary suppression applies.
        assertThat(Suppression.publishRow(List.of(3L, 40L, 57L), null)).containsExactly("c", "40", "57", ":");
    }

    @Test
    void zerosAndEmptyRows() {
        assertThat(Suppression.publishRow(List.of(0L, 0L), 0L)).containsExactly("0", "0", "0");
        assertThat(Suppression.publishRow(List.of(), 12L)).containsExactly("12");
        assertThat(Suppression.publishRow(List.of(), 2L)).containsExactly("c");
    }
}
