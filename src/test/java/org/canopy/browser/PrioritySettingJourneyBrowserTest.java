package org.canopy.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The priority-setting journey in Chromium: a viewer reads the demo's round of November and December 2020 and the
 * golden thread of a 2021 priority; the coordinator starts a round (first with an identifier, refused), adds evidence
 * citing an indicator and a candidate; the executive records the decision, which makes the candidate a priority of a
 * new plan; every page is axe-core clean.
 */
class PrioritySettingJourneyBrowserTest extends BrowserJourney {

    @Test
    void theCoordinatorPreparesARoundTheExecutiveDecidesAndThePriorityShowsItsThread() {
        Page viewer = browser.newPage();
        signIn(viewer, "viewer");
        viewer.navigate(url("/plans"));
        viewer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Setting priorities from evidence")).click();
        assertThat(viewer.locator("h1")).hasText("Setting priorities from evidence");
        Browser.assertAccessible(viewer);
        viewer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Setting the priorities, November and December 2020")).click();
        assertThat(viewer.locator("main")).containsText("after an analysis of the evidence, it appeared three areas required more intensive intervention");
        Browser.assertAccessible(viewer);
        viewer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("THSCP priorities from 2021").setExact(true)).click();
        assertThat(viewer.locator("main")).containsText("From early 2021");
        Browser.assertAccessible(viewer);
        viewer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("1. Domestic Abuse and the Impact on Children and Young People")).click();
        assertThat(viewer.locator("main")).containsText("The action plan is being formed: no actions yet");
        Browser.assertAccessible(viewer);
        viewer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("The golden thread behind this priority")).click();
        assertThat(viewer.locator("main")).containsText("Indicators and their signals");
        Browser.assertAccessible(viewer);

        Page coordinator = browser.newPage();
        signIn(coordinator, "coordinator");
        coordinator.navigate(url("/plans/setting"));
        coordinator.getByLabel("Title", new Page.GetByLabelOptions().setExact(true)).fill("Setting the priorities for 2031");
        coordinator.getByLabel("What the round is for (optional)").fill("Call the family on 07700 900123");
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the round")).click();
        assertThat(coordinator).hasTitle(Pattern.compile("^Error: "));
        assertThat(coordinator.locator(".govuk-error-summary")).containsText("looks like");
        Browser.assertAccessible(coordinator);
        coordinator.getByLabel("What the round is for (optional)").fill("To choose the partnership's priorities for 2031");
        coordinator.getByLabel("When, in words (optional)").fill("Autumn 2030");
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the round")).click();
        assertThat(coordinator.locator(".govuk-notification-banner--success")).containsText("is started");
        Browser.assertAccessible(coordinator);
        String round = coordinator.url();

        coordinator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add evidence")).click();
        Browser.assertAccessible(coordinator);
        coordinator.getByLabel("Kind of evidence").selectOption(new SelectOption().setLabel("The multi-agency data dashboard"));
        coordinator.getByLabel("Indicators and their signals: Domestic abuse cases recorded by the police").check();
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add evidence")).click();
        assertThat(coordinator.locator("main")).containsText("Domestic abuse cases recorded by the police");
        coordinator.getByLabel("Candidate priority").fill("Hidden harm at home");
        coordinator.locator("#evidence input[type=checkbox]").first().check();
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add candidate")).click();
        assertThat(coordinator.locator("main")).containsText("Hidden harm at home");
        Browser.assertAccessible(coordinator);

        Page executive = browser.newPage();
        signIn(executive, "executive");
        executive.navigate(round);
        executive.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Record the Executive's decision")).click();
        Browser.assertAccessible(executive);
        executive.getByLabel("When the Executive decided, in words").fill("Autumn 2030");
        executive.getByLabel("The Executive's reasons").fill("The dashboard showed domestic abuse rising");
        executive.getByLabel("Hidden harm at home", new Page.GetByLabelOptions().setExact(true)).check();
        executive.getByLabel("Title of the new plan (for a new plan)").fill("Priorities from 2031");
        executive.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the decision")).click();
        assertThat(executive.locator(".govuk-notification-banner--success")).containsText("1 priority chosen");
        assertThat(executive.locator("main")).containsText("The dashboard showed domestic abuse rising");
        Browser.assertAccessible(executive);
        executive.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("priority 1 of Priorities from 2031")).click();
        assertThat(executive.locator("main")).containsText("The evidence that chose it");
        assertThat(executive.locator("main")).containsText("No children's voice is recorded behind this priority yet");
        Browser.assertAccessible(executive);
    }
}
