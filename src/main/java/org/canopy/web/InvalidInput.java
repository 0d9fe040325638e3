package org.canopy.web;

import java.util.List;

/** Input refused with reasons; nothing has been stored. Pages show an error summary, the API a 400. */
public class InvalidInput extends RuntimeException {

    private final List<FieldProblem> problems;

    /** Refuses input for the given reasons (at least one). */
    public InvalidInput(List<FieldProblem> problems) {
        super(problems.isEmpty() ? "Invalid input" : problems.get(0).message());
        this.problems = List.copyOf(problems);
    }

    /** Refuses input for one reason. */
    public InvalidInput(String field, String message) {
        this(List.of(FieldProblem.of(field, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
