package org.canopy.privacy;

import java.util.Objects;
import java.util.function.BiFunction;

/**
 * One thing wrong with a text, in privacy's own words: the field it was typed into and a message a person can act
 * on (never the identifier itself). Callers turn it into their own problem type with {@link #as}.
 */
public record TextProblem(String field, String message) {

    /** Refuses a problem without a field or a message. */
    public TextProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    /** This problem as the caller's type, e.g. {@code problem.as(FieldProblem::of)}. */
    public <P> P as(BiFunction<String, String, ? extends P> problem) {
        return problem.apply(field, message);
    }
}
