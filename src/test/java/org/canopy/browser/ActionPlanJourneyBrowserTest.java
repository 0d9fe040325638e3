package org.canopy.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The action plan in Chromium: the coordinator adds a recommendation from the multi-agency audit, is shown the
 * similar legacy recommendation and links the audit to it instead; the library is filtered by theme; every
 * learning page is axe-core clean.
 */
class ActionPlanJourneyBrowserTest extends BrowserJourney {

    @Test
    void addingARecommendationShowsTheSimilarOnesAndTheLibraryFiltersByTheme() {
        Page page = browser.newPage();
        signIn(page, "coordinator");
        page.navigate(url("/learning/action-plan"));
        assertThat(page.locator("h1")).hasText("The action plan");
        Browser.assertAccessible(page);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add a recommendation")).click();
        assertThat(page.locator("h1")).hasText("Add a recommendation");
        Browser.assertAccessible(page);
        page.getByLabel("Comes from").selectOption(new SelectOption().setLabel(
                "Audit: Multi-agency audit workshop chaired by the Independent Scrutineer: cases of a similar nature to a local learning review"));
        page.getByLabel("Recommendation").fill("Neglect must be identified earlier and responded to like other forms of abuse");
        page.getByLabel("Themes").fill("neglect");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add recommendation")).click();

        assertThat(page.locator("#similar-heading")).hasText("Similar recommendations already in the action plan");
        assertThat(page.locator(".canopy-similar").first()).containsText("Neglect to be identified at an earlier stage");
        assertThat(page.locator(".canopy-similar")).not().containsText(new String[] {"Awareness of Asthma"});
        Browser.assertAccessible(page);
        page.locator(".canopy-similar").first().getByRole(AriaRole.BUTTON).click();
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("now also comes from Audit");
        assertThat(page.locator("h1")).hasText(Pattern.compile("^Neglect to be identified"));
        Browser.assertAccessible(page);

        page.navigate(url("/learning/library"));
        Browser.assertAccessible(page);
        page.getByLabel("Theme").selectOption("neglect");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find learning")).click();
        assertThat(page.locator(".canopy-library-entry h2").first()).hasText("Ollie");
        assertThat(page.locator(".canopy-library-entry h2")).not().containsText(new String[] {"Kamrul"});
        Browser.assertAccessible(page);
        page.getByLabel("Theme").selectOption("asthma");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find learning")).click();
        assertThat(page.locator(".canopy-library-entry h2").first()).hasText("Kamrul");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Kamrul")).click();
        assertThat(page.locator("h1")).hasText("Kamrul");
        Browser.assertAccessible(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Seven-minute briefing (not yet written)")).click();
        Browser.assertAccessible(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Write the briefing")).click();
        assertThat(page.locator("h1")).hasText("Write the seven-minute briefing");
        Browser.assertAccessible(page);
        for (String path : List.of("/learning/audits", "/learning/serious-case-reviews", "/learning/briefings")) {
            page.navigate(url(path));
            Browser.assertAccessible(page);
        }
        page.navigate(url("/learning/audits"));
        page.locator("table a").first().click();
        assertThat(page.locator("#follow-up")).containsText("once its date is entered");
        Browser.assertAccessible(page);
    }
}
