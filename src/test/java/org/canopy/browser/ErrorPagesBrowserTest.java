package org.canopy.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A person meets each error page in Chromium, reads what happened and what to do, and carries on; every page's
 * stylesheets, fonts and images load (nothing the pages ask for answers an error).
 */
class ErrorPagesBrowserTest extends BrowserJourney {

    @Test
    void errorPagesSayWhatHappenedAndWhatToDo() {
        Page page = browser.newPage();
        List<String> failedLoads = new CopyOnWriteArrayList<>();
        page.onResponse(r -> {
            if (r.status() >= 400 && !"document".equals(r.request().resourceType())) {
                failedLoads.add(r.status() + " " + r.url());
            }
        });
        page.navigate(url("/sign-in"));
        assertThat(page.locator("body")).not().containsText("You have signed out");
        signIn(page, "coordinator");

        var response = page.navigate(url("/actions/abc"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(page.locator("h1")).hasText("Canopy could not read that request");
        assertThat(page).hasTitle("Canopy could not read that request – Canopy");
        Browser.assertAccessible(page);

        response = page.navigate(url("/no-such-page"));
        assertThat(response.status()).isEqualTo(404);
        assertThat(page.locator("h1")).hasText("Page not found");
        Browser.assertAccessible(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Go to the start page")).click();
        assertThat(page.locator("h1")).hasText("Tower Hamlets Safeguarding Children Partnership");

        // An upload over the limit: the field said the limit, the page after says it again.
        page.navigate(url("/dashboard/import"));
        assertThat(page.getByLabel("File of figures")).hasAccessibleDescription("The file must be no larger than 5MB.");
        page.getByLabel("File of figures").setInputFiles(new FilePayload("figures.csv", "text/csv", new byte[6 * 1024 * 1024]));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import")).click();
        assertThat(page.locator("h1")).hasText("The file is too large");
        assertThat(page.locator("main")).containsText("The file must be no larger than 5MB. Nothing was loaded.");
        Browser.assertAccessible(page);

        // A form sent after the session ended.
        page.navigate(url("/admin/users/new"));
        page.context().clearCookies();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add person")).click();
        assertThat(page.locator("h1")).hasText("Your session has ended");
        Browser.assertAccessible(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page).hasTitle("Sign in – Canopy");
        assertThat(page.locator("body")).not().containsText("You have signed out");

        signIn(page, "viewer");
        response = page.navigate(url("/admin"));
        assertThat(response.status()).isEqualTo(403);
        assertThat(page.locator("h1")).hasText("You cannot see this page");
        Browser.assertAccessible(page);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("You have signed out");
        assertThat(failedLoads).isEmpty();
    }
}
