package org.canopy.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A person walks the demo plan in Chromium, makes a mistake in an update, corrects it and sees the roll-up; the
 * administrator names an updater, tags an action for the partnership and sees who is late.
 */
class PlanJourneyBrowserTest extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;

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
        // A group's page, from the first group on the list.
        page.navigate(url("/groups"));
        var group = page.locator("main table a").first();
        String groupName = group.textContent().strip();
        group.click();
        assertThat(page.locator("h1")).hasText(groupName);
        Browser.assertAccessible(page);
        // The accessibility statement, from the footer every page carries.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Accessibility").setExact(true)).click();
        assertThat(page.locator("h1")).hasText("Accessibility statement for Canopy");
        Browser.assertAccessible(page);
        page.navigate(url("/plans"));
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
        assertThat(page.locator("#nobody")).hasText("Actions nobody can update");
        Browser.assertAccessible(page);

        // Naming an updater for an action nobody can update: first with nothing chosen, then properly.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Name updater")).click();
        assertThat(page.locator(".govuk-error-summary")).containsText("Choose the action that needs an updater");
        Browser.assertAccessible(page);
        String action = page.locator("#updaterAction option").nth(1).getAttribute("value");
        page.locator("#updaterAction").selectOption(action);
        page.locator("#updater").selectOption(new SelectOption().setLabel("Police contributor, Metropolitan Police (Agency contributor)"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Name updater")).click();
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("Police contributor now updates action");
        Browser.assertAccessible(page);
        page.navigate(url("/actions/" + action));
        assertThat(page.getByText("named by the administrator")).isVisible();
        Browser.assertAccessible(page);

        // The partnership's own cross-cutting tag, made on the action page, then found by the filter.
        page.getByLabel("Holistic support that is easy to access").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save tags")).click();
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("cross-cutting tags on this action are saved");
        assertThat(page.getByText("the partnership’s tag, made in Canopy")).isVisible();
        Browser.assertAccessible(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tower Hamlets Children and Families Plan 2016-19")).click();
        Browser.assertAccessible(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Find and filter actions")).click();
        page.getByLabel("Cross-cutting priority").selectOption(new SelectOption().setLabel("Holistic support that is easy to access"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply filters")).click();
        assertThat(page.locator("#results caption")).hasText("1 action matches");
        Browser.assertAccessible(page);

        // Past the round's due date, My updates shows the administrator who is late.
        jdbc.sql("update update_round set due_date = ? where closed_at is null").param(LocalDate.now().minusDays(1)).update();
        try {
            page.navigate(url("/my-updates"));
            assertThat(page.locator("h2").filter(new Locator.FilterOptions().setHasText("Who is late"))).isVisible();
            assertThat(page.locator("table").last()).containsText("Health contributor");
            Browser.assertAccessible(page);
        } finally {
            jdbc.sql("update update_round set due_date = ? where closed_at is null").param(LocalDate.now().plusDays(14)).update();
            jdbc.sql("delete from plan_action_updater").update();
            jdbc.sql("delete from plan_action_cross_cutting where tagged_by is not null").update();
        }
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        assertThat(page.getByText("You have signed out")).isVisible();
    }
}
