package org.canopy.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The learning journey in Chromium: the coordinator records a serious incident (first with an identifier in the
 * summary, refused), records the notification, then the rapid review's decision, and starts the local review;
 * every learning page is axe-core clean.
 */
class LearningJourneyBrowserTest extends BrowserJourney {

    @Test
    void anIncidentIsRecordedThroughToARapidReviewDecision() {
        Page page = browser.newPage();
        signIn(page, "coordinator");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Learning").setExact(true)).click();
        assertThat(page.locator("h1")).hasText("Learning from serious cases");
        Browser.assertAccessible(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Serious incidents and reviews")).click();
        Browser.assertAccessible(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Record a serious incident")).click();
        Browser.assertAccessible(page);

        page.getByLabel("Pseudonym").fill("Child M");
        page.getByLabel("Date the local authority became aware").fill("2021-03-31");
        page.getByLabel("A child has died or been seriously harmed").check();
        page.getByLabel("Summary").fill("DOB 01/02/2015, admitted to hospital");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record incident")).click();
        assertThat(page).hasTitle(Pattern.compile("^Error: "));
        assertThat(page.locator(".govuk-error-summary")).containsText("looks like a date of birth");
        Browser.assertAccessible(page);
        page.getByLabel("Summary").fill("Admitted to hospital with an unexplained injury");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record incident")).click();
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("recorded");
        // Aware Wed 31 Mar 2021 + 5 working days, past Good Friday and Easter Monday = Fri 9 Apr 2021.
        assertThat(page.locator("table").first()).containsText("9 April 2021");
        Browser.assertAccessible(page);

        page.getByLabel("Date the national panel was notified (if done)").fill("2021-04-06");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save incident")).click();
        // Notified Tue 6 Apr + 15 working days = Tue 27 Apr 2021.
        assertThat(page.locator("table").first()).containsText("27 April 2021");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Record the rapid review")).click();
        Browser.assertAccessible(page);
        page.getByLabel("Panel date").fill("2021-04-20");
        page.getByLabel("Metropolitan Police").check();
        page.getByLabel("A local learning review").check();
        page.getByLabel("Reasons for the decision").fill("Learning about how agencies shared concerns");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save rapid review")).click();
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("rapid review was saved");
        assertThat(page.locator("dl").nth(1)).containsText("A local learning review");
        Browser.assertAccessible(page);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Start the local review")).click();
        Browser.assertAccessible(page);
        page.getByLabel("Start date").fill("2021-05-04");
        page.getByLabel("Partner authored report").check();
        page.getByLabel("Author", new Page.GetByLabelOptions().setExact(true)).fill("Senior safeguarding manager, health");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save local review")).click();
        assertThat(page.locator(".govuk-error-summary")).containsText("Confirm that the author");
        Browser.assertAccessible(page);
        page.getByLabel(Pattern.compile("^The author has confirmed")).check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save local review")).click();
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("local review was saved");
        assertThat(page.locator("dl")).containsText("4 November 2021");
        Browser.assertAccessible(page);

        page.navigate(url("/learning/deadlines"));
        Browser.assertAccessible(page);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make a calendar feed address")).click();
        assertThat(page.locator("#feed-url")).containsText("/learning/calendar/");
        Browser.assertAccessible(page);
    }
}
