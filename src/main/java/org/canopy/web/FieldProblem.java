package org.canopy.web;

/**
 * One thing wrong with the input: the field (form field or JSON property), the message a person can
 * act on and, for imports, the row number (counting the header as row 1).
 */
public record FieldProblem(String field, String message, Integer row) {

    /** A problem with a single field. */
    public static FieldProblem of(String field, String message) {
        return new FieldProblem(field, message, null);
    }
}
