package org.canopy.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The funding journey in Chromium: the coordinator reads the report's 2020-21 table and its deficit, enters the budget
 * of 2021-22 (the deficit carried forward, a contribution refused when negative and then saved, an outgoing, a
 * contribution in kind, the basis of the shares), reads its balance; the executive records the police's sign-off;
 * the statement, once published, is read without signing in; every page is axe-core clean.
 */
class FundingJourneyBrowserTest extends BrowserJourney {

    @Test
    void aYearsBudgetIsEnteredAndItsBalanceRead() {
        Page coordinator = browser.newPage();
        signIn(coordinator, "coordinator");
        coordinator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Funding").setExact(true)).click();
        assertThat(coordinator.locator("h1")).hasText("Funding");
        assertThat(coordinator.locator("main")).containsText("A deficit of £10,820.00");
        Browser.assertAccessible(coordinator);
        coordinator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("2020-21").setExact(true)).click();
        assertThat(coordinator.locator("main")).containsText("£204,550.00");
        assertThat(coordinator.locator("main")).containsText("£215,370.00");
        Browser.assertAccessible(coordinator);

        coordinator.navigate(url("/funding"));
        coordinator.getByLabel("Financial year").fill("2021-22");
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add year")).click();
        assertThat(coordinator.locator("h1")).hasText("The shared budget 2021-22");
        assertThat(coordinator.locator("main")).containsText("Carried forward from 2020-21");
        Browser.assertAccessible(coordinator);

        coordinator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add a contribution").setExact(true)).click();
        Browser.assertAccessible(coordinator);
        coordinator.getByLabel("Agency").selectOption(new SelectOption().setLabel("Metropolitan Police"));
        coordinator.getByLabel("Amount received (optional)").fill("-5000");
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save contribution")).click();
        assertThat(coordinator).hasTitle(Pattern.compile("^Error: "));
        assertThat(coordinator.locator(".govuk-error-summary")).containsText("negative amount is not accepted");
        Browser.assertAccessible(coordinator);
        coordinator.getByLabel("Amount received (optional)").fill("£5,000.50");
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save contribution")).click();
        assertThat(coordinator.locator("#income")).containsText("£5,000.50");

        coordinator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add an outgoing")).click();
        Browser.assertAccessible(coordinator);
        coordinator.getByLabel("Kind of outgoing").selectOption(new SelectOption().setLabel("Training"));
        coordinator.getByLabel("The line, in the partnership’s words").fill("Multi-agency training");
        coordinator.getByLabel("Budget (optional)").fill("2000");
        coordinator.getByLabel("Actual to date (optional)").fill("1,500.25");
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save outgoing")).click();
        assertThat(coordinator.locator("#outgoings")).containsText("£499.75");
        // -£10,820.00 carried forward + £5,000.50 received - £1,500.25 spent
        assertThat(coordinator.locator("main")).containsText("A deficit of £7,319.75");
        Browser.assertAccessible(coordinator);

        coordinator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add a contribution in kind")).click();
        Browser.assertAccessible(coordinator);
        coordinator.getByLabel("Agency").selectOption(new SelectOption().setLabel("Metropolitan Police"));
        coordinator.getByLabel("What was given").selectOption(new SelectOption().setLabel("Chairing"));
        coordinator.getByLabel("Hours (optional)").fill("12");
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save contribution in kind")).click();
        assertThat(coordinator.locator("#in-kind")).containsText("Chairing");

        coordinator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Basis and lead partners")).click();
        Browser.assertAccessible(coordinator);
        coordinator.getByLabel("Equal thirds").check();
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save basis and lead partners")).click();
        assertThat(coordinator.locator("main")).containsText("Basis: Equal thirds");
        Browser.assertAccessible(coordinator);

        Page executive = browser.newPage();
        signIn(executive, "executive");
        executive.navigate(url("/funding/2021-22"));
        executive.getByLabel("Lead safeguarding partner").selectOption(new SelectOption().setLabel("Police"));
        executive.getByLabel("Who signed off").fill("The chief officer of police");
        fillDate(executive, "Date of the sign-off", LocalDate.now().minusDays(1).toString());
        executive.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record sign-off")).click();
        assertThat(executive.locator("#content")).containsText("by The chief officer of police");
        Browser.assertAccessible(executive);

        coordinator.navigate(url("/funding/2021-22"));
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish the statement")).click();
        Page anyone = browser.newPage();
        anyone.navigate(url("/public/funding/2021-22"));
        assertThat(anyone.locator("h1")).hasText("Funding statement 2021-22");
        assertThat(anyone.locator("main")).containsText("A deficit of £7,319.75");
        assertThat(anyone.locator("main")).containsText("Multi-agency training");
        Browser.assertAccessible(anyone);
    }
}
