package org.canopy.privacy;

import java.util.List;

/** Text refused by {@link IdentifierGuard#check} because it holds what looks like an identifier; nothing was stored. */
public class IdentifiersFound extends IllegalArgumentException {

    private final transient List<TextProblem> problems;

    /** Refuses a text for the given problems (at least one); the message is the first problem's. */
    public IdentifiersFound(List<TextProblem> problems) {
        super(problems.get(0).message());
        this.problems = List.copyOf(problems);
    }

    /** One problem per identifier found, in the order they stand in the text. */
    public List<TextProblem> problems() {
        return problems;
    }
}
