package org.canopy.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import org.canopy.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/** A person walks the demo plan in Chromium, makes a mistake in an update, corrects it and sees the roll-up. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"canopy.demo.enabled=true", "server.address=127.0.0.1"})
@ContextConfiguration(initializers = TestDatabase.class)
@ExtendWith(BrowserAvailable.class)
@Tag("browser")
class PlanJourneyBrowserTest {

    static Browser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void start() {
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    void signIn(Page page, String username) {
        page.navigate(url("/"));
        assertThat(page).hasTitle("Sign in – Canopy");
        Browser.assertAccessible(page);
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill("demo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    }

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
                "/admin/audit", "/admin/plans/load")) {
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
