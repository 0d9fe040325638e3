package org.canopy.learning.actionplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The text similarity behind "similar recommendations" (the page is tested in RecommendationsTest). */
class RecommendationSimilarityTest {

    static final String NEGLECT = "Neglect to be identified at an earlier stage and responded to in the same way as other abuse.";

    @Test
    void aNearDuplicateScoresHighAndUnrelatedTextZero() {
        assertThat(TextSimilarity.cosine(NEGLECT, "Neglect must be identified earlier and responded to like other forms of abuse"))
                .isGreaterThan(0.5);
        assertThat(TextSimilarity.cosine(NEGLECT, "Schools catering systems receive allergy alerts")).isZero();
        assertThat(TextSimilarity.cosine(NEGLECT, NEGLECT)).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void stopWordsAloneMatchNothingAndPluralsMeetTheirSingular() {
        assertThat(TextSimilarity.cosine("the and of to", NEGLECT)).isZero();
        assertThat(TextSimilarity.cosine("audits", "audit")).isCloseTo(1.0, within(1e-9));
        assertThat(TextSimilarity.terms("The Neglect of neglect")).containsEntry("neglect", 2).doesNotContainKey("the");
    }
}
