package org.canopy.web.internal;

import java.util.Map;
import org.canopy.web.EditConflict;
import org.canopy.web.FieldProblem;
import org.canopy.web.InvalidInput;
import org.canopy.web.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/** Turns the shared exceptions into RFC 9457 problem details for the API (before the page advice). */
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiProblems {

    @ExceptionHandler(InvalidInput.class)
    ProblemDetail invalid(InvalidInput e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid input");
        problem.setProperty("errors", e.problems().stream().map(ApiProblems::error).toList());
        return problem;
    }

    /** A body Jackson could not bind: the field from the exception's path, and what it should have been. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof JacksonException jackson) {
            return unreadableJson(jackson);
        }
        return invalid(new InvalidInput("body", e.getCause() == null && String.valueOf(e.getMessage()).startsWith("Required request body")
                ? "The request has no body: send the JSON this request takes"
                : "The request body could not be read as JSON of the expected shape"));
    }

    /** A body a controller read itself ({@code readTree}) that is not JSON, or a tree's value Jackson cannot coerce. */
    @ExceptionHandler(JacksonException.class)
    ProblemDetail unreadableJson(JacksonException e) {
        String field = field(e.getPath());
        String named = field.equals("body") ? "The request body" : "\"" + field + "\"";
        String message;
        if (e instanceof StorableTextModule.UnstorableText) {
            message = named + " " + e.getOriginalMessage();
        } else if (e instanceof StreamConstraintsException) {
            message = named + " holds a number or text longer than Canopy reads";
        } else if (e instanceof InputCoercionException) {
            message = named + " is a number too large for this field";
        } else if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null && invalid.getTargetType().isEnum()) {
            message = named + " must be one of " + java.util.Arrays.toString(invalid.getTargetType().getEnumConstants());
        } else if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            message = named + " must be " + shape(mismatched.getTargetType());
        } else if (e instanceof StreamReadException read) {
            message = "The request body is not valid JSON" + (read.getLocation() == null ? ""
                    : " (line " + read.getLocation().getLineNr() + ", column " + read.getLocation().getColumnNr() + ")");
        } else {
            message = named + " is not of the expected shape";
        }
        return invalid(new InvalidInput(field, message));
    }

    /** A path or query parameter of the wrong type ({@code ?agency=abc}): named, with the type it takes. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mismatched(MethodArgumentTypeMismatchException e) {
        String given = String.valueOf(e.getValue());
        return invalid(new InvalidInput(e.getName(), "\"" + e.getName() + "\" must be "
                + (e.getRequiredType() == null ? "of another form" : shape(e.getRequiredType()))
                + ", not '" + (given.length() > 40 ? given.substring(0, 40) + "…" : given) + "'"));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missing(MissingServletRequestParameterException e) {
        return invalid(new InvalidInput(e.getParameterName(), "Give \"" + e.getParameterName() + "\" in the address (?"
                + e.getParameterName() + "=...)"));
    }

    /** "figures[0].value" from Jackson's path; "body" when the body as a whole is wrong. */
    private static String field(java.util.List<JacksonException.Reference> path) {
        var field = new StringBuilder();
        for (var reference : path) {
            if (reference.getPropertyName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    /** The kind of JSON value a Java type is read from, in words. */
    private static String shape(Class<?> type) {
        if (type.isPrimitive() && type != boolean.class || Number.class.isAssignableFrom(type)) {
            return type == double.class || type == float.class || type == java.math.BigDecimal.class || type == Double.class
                    ? "a number" : "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "text";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "a list ([ ... ])";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "a date like 2021-03-31";
        }
        return "an object ({ ... })";
    }

    @ExceptionHandler(EditConflict.class)
    ProblemDetail conflict(EditConflict e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Edit conflict");
        return problem;
    }

    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    ProblemDetail forbidden(org.springframework.security.access.AccessDeniedException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setTitle("Not allowed");
        return problem;
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Not found");
        return problem;
    }

    private static Map<String, Object> error(FieldProblem p) {
        return p.row() == null ? Map.of("field", p.field(), "message", p.message())
                : Map.of("field", p.field(), "message", p.message(), "row", p.row());
    }
}
