package org.canopy.web;

import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.ui.Model;

/** Puts refused input on a page: {@code problems} for the error summary, {@code errors} by field. */
public final class FormErrors {

    private FormErrors() {
    }

    /** Adds the problems to the model for the error summary and the inline field messages. */
    public static void addTo(Model model, List<FieldProblem> problems) {
        var byField = new LinkedHashMap<String, String>();
        problems.forEach(p -> byField.putIfAbsent(p.field(), p.message()));
        model.addAttribute("problems", problems);
        model.addAttribute("errors", byField);
    }
}
