package org.canopy.learning.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.canopy.privacy.IdentifierGuard;
import org.canopy.web.FieldProblem;
import org.springframework.stereotype.Component;

/** Reads free text and dates typed into learning forms and the API, gathering every problem before refusing. */
@Component
class LearningInput {

    static final String DATE_HINT = "As year-month-day, like 2021-03-31";

    private final IdentifierGuard guard;

    LearningInput(IdentifierGuard guard) {
        this.guard = guard;
    }

    /** Text as stored: trimmed, null when blank, within {@code max} characters and free of identifiers. */
    String text(String field, String label, String text, boolean required, int max, List<FieldProblem> problems) {
        return guard.freeText(field, label, text, required, max, problems);
    }

    /** An ISO date (year-month-day), null when blank; after {@code notAfter} (when given) it is refused. */
    LocalDate date(String field, String label, String text, boolean required, LocalDate notAfter, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            if (required) {
                problems.add(FieldProblem.of(field, "Enter " + label.toLowerCase()));
            }
            return null;
        }
        try {
            var date = LocalDate.parse(text.strip());
            if (notAfter != null && date.isAfter(notAfter)) {
                problems.add(FieldProblem.of(field, label + " must be today or in the past"));
            }
            return date;
        } catch (DateTimeParseException e) {
            problems.add(FieldProblem.of(field, label + " must be a real date, year-month-day, like 2021-03-31"));
            return null;
        }
    }
}
