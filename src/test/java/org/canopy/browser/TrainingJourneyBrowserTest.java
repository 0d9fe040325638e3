package org.canopy.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The training journey in Chromium: the coordinator reads the demo's stated training facts, adds a course answering the
 * demo's anaphylaxis need, adds a session, books a practitioner (first with a phone number in the name, refused), records
 * attendance and the three steps of the evaluation; the needs and reports pages read it; every page is axe-core clean.
 */
class TrainingJourneyBrowserTest extends BrowserJourney {

    static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);

    @Test
    void aCourseIsBookedAttendedAndEvaluated() {
        Page coordinator = browser.newPage();
        signIn(coordinator, "coordinator");
        coordinator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Training").setExact(true)).click();
        assertThat(coordinator.locator("h1")).hasText("Training programme");
        assertThat(coordinator.locator("#unanswered")).containsText("anaphylaxis");
        Browser.assertAccessible(coordinator);

        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add course")).click();
        assertThat(coordinator).hasTitle(Pattern.compile("^Error: "));
        Browser.assertAccessible(coordinator);
        coordinator.getByLabel("Title", new Page.GetByLabelOptions().setExact(true)).fill("Anaphylaxis awareness for school staff");
        coordinator.getByLabel("Audience and level", EXACT).selectOption(new SelectOption().setLabel("All staff"));
        coordinator.getByLabel("Format", EXACT).selectOption(new SelectOption().setLabel("In person"));
        coordinator.getByLabel("Trainer (agency)", EXACT).selectOption(new SelectOption().setLabel("London Borough of Tower Hamlets"));
        coordinator.getByLabel(Pattern.compile("^Improvement in training around anaphylaxis")).check();
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add course")).click();
        assertThat(coordinator.locator("h1")).hasText("Anaphylaxis awareness for school staff");
        Browser.assertAccessible(coordinator);

        fillDate(coordinator, "Date", LocalDate.now().plusDays(21).toString());
        coordinator.getByLabel("Start time", EXACT).fill("09:30");
        coordinator.getByLabel("Place", EXACT).fill("Online");
        coordinator.getByLabel("Capacity (places)", EXACT).fill("1");
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add session")).click();
        assertThat(coordinator.locator("#places-left")).hasText("1");
        Browser.assertAccessible(coordinator);
        String session = coordinator.url();

        coordinator.getByLabel("Practitioner's name", EXACT).fill("Ring 07700 900123");
        coordinator.getByLabel("Agency", new Page.GetByLabelOptions().setExact(true)).selectOption(new SelectOption().setLabel("London Borough of Tower Hamlets"));
        coordinator.getByLabel("Role", new Page.GetByLabelOptions().setExact(true)).fill("School nurse");
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Book").setExact(true)).click();
        assertThat(coordinator).hasTitle(Pattern.compile("^Error: "));
        assertThat(coordinator.locator(".govuk-error-summary")).containsText("looks like");
        Browser.assertAccessible(coordinator);
        coordinator.getByLabel("Practitioner's name", EXACT).fill("Alex Morgan");
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Book").setExact(true)).click();
        assertThat(coordinator.locator("#bookings")).containsText("Alex Morgan");
        coordinator.getByLabel("Practitioner's name", EXACT).fill("Sam Patel");
        coordinator.getByLabel("Agency", new Page.GetByLabelOptions().setExact(true)).selectOption(new SelectOption().setLabel("London Borough of Tower Hamlets"));
        coordinator.getByLabel("Role", new Page.GetByLabelOptions().setExact(true)).fill("Teacher");
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Book").setExact(true)).click();
        assertThat(coordinator.locator("#waiting")).containsText("Sam Patel");
        Browser.assertAccessible(coordinator);

        coordinator.getByLabel("Attended", new Page.GetByLabelOptions().setExact(true)).check();
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save attendance")).click();
        assertThat(coordinator.locator("#bookings")).containsText("Attended");
        Browser.assertAccessible(coordinator);

        coordinator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Alex Morgan")).click();
        Browser.assertAccessible(coordinator);
        coordinator.getByLabel("Confidence before the course (1 to 5)", EXACT).selectOption("2");
        coordinator.getByLabel("What they want to learn", EXACT).fill("How to use an adrenaline auto-injector");
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save before")).click();
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save after")).click();
        assertThat(coordinator).hasTitle(Pattern.compile("^Error: "));
        Browser.assertAccessible(coordinator);
        coordinator.getByLabel("Confidence after the course (1 to 5)", EXACT).selectOption("4");
        coordinator.getByLabel("How useful it was (1 to 5)", EXACT).selectOption("5");
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save after")).click();
        coordinator.getByLabel("Impact on practice (1 to 5)", EXACT).selectOption("4");
        coordinator.getByLabel("An example, in words", EXACT).fill("Checks every pupil's care plan at the start of term");
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save impact")).click();
        assertThat(coordinator.locator("#evaluation")).containsText("Checks every pupil's care plan at the start of term");
        assertThat(coordinator.locator("#evaluation")).containsText("4 out of 5");
        Browser.assertAccessible(coordinator);

        coordinator.navigate(url("/training/needs"));
        assertThat(coordinator.locator("#needs")).containsText("Anaphylaxis awareness for school staff");
        Browser.assertAccessible(coordinator);
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add need")).click();
        assertThat(coordinator).hasTitle(Pattern.compile("^Error: "));
        Browser.assertAccessible(coordinator);

        Page viewer = browser.newPage();
        signIn(viewer, "viewer");
        viewer.navigate(url("/training/reports"));
        assertThat(viewer.locator("#by-course")).containsText("Anaphylaxis awareness for school staff");
        assertThat(viewer.locator("#stated")).containsText("16 workers trained as mental health first aiders");
        Browser.assertAccessible(viewer);
        // Who is booked is the practitioner's agency's, the trainers' and the coordinator's: the viewer reads the counts.
        viewer.navigate(session);
        assertThat(viewer.locator("#places-booked")).hasText("1");
        assertThat(viewer.locator("#bookings")).not().containsText("Alex Morgan");
        assertThat(viewer.locator("#bookings-read-by")).containsText("the course's trainers");
        Browser.assertAccessible(viewer);
    }
}
