package org.canopy.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The data journey in Chromium: the police contributor submits the round's figures with a mistake, then
 * correctly; the coordinator accepts them and escalates an indicator; every data page is axe-core clean.
 */
class DataJourneyBrowserTest extends BrowserJourney {

    @Test
    void aContributorSubmitsWithAMistakeThenCorrectlyAndTheFiguresAreAccepted() {
        Page page = browser.newPage();
        signIn(page, "police");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Data").setExact(true)).click();
        assertThat(page.locator("h1")).hasText("Multi-agency data dashboard");
        Browser.assertAccessible(page);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("^2021-22-Q1 \\(not started"))).click();
        assertThat(page.locator("h1")).hasText("2021-22-Q1 figures");
        Browser.assertAccessible(page);

        // Mistakes: a count with a fraction, a phone number in a narrative, no overall narrative.
        page.getByLabel("Value").first().fill("812.5");
        page.getByLabel("Narrative").first().fill("More reports since April; call 020 7946 0123 for details");
        page.getByLabel("Value").nth(1).fill("37");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit for review")).click();
        assertThat(page).hasTitle(Pattern.compile("^Error: "));
        assertThat(page.locator(".govuk-error-summary")).containsText("A count must be a whole number");
        assertThat(page.locator(".govuk-error-summary")).containsText("looks like a phone number");
        assertThat(page.locator(".govuk-error-summary")).containsText("Enter an overall narrative");
        assertThat(page.getByLabel("Value").nth(1)).hasValue("37");
        Browser.assertAccessible(page);

        page.getByLabel("Value").first().fill("812");
        page.getByLabel("Narrative").first().fill("More reports since April as lockdown eased");
        page.getByLabel("Narrative").nth(1).fill("Similar to the same quarter last year");
        page.getByLabel("Overall narrative").fill("Domestic abuse reports rose as lockdown eased.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit for review")).click();
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("submitted for review");
        assertThat(page.locator("table").first()).containsText("812");
        Browser.assertAccessible(page);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();

        Page admin = browser.newPage();
        signIn(admin, "coordinator");
        admin.navigate(url("/data/rounds"));
        Browser.assertAccessible(admin);
        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("2021-22-Q1")).click();
        assertThat(admin.locator("h1")).hasText("The 2021-22-Q1 data round");
        Browser.assertAccessible(admin);
        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Metropolitan Police")).click();
        admin.getByLabel("Accept: the figures join the dashboard").check();
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the review")).click();
        assertThat(admin.locator(".govuk-notification-banner--success")).containsText("Accepted");

        admin.navigate(url("/dashboard/indicators/DOMESTIC_ABUSE_CASES"));
        assertThat(admin.locator("table").first()).containsText("812");
        Browser.assertAccessible(admin);
        admin.getByLabel("Why the executive needs to act").fill("A sharp rise in reported domestic abuse.");
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Escalate")).click();
        assertThat(admin.locator(".govuk-notification-banner--success")).containsText("Escalated to the executive");
        Browser.assertAccessible(admin);
        // Check before it counts: an upload is previewed (with the rate it disagrees with), then stored.
        admin.navigate(url("/dashboard/import"));
        admin.getByLabel("File of figures").setInputFiles(new com.microsoft.playwright.options.FilePayload("history.csv", "text/csv",
                "indicator,period,area,value,narrative\nCIN_COUNT,2018-19,,2800,\nCIN_RATE,2018-19,,500,\nCP_COUNT,2018-19,,200,\nCP_RATE,2018-19,,28,\n"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import")).click();
        assertThat(admin.locator("caption").first()).containsText("4 new figures");
        assertThat(admin.locator(".govuk-warning-text").first()).containsText("imply different populations");
        Browser.assertAccessible(admin);
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Store the figures")).click();
        assertThat(admin).hasTitle(Pattern.compile("^Error: "));
        Browser.assertAccessible(admin);
        for (int row = 2; row <= 5; row++) {
            admin.getByLabel(Pattern.compile("^Row " + row + ":")).fill("The 2018-19 rates are provisional");
        }
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Store the figures")).click();
        assertThat(admin.locator(".govuk-notification-banner--success")).containsText("Stored 4 figures");
        Browser.assertAccessible(admin);
        for (String path : List.of("/dashboard", "/dashboard/indicators/CIN_COUNT", "/dashboard/indicators/CHILDREN_AGED_0_17",
                "/dashboard/import", "/dashboard/areas", "/data/escalations", "/admin/outbox", "/data/quality", "/data/uploads")) {
            admin.navigate(url(path));
            Browser.assertAccessible(admin);
        }
        Page anonymous = browser.newPage();
        anonymous.navigate(url("/public/indicators"));
        Browser.assertAccessible(anonymous);
    }
}
