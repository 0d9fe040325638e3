package org.canopy.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The engagement journey in Chromium: the coordinator reads the report's engagement groups (the CAMHS group's visit of
 * February 2021, the others never heard from), adds a group, asks a question for a priority with no children's input,
 * and records a visit (first with a phone number in what was heard, refused); the group is then heard from; a viewer
 * reads it all; every page is axe-core clean.
 */
class EngagementJourneyBrowserTest extends BrowserJourney {

    @Test
    void theCoordinatorAsksAQuestionAndRecordsAVisitThatMarksTheGroupHeardFrom() {
        Page coordinator = browser.newPage();
        signIn(coordinator, "coordinator");
        coordinator.navigate(url("/voice/engagement-groups"));
        assertThat(coordinator.locator("h1")).hasText("Engagement groups");
        assertThat(coordinator.locator("main")).containsText("Young People with SEND Forum");
        assertThat(coordinator.locator("main")).containsText("Never heard from");
        Browser.assertAccessible(coordinator);

        coordinator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("CAMHS YP Participation Group")).click();
        assertThat(coordinator.locator("main")).containsText("February 2021");
        assertThat(coordinator.locator("main")).containsText("Not recorded");
        Browser.assertAccessible(coordinator);
        coordinator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("February 2021")).click();
        assertThat(coordinator.locator("h1")).hasText("Visit to CAMHS YP Participation Group");
        assertThat(coordinator.locator("main")).containsText("Safeguarding Children Team");
        Browser.assertAccessible(coordinator);

        coordinator.navigate(url("/voice/engagement-groups"));
        coordinator.getByLabel("Name of the group").fill("Youth Parliament");
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add engagement group")).click();
        assertThat(coordinator.locator(".govuk-notification-banner--success")).containsText("Youth Parliament");
        Browser.assertAccessible(coordinator);

        coordinator.navigate(url("/voice/canvassing"));
        assertThat(coordinator.locator("main")).containsText("No children's input recorded");
        Browser.assertAccessible(coordinator);
        coordinator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("^Ask a question for priority"))).first()
                .click();
        Browser.assertAccessible(coordinator);
        coordinator.getByLabel("Question", new Page.GetByLabelOptions().setExact(true)).fill("What helps you feel safe when you are online?");
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ask question")).click();
        assertThat(coordinator.locator("h1")).hasText("What helps you feel safe when you are online?");
        Browser.assertAccessible(coordinator);

        coordinator.navigate(url("/voice/canvassing/visits/new"));
        Browser.assertAccessible(coordinator);
        coordinator.getByLabel("Engagement group", new Page.GetByLabelOptions().setExact(true))
                .selectOption(new SelectOption().setLabel("Youth Council"));
        coordinator.getByLabel("Partner agency visiting").selectOption(new SelectOption().setLabel("Metropolitan Police"));
        coordinator.getByLabel("Canvasser (optional)").fill("Youth engagement officers");
        fillDate(coordinator, "Date of the visit", LocalDate.now().toString());
        coordinator.getByLabel("Done", new Page.GetByLabelOptions().setExact(true)).check();
        coordinator.getByLabel("What helps you feel safe when you are online?").check();
        coordinator.getByLabel("What was heard (optional)").fill("They want officers to explain why they stop them. Call 07700 900123");
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save visit")).click();
        assertThat(coordinator).hasTitle(Pattern.compile("^Error: "));
        assertThat(coordinator.locator(".govuk-error-summary")).containsText("looks like");
        Browser.assertAccessible(coordinator);
        coordinator.getByLabel("What was heard (optional)").fill("They want officers to explain why they stop them");
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save visit")).click();
        assertThat(coordinator.locator(".govuk-notification-banner--success")).containsText("The visit was recorded");
        assertThat(coordinator.locator("main")).containsText("They want officers to explain why they stop them");
        Browser.assertAccessible(coordinator);

        Page viewer = browser.newPage();
        signIn(viewer, "viewer");
        viewer.navigate(url("/voice/engagement-groups"));
        var row = viewer.locator("tr", new Page.LocatorOptions().setHasText("Youth Council"));
        assertThat(row).not().containsText("Never heard from");
        Browser.assertAccessible(viewer);
        viewer.navigate(url("/voice/canvassing"));
        assertThat(viewer.locator("main")).containsText("What helps you feel safe when you are online?");
        Browser.assertAccessible(viewer);
    }
}
