package org.canopy.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.ui.ExtendedModelMap;

/** The one way a refused form becomes a page: problems for the summary, messages by field, the input kept. */
class FormSubmissionTest {

    private final ExtendedModelMap model = new ExtendedModelMap();
    private final Map<String, String> typed = Map.of("reason", "Figures fell sharply");

    @Test
    void successGoesWhereTheActionSaysAndKeepsNothing() {
        String view = FormSubmission.on(model).keeping("form", typed).submit(() -> "redirect:/done", () -> "form-page");

        assertThat(view).isEqualTo("redirect:/done");
        assertThat(model).doesNotContainKeys("form", "problems", "errors");
    }

    @Test
    void refusedInputShowsTheFormAgainWithEveryProblemAndWhatWasTyped() {
        String view = FormSubmission.on(model).keeping("form", typed).submit(() -> {
            throw new InvalidInput(List.of(FieldProblem.of("period", "Enter the period"),
                    FieldProblem.of("period", "A second message for the same field"), FieldProblem.of("reason", "Too long")));
        }, () -> "form-page");

        assertThat(view).isEqualTo("form-page");
        assertThat(model.get("form")).isEqualTo(typed);
        assertThat((List<?>) model.get("problems")).hasSize(3);
        assertThat(model.get("errors")).isEqualTo(Map.of("period", "Enter the period", "reason", "Too long"));
    }

    @Test
    void aConflictIsAFailureBannerUnlessAFieldIsNamed() {
        FormSubmission.on(model).submit(() -> {
            throw new EditConflict("Someone else changed this first");
        }, () -> "form-page");
        assertThat(model.get("failure")).isEqualTo("Someone else changed this first");
        assertThat(model).doesNotContainKey("problems");

        var onField = new ExtendedModelMap();
        FormSubmission.on(onField).conflictOn("note").submit(() -> {
            throw new EditConflict("Someone else changed this first");
        }, () -> "form-page");
        assertThat(onField.get("errors")).isEqualTo(Map.of("note", "Someone else changed this first"));
        assertThat(onField).doesNotContainKey("failure");
    }

    @Test
    void problemsOfAnUploadAllPointAtTheFileAndKeepTheirRow() {
        FormSubmission.on(model).problemsOn("file").submit(() -> {
            throw new InvalidInput(List.of(new FieldProblem("value", "Not a number", 4)));
        }, () -> "form-page");

        assertThat(model.get("problems")).isEqualTo(List.of(new FieldProblem("file", "Not a number", 4)));
    }

    @Test
    void aConflictCanShowTheOtherChangeAndItsOwnWordsAndCarryTheNewVersion() {
        var form = new HashMap<>(Map.of("narrative", "My text", "version", "3"));
        var seen = new ArrayList<EditConflict>();
        String view = FormSubmission.on(model).keeping("form", form)
                .conflictOn("narrative", "Someone else saved first: save again to replace theirs")
                .onConflict(conflict -> {
                    seen.add(conflict);
                    model.addAttribute("theirs", "Their text");
                    form.put("version", "4");
                })
                .submit(() -> {
                    throw new EditConflict("Stored a moment ago");
                }, () -> "form-page");

        assertThat(view).isEqualTo("form-page");
        assertThat(seen).extracting(EditConflict::getMessage).containsExactly("Stored a moment ago");
        assertThat(model.get("theirs")).isEqualTo("Their text");
        assertThat(model.get("errors")).isEqualTo(Map.of("narrative", "Someone else saved first: save again to replace theirs"));
        assertThat(model.get("form")).isEqualTo(Map.of("narrative", "My text", "version", "4"));
        assertThat(model).doesNotContainKey("failure");
    }

    @Test
    void theHookRunsOnlyForAConflict() {
        var seen = new ArrayList<EditConflict>();
        FormSubmission.on(model).onConflict(seen::add).submit(() -> {
            throw new InvalidInput("reason", "Too long");
        }, () -> "form-page");

        assertThat(seen).isEmpty();
        assertThat(model.get("errors")).isEqualTo(Map.of("reason", "Too long"));
    }

    @Test
    void freshAfterAConflictKeepsTheInputOnlyWhenItIsRefused() {
        FormSubmission.on(model).keeping("form", typed).freshAfterConflict().submit(() -> {
            throw new EditConflict("Someone else changed this first");
        }, () -> "form-page");
        assertThat(model.get("failure")).isEqualTo("Someone else changed this first");
        assertThat(model).doesNotContainKey("form");

        var refused = new ExtendedModelMap();
        FormSubmission.on(refused).keeping("form", typed).freshAfterConflict().submit(() -> {
            throw new InvalidInput("reason", "Too long");
        }, () -> "form-page");
        assertThat(refused.get("form")).isEqualTo(typed);
    }

    @Test
    void whatElseTheActionThrowsGoesOnToTheHandler() {
        assertThatThrownBy(() -> FormSubmission.on(model).keeping("form", typed).submit(() -> {
            throw new IOException("The upload broke off");
        }, () -> "form-page")).isInstanceOf(IOException.class).hasMessage("The upload broke off");
        assertThat(model).doesNotContainKeys("form", "problems", "failure");
    }

    @Test
    void problemsFoundBeforeAnyActionGiveTheSamePage() {
        String view = FormSubmission.on(model).keeping("form", typed)
                .refuse(List.of(FieldProblem.of("reason", "Enter the reason")), () -> "form-page");

        assertThat(view).isEqualTo("form-page");
        assertThat(model.get("errors")).isEqualTo(Map.of("reason", "Enter the reason"));
        assertThat(model.get("form")).isEqualTo(typed);
    }
}
