package org.canopy.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.canopy.plan.Rag.AMBER;
import static org.canopy.plan.Rag.COMPLETE;
import static org.canopy.plan.Rag.GREEN;
import static org.canopy.plan.Rag.RED;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The roll-up rule, case by case as the pages state it. */
class RagTest {

    static Rag rollUp(Rag... statuses) {
        return Rag.rollUp(Arrays.asList(statuses));
    }

    @Test
    void noUpdateAtAllIsNoStatus() {
        assertThat(Rag.rollUp(List.of())).isNull();
        assertThat(rollUp(null, null)).isNull();
    }

    @Test
    void theWorstStatusWins() {
        assertThat(rollUp(GREEN, AMBER, COMPLETE)).isEqualTo(AMBER);
        assertThat(rollUp(GREEN, RED, AMBER)).isEqualTo(RED);
        assertThat(rollUp(GREEN, null)).isEqualTo(GREEN);
    }

    @Test
    void completeOnlyWhenEveryActionIsComplete() {
        assertThat(rollUp(COMPLETE, COMPLETE)).isEqualTo(COMPLETE);
        assertThat(rollUp(COMPLETE, null)).as("one action not yet reported").isEqualTo(GREEN);
        assertThat(rollUp(COMPLETE, GREEN)).isEqualTo(GREEN);
    }
}
