package org.canopy.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.ui.Model;

/**
 * The one way a page turns refused input into a page: runs a form's action and, when it refuses
 * ({@link InvalidInput}) or meets someone else's change first ({@link EditConflict}), shows the form again
 * with the GOV.UK error summary, the inline messages and what the person typed. The API's counterpart is
 * the problem-details advice; both read the same {@link FieldProblem}s.
 *
 * <pre>{@code
 * return FormSubmission.on(model).keeping("form", form).conflictOn("note").submit(() -> {
 *     escalations.close(user, id, form.get("note"), version);
 *     redirect.addFlashAttribute("success", "The escalation was closed");
 *     return "redirect:/data/escalations/" + id;
 * }, () -> escalation(user, id, model));
 * }</pre>
 */
public final class FormSubmission {

    private final Model model;
    private final Map<String, Object> kept = new LinkedHashMap<>();
    private String conflictField;
    private String conflictMessage;
    private Consumer<EditConflict> conflictHook = conflict -> { };
    private boolean keptAfterConflict = true;
    private String problemsField;

    private FormSubmission(Model model) {
        this.model = model;
    }

    /** A submission whose refusals go onto this page model. */
    public static FormSubmission on(Model model) {
        return new FormSubmission(model);
    }

    /** Puts the person's input back on the page under {@code attribute} when the action is refused. */
    public FormSubmission keeping(String attribute, Object input) {
        kept.put(attribute, input);
        return this;
    }

    /**
     * Shows an edit conflict against {@code field} in the error summary; without this, a conflict is shown
     * as the page's failure banner ({@code failure}).
     */
    public FormSubmission conflictOn(String field) {
        return conflictOn(field, null);
    }

    /**
     * Shows an edit conflict against {@code field} in the error summary, in these words instead of the
     * conflict's own ({@code null}: its own).
     */
    public FormSubmission conflictOn(String field, String message) {
        this.conflictField = field;
        this.conflictMessage = message;
        return this;
    }

    /**
     * Runs {@code hook} on an edit conflict before the conflict is shown and the input kept: to put the other
     * person's change on the page, say, or to carry its version in the kept input.
     */
    public FormSubmission onConflict(Consumer<EditConflict> hook) {
        this.conflictHook = hook;
        return this;
    }

    /**
     * After an edit conflict the page shows the record as it is now: the kept input (typed against the version
     * someone else replaced) is put back only when the input is refused.
     */
    public FormSubmission freshAfterConflict() {
        this.keptAfterConflict = false;
        return this;
    }

    /** Every problem is about one input (an uploaded file, say): the summary links them all to {@code field}. */
    public FormSubmission problemsOn(String field) {
        this.problemsField = field;
        return this;
    }

    /**
     * Runs {@code action} (which returns the view after success, usually a redirect); on a refusal returns
     * {@code formPage}'s view with the problems and the kept input on the model. What else the action throws
     * (an upload's {@code IOException}, say) goes on to the caller.
     */
    public <X extends Exception> String submit(Action<X> action, Supplier<String> formPage) throws X {
        try {
            return action.run();
        } catch (InvalidInput e) {
            FormErrors.addTo(model, relabelled(e.problems()));
        } catch (EditConflict e) {
            conflictHook.accept(e);
            if (conflictField == null) {
                model.addAttribute("failure", e.getMessage());
            } else {
                String message = conflictMessage == null ? e.getMessage() : conflictMessage;
                FormErrors.addTo(model, relabelled(List.of(FieldProblem.of(conflictField, message))));
            }
            if (!keptAfterConflict) {
                return formPage.get();
            }
        }
        kept.forEach(model::addAttribute);
        return formPage.get();
    }

    /** Shows the form again for problems found before anything was stored: the same page a refused action gives. */
    public String refuse(List<FieldProblem> problems, Supplier<String> formPage) {
        return submit(() -> {
            throw new InvalidInput(problems);
        }, formPage);
    }

    /** A form's action: returns the view after success; may throw what the handler itself declares. */
    @FunctionalInterface
    public interface Action<X extends Exception> {
        String run() throws X;
    }

    private List<FieldProblem> relabelled(List<FieldProblem> problems) {
        if (problemsField == null) {
            return problems;
        }
        var onField = new ArrayList<FieldProblem>();
        problems.forEach(p -> onField.add(new FieldProblem(problemsField, p.message(), p.row())));
        return onField;
    }
}
