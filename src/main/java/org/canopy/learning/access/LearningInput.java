package org.canopy.learning.access;

import java.util.List;
import org.canopy.privacy.IdentifierGuard;
import org.canopy.web.FieldProblem;
import org.springframework.stereotype.Component;

/** Reads free text typed into incident and review forms and the API, gathering every problem before refusing. */
@Component
public class LearningInput {

    private final IdentifierGuard guard;

    LearningInput(IdentifierGuard guard) {
        this.guard = guard;
    }

    /** Text as stored: trimmed, null when blank, within {@code max} characters and free of identifiers. */
    public String text(String field, String label, String text, boolean required, int max, List<FieldProblem> problems) {
        return guard.freeText(field, label, text, required, max, problems, FieldProblem::of);
    }

    /** A case's pseudonym as stored: required, within {@code max} characters, free of identifiers, a first name allowed. */
    public String pseudonym(String field, String label, String text, int max, List<FieldProblem> problems) {
        return guard.pseudonym(field, label, text, max, problems, FieldProblem::of);
    }
}
