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
        fillDate(page, "Date the local authority became aware", "2021-03-31");
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

        // Until the notification is recorded the page asks for it, and offers no rapid review.
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Record the rapid review"))).hasCount(0);
        fillDate(page, "Date the national panel was notified", "2021-04-06");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the notification")).click();
        // Notified Tue 6 Apr + 15 working days = Tue 27 Apr 2021.
        assertThat(page.locator("table").first()).containsText("27 April 2021");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Record the rapid review")).click();
        Browser.assertAccessible(page);
        fillDate(page, "Panel date", "2021-04-20");
        page.getByLabel("Metropolitan Police").check();
        page.getByLabel("A local learning review").check();
        page.getByLabel("Reasons for the decision").fill("Learning about how agencies shared concerns");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save rapid review")).click();
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("rapid review was saved");
        assertThat(page.locator("dl").nth(1)).containsText("A local learning review");
        Browser.assertAccessible(page);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Start the local review")).click();
        Browser.assertAccessible(page);
        fillDate(page, "Start date", "2021-05-04");
        page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Published").setExact(true)).getByLabel("Month").fill("6");
        page.getByLabel("Partner authored report").check();
        page.getByLabel("Author", new Page.GetByLabelOptions().setExact(true)).fill("Senior safeguarding manager, health");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save local review")).click();
        assertThat(page.locator(".govuk-error-summary")).containsText("Confirm that the author");
        // A date missing its parts is named in the summary, linked to its first missing field, and kept as typed.
        assertThat(page.locator(".govuk-error-summary a[href='#stage-PUBLISHED-day']"))
                .hasText("The date of the stage published must include a day and year");
        assertThat(page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Published").setExact(true)).getByLabel("Month"))
                .hasValue("6");
        Browser.assertAccessible(page);
        page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Published").setExact(true)).getByLabel("Month").fill("");
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
