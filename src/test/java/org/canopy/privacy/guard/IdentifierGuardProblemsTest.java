package org.canopy.privacy.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.canopy.privacy.TextProblem;
import org.canopy.web.FieldProblem;
import org.junit.jupiter.api.Test;

/** The guard's problems are privacy's own {@link TextProblem}, and a caller maps them to its type unchanged. */
class IdentifierGuardProblemsTest {

    private final PatternIdentifierGuard guard = new PatternIdentifierGuard();

    @Test
    void problemsAreTextProblemsWithKindAndPositionOnly() {
        assertThat(guard.problems("narrative", "The narrative", "Mum's phone is 07700 900123."))
                .containsExactly(new TextProblem("narrative",
                        "The narrative contains what looks like a phone number (characters 16 to 27): remove it"));
        assertThat(guard.problems("narrative", "The narrative", "We met 12 families.")).isEmpty();
    }

    @Test
    void aCallerMapsProblemsToItsOwnType() {
        assertThat(guard.problems("step", "The step", "Email jo@example.org", FieldProblem::of)).containsExactly(
                FieldProblem.of("step", "The step contains what looks like an email address (characters 7 to 20): remove it"));
    }

    @Test
    void freeTextGathersEveryProblemInTheCallersType() {
        List<FieldProblem> problems = new ArrayList<>();

        assertThat(guard.freeText("reason", "The reason", "  ", true, 10, problems, FieldProblem::of)).isNull();
        String kept = guard.freeText("reason", "The reason", " E1 6AN is where it happened ", false, 10, problems,
                FieldProblem::of);

        assertThat(kept).isEqualTo("E1 6AN is where it happened");
        assertThat(problems).containsExactly(FieldProblem.of("reason", "Enter the reason"),
                FieldProblem.of("reason", "The reason must be 10 characters or fewer"),
                FieldProblem.of("reason", "The reason contains what looks like a postcode (characters 1 to 6): remove it"));
        assertThat(guard.freeText("reason", "The reason", null, false, 10, problems, FieldProblem::of)).isNull();
        assertThat(problems).hasSize(3);
    }
}
