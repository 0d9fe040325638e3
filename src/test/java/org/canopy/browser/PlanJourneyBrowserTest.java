package org.canopy.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A person walks the demo plan in Chromium, makes a mistake in an update, corrects it and sees the roll-up. */
class PlanJourneyBrowserTest extends BrowserJourney {

    @Test
    void aContributorWalksThePlanAndUpdatesAnAction() {
        Page page = browser.newPage();
        signIn(page, "health");
        assertThat(page.locator("h1")).hasText("Tower Hamlets Safeguarding Children Partnership");
        Browser.assertAccessible(page);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tower Hamlets Children and Families Plan 2016-19")).first().click();
        assertThat(page.locator("h1")).hasText("Tower Hamlets Children and Families Plan 2016-19");
        Browser.assertAccessible(page);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Section 2: Living well")).click();
        assertThat(page.locator("h1")).hasText("Living well");
        Browser.assertAccessible(page);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("9. Reduce preventable illness and injury")).click();
        assertThat(page.locator("h1")).hasText("Reduce preventable illness and injury");
        assertThat(page.getByText("You may update these actions.")).isVisible();
        Browser.assertAccessible(page);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("9.2").setExact(true)).click();
        Browser.assertAccessible(page);

        // A mistake: no status chosen. The error summary says so, and the text is kept.
        page.getByLabel("Narrative").fill("Care pathways for asthma agreed with two GP networks.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save update")).click();
        assertThat(page.locator(".govuk-error-summary")).containsText("Select a status: green, amber, red or complete");
        assertThat(page.getByLabel("Narrative")).hasValue("Care pathways for asthma agreed with two GP networks.");
        assertThat(page).hasTitle(java.util.regex.Pattern.compile("^Error: "));
        Browser.assertAccessible(page);

        page.getByLabel("Amber: at risk").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save update")).click();
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("is saved");
        assertThat(page.locator("table").last()).containsText("Care pathways for asthma agreed");
        Browser.assertAccessible(page);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Priority 9")).click();
        assertThat(page.locator(".govuk-summary-list").first()).containsText("Amber: at risk");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tower Hamlets Children and Families Plan 2016-19")).click();
        assertThat(page.getByText("Overall status:")).containsText("Amber: at risk");

        for (String path : List.of("/my-updates", "/groups", "/plans")) {
            page.navigate(url(path));
            Browser.assertAccessible(page);
        }
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tower Hamlets Children and Families Plan 2016-19")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Find and filter actions")).click();
        page.getByLabel("Search the action text and latest narratives").fill("asthma");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply filters")).click();
        assertThat(page.locator("#results caption")).hasText("2 actions match");
        Browser.assertAccessible(page);
    }

    @Test
    void theAdministratorsPagesAreAccessible() {
        Page page = browser.newPage();
        signIn(page, "coordinator");
        for (String path : List.of("/admin", "/admin/users", "/admin/users/new", "/admin/agencies", "/admin/tokens",
                "/admin/audit", "/admin/plans/load", "/admin/indicators/load")) {
            page.navigate(url(path));
            Browser.assertAccessible(page);
        }
        page.navigate(url("/plans"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tower Hamlets Children and Families Plan 2016-19")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Update rounds")).click();
        assertThat(page.locator("h1")).hasText("Update rounds");
        Browser.assertAccessible(page);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        assertThat(page.getByText("You have signed out")).isVisible();
    }
}
