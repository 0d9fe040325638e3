package org.canopy.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

/**
 * The administrator adds a person, who signs in and changes their own password in Chromium: refused for a wrong
 * current password and a common new one, then changed; the old password then fails and the new one works.
 */
class PasswordJourneyBrowserTest extends BrowserJourney {

    static final String FIRST = "kettle ferns saucepan";
    static final String CHOSEN = "plum harbour silent engine";

    @Test
    void aPersonChangesTheirOwnPassword() {
        Page page = browser.newPage();
        signIn(page, "coordinator");
        page.navigate(url("/admin/users/new"));
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Pat Journey");
        page.getByLabel("Username").fill("pat.journey");
        page.getByLabel("First password").fill("Password123!");
        page.getByLabel("Role").selectOption("VIEWER");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add person")).click();
        assertThat(page.locator(".govuk-error-summary")).containsText("That password is on lists of common or leaked passwords");
        Browser.assertAccessible(page);
        page.getByLabel("First password").fill("zx8#Lq2!vR9m");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add person")).click();
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("Added Pat Journey (pat.journey)");
        // Pat forgets it at once: the administrator sets another, under the same rule.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Set password for Pat Journey")).click();
        assertThat(page).hasTitle("Set a new password – Canopy");
        Browser.assertAccessible(page);
        page.getByLabel("New password").fill("qwertyuiop123");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set password")).click();
        assertThat(page.locator(".govuk-error-summary")).containsText("That password is on lists of common or leaked passwords");
        Browser.assertAccessible(page);
        page.getByLabel("New password").fill(FIRST);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set password")).click();
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("Set a new password for Pat Journey");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();

        signInWith(page, "pat.journey", FIRST);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Change password")).click();
        assertThat(page).hasTitle("Change your password – Canopy");
        Browser.assertAccessible(page);

        change(page, "not my password", CHOSEN, CHOSEN);
        assertThat(page).hasTitle("Error: Change your password – Canopy");
        assertThat(page.locator(".govuk-error-summary")).containsText("Your current password is not right. Enter it again");
        Browser.assertAccessible(page);
        page.locator(".govuk-error-summary").getByRole(AriaRole.LINK).first().click();
        assertThat(page.getByLabel("Current password")).isFocused();

        change(page, FIRST, "Password123!", "Password123!");
        assertThat(page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true))).hasAccessibleDescription(java.util.regex.Pattern.compile(
                "At least 12 characters.*Error:\\s+That password is on lists of common or leaked passwords"));
        Browser.assertAccessible(page);

        change(page, FIRST, CHOSEN, CHOSEN);
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("Your password has been changed");
        Browser.assertAccessible(page);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();

        signInWith(page, "pat.journey", FIRST);
        assertThat(page.locator(".govuk-error-summary")).containsText("Enter a correct username and password");
        signInWith(page, "pat.journey", CHOSEN);
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Change password"))).isVisible();
    }

    void signInWith(Page page, String username, String password) {
        page.navigate(url("/sign-in"));
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    }

    static void change(Page page, String current, String chosen, String confirmed) {
        page.getByLabel("Current password").fill(current);
        page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill(chosen);
        page.getByLabel("Confirm new password").fill(confirmed);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change password")).click();
    }
}
