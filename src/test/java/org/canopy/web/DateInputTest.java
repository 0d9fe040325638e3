package org.canopy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.canopy.web.DateInput.Range;
import org.junit.jupiter.api.Test;

/** The one reader of dates: the GOV.UK date input's three fields and the API's ISO dates, with GOV.UK messages and plausible bounds. */
class DateInputTest {

    static final LocalDate TODAY = LocalDate.of(2021, 6, 15);

    record Read(LocalDate date, List<FieldProblem> problems) {
    }

    static Read typed(String day, String month, String year, boolean required, Range range) {
        var problems = new ArrayList<FieldProblem>();
        var form = Map.of("due-day", day, "due-month", month, "due-year", year);
        var date = DateInput.fromForm(form::get, "due").read("due", "The due date", required, range, TODAY, problems);
        return new Read(date, problems);
    }

    static Read iso(String text, Range range) {
        var problems = new ArrayList<FieldProblem>();
        var date = DateInput.iso(text).read("awareDate", "The date the local authority became aware", true, range, TODAY, problems);
        return new Read(date, problems);
    }

    @Test
    void threeFieldsMakeADate() {
        assertThat(typed(" 7", "3 ", "2021", true, Range.PAST)).isEqualTo(new Read(LocalDate.of(2021, 3, 7), List.of()));
        assertThat(typed("07", "03", "2021", true, Range.PLANNED).date()).isEqualTo(LocalDate.of(2021, 3, 7));
    }

    @Test
    void blankIsNothingUnlessRequired() {
        assertThat(typed("", " ", "", false, Range.PLANNED)).isEqualTo(new Read(null, List.of()));
        assertThat(typed("", "", "", true, Range.PLANNED).problems()).containsExactly(FieldProblem.of("due", "Enter the due date"));
    }

    @Test
    void aMissingPartIsNamedAndItsFieldMarked() {
        assertThat(typed("7", "", "2021", true, Range.PLANNED).problems())
                .containsExactly(FieldProblem.of("due-month", "The due date must include a month"));
        assertThat(typed("", "", "2021", true, Range.PLANNED).problems())
                .containsExactly(FieldProblem.of("due-day", "The due date must include a day and month"));
        assertThat(typed("7", "3", "", false, Range.PLANNED).problems())
                .containsExactly(FieldProblem.of("due-year", "The due date must include a year"));
    }

    @Test
    void aDateThatDoesNotExistIsNotARealDate() {
        for (var wrong : List.of(List.of("31", "2", "2021"), List.of("7", "13", "2021"), List.of("seven", "3", "2021"),
                List.of("0", "3", "2021"))) {
            assertThat(typed(wrong.get(0), wrong.get(1), wrong.get(2), true, Range.PLANNED).problems())
                    .containsExactly(FieldProblem.of("due", "The due date must be a real date"));
        }
        assertThat(typed("7", "3", "21", true, Range.PLANNED).problems())
                .containsExactly(FieldProblem.of("due-year", "The due date must include a year with 4 numbers, like 2021"));
    }

    @Test
    void implausibleDatesAreRefusedWithTheBoundInTheMessage() {
        assertThat(iso("1900-03-01", Range.PAST).problems()).containsExactly(
                FieldProblem.of("awareDate", "The date the local authority became aware must be on or after 1 January 2000"));
        assertThat(iso("2021-06-16", Range.PAST).problems()).containsExactly(
                FieldProblem.of("awareDate", "The date the local authority became aware must be today or in the past"));
        assertThat(iso("2021-06-15", Range.PAST).date()).isEqualTo(TODAY);
        assertThat(typed("15", "6", "2026", true, Range.PLANNED).date()).isEqualTo(LocalDate.of(2026, 6, 15));
        assertThat(typed("16", "6", "2026", true, Range.PLANNED).problems())
                .containsExactly(FieldProblem.of("due", "The due date must be no more than 5 years from today"));
        assertThat(typed("1", "1", "2051", true, Range.PLANNED).date()).isNull();
    }

    @Test
    void theApiTakesIsoDates() {
        assertThat(iso("2021-03-31", Range.PAST).date()).isEqualTo(LocalDate.of(2021, 3, 31));
        assertThat(iso("31/03/2021", Range.PAST).problems()).containsExactly(FieldProblem.of("awareDate",
                "The date the local authority became aware must be a real date, as year-month-day like 2021-03-31"));
        assertThat(iso(null, Range.PAST).problems())
                .containsExactly(FieldProblem.of("awareDate", "Enter the date the local authority became aware"));
    }

    @Test
    void aStoredDateFillsTheThreeFields() {
        assertThat(DateInput.fields("due", LocalDate.of(2021, 3, 7))).containsExactly(Map.entry("due-day", "7"),
                Map.entry("due-month", "3"), Map.entry("due-year", "2021"));
        assertThat(DateInput.fields("due", null)).containsOnly(Map.entry("due-day", ""), Map.entry("due-month", ""),
                Map.entry("due-year", ""));
    }
}
