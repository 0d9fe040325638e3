package org.canopy.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The scrutiny journey in Chromium: the scrutineer plans a peer review and raises a challenge to the quality assurance
 * group (first with an identifier, refused); the group's chair answers it; the scrutineer records their view; its
 * status is on the Executive's overview; the scrutineer's statement holds the report's reflections; every page is
 * axe-core clean.
 */
class ScrutinyJourneyBrowserTest extends BrowserJourney {

    @Test
    void theScrutineersChallengeIsAnsweredByTheGroupAndShownToTheExecutive() {
        Page scrutineer = browser.newPage();
        signIn(scrutineer, "scrutineer");
        scrutineer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Scrutiny").setExact(true)).click();
        assertThat(scrutineer.locator("h1")).hasText("Independent scrutiny");
        Browser.assertAccessible(scrutineer);
        scrutineer.getByLabel("Financial year").fill("2021-22");
        scrutineer.getByLabel("Scrutiny function").selectOption(new SelectOption().setLabel("Independent challenge"));
        scrutineer.getByLabel("Kind of activity").selectOption(new SelectOption().setLabel("Peer review"));
        scrutineer.getByLabel("Activity", new Page.GetByLabelOptions().setExact(true)).fill("Peer review of the rapid review process");
        scrutineer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add activity")).click();
        assertThat(scrutineer.locator("main")).containsText("Peer review of the rapid review process");
        Browser.assertAccessible(scrutineer);
        scrutineer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Peer review of the rapid review process")).click();
        // axe-core reads the page it is given: wait until the activity's own page has loaded, not the list it left.
        assertThat(scrutineer.locator("h1")).containsText("Peer review of the rapid review process");
        Browser.assertAccessible(scrutineer);

        scrutineer.navigate(url("/scrutiny/statement"));
        assertThat(scrutineer.locator("main")).containsText("The training program needs to be firmly linked to training needs");
        Browser.assertAccessible(scrutineer);
        scrutineer.getByLabel("Financial year").fill("2021-22");
        scrutineer.getByLabel("Opening").fill("The partnership has moved forward this year");
        scrutineer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start statement")).click();
        assertThat(scrutineer.locator(".govuk-notification-banner--success")).containsText("Started the statement for 2021-22");
        Browser.assertAccessible(scrutineer);

        scrutineer.navigate(url("/scrutiny/young-scrutineers"));
        assertThat(scrutineer.locator("main")).containsText("14");
        Browser.assertAccessible(scrutineer);
        scrutineer.navigate(url("/scrutiny/challenges"));
        Browser.assertAccessible(scrutineer);
        scrutineer.navigate(url("/scrutiny/challenges/new"));
        Browser.assertAccessible(scrutineer);
        scrutineer.getByLabel("Group or agency challenged").selectOption(new SelectOption().setLabel("Quality Assurance and Performance Group"));
        scrutineer.getByLabel("What is being challenged").fill("How are late submissions followed up? Ring 07700 900123");
        fillDate(scrutineer, "Response due by", LocalDate.now().plusDays(14).toString());
        scrutineer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Raise challenge")).click();
        assertThat(scrutineer).hasTitle(Pattern.compile("^Error: "));
        assertThat(scrutineer.locator(".govuk-error-summary")).containsText("looks like");
        Browser.assertAccessible(scrutineer);
        scrutineer.getByLabel("What is being challenged").fill("How are late submissions followed up with the agencies concerned?");
        scrutineer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Raise challenge")).click();
        assertThat(scrutineer.locator("main")).containsText("How are late submissions followed up");
        Browser.assertAccessible(scrutineer);
        String challenge = scrutineer.url();

        Page chair = browser.newPage();
        signIn(chair, "chair");
        chair.navigate(challenge);
        chair.getByLabel("Response", new Page.GetByLabelOptions().setExact(true)).fill("Each late submission is chased by the business unit within a week");
        chair.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record response")).click();
        assertThat(chair.locator("main")).containsText("Each late submission is chased by the business unit within a week");
        Browser.assertAccessible(chair);

        scrutineer.navigate(challenge);
        scrutineer.getByLabel("Yes").check();
        scrutineer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record your view")).click();
        assertThat(scrutineer.locator(".govuk-notification-banner--success")).containsText("Your view of the response was recorded");
        Browser.assertAccessible(scrutineer);

        Page executive = browser.newPage();
        signIn(executive, "executive");
        executive.navigate(url("/governance/executive"));
        assertThat(executive.locator("main")).containsText("How are late submissions followed up");
        Browser.assertAccessible(executive);
    }
}
