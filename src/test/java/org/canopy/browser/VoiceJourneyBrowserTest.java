package org.canopy.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The children's voice journey in Chromium: the coordinator reads the report's feedback, adds an item (first with a phone
 * number, refused), changes it, adds a theme and records a published "you said, we did" on it, which the public page
 * shows without sign-in, as does the public factsheet; every page is axe-core clean.
 */
class VoiceJourneyBrowserTest extends BrowserJourney {

    private static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);

    private static com.microsoft.playwright.Locator ppeRow(Page page) {
        return page.locator("tr").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("PPE used in mental health settings"));
    }

    @Test
    void theCoordinatorRecordsWhatWasDoneAndThePublicPageShowsIt() {
        Page coordinator = browser.newPage();
        signIn(coordinator, "coordinator");
        coordinator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Children's voice").setExact(true)).click();
        assertThat(coordinator.locator("h1")).hasText("Children's voice");
        Browser.assertAccessible(coordinator);

        coordinator.navigate(url("/voice/feedback"));
        assertThat(coordinator.locator("main")).containsText("Exposure to Domestic Abuse");
        Browser.assertAccessible(coordinator);
        coordinator.getByLabel("Source", EXACT).selectOption(new SelectOption().setLabel("Asked during priority setting"));
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter the log")).click();
        assertThat(coordinator.locator("caption")).containsText("25 items");

        coordinator.navigate(url("/voice/feedback/new"));
        Browser.assertAccessible(coordinator);
        coordinator.getByLabel("What was said", EXACT).fill("We want youth clubs open later. Call me on 07700 900123");
        coordinator.getByLabel("Where it was heard", EXACT).selectOption(new SelectOption().setLabel("Workshop"));
        coordinator.getByLabel("Who said it", EXACT).selectOption(new SelectOption().setLabel("Children and young people"));
        coordinator.getByLabel("Age band", EXACT).selectOption(new SelectOption().setLabel("14 to 15"));
        coordinator.getByLabel("Financial year it was heard in", EXACT).fill("2021-22");
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to the log")).click();
        assertThat(coordinator).hasTitle(Pattern.compile("^Error: "));
        assertThat(coordinator.locator(".govuk-error-summary")).containsText("looks like");
        Browser.assertAccessible(coordinator);
        coordinator.getByLabel("What was said", EXACT).fill("We want youth clubs open later in the evening");
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to the log")).click();
        assertThat(coordinator.locator(".govuk-notification-banner--success")).containsText("Added to the feedback log");
        assertThat(coordinator.locator("main")).containsText("Financial year 2021-22");
        Browser.assertAccessible(coordinator);

        coordinator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Change this item")).click();
        Browser.assertAccessible(coordinator);
        coordinator.getByLabel("Context (optional)", EXACT).fill("Asked what would help in the holidays");
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
        assertThat(coordinator.locator("main")).containsText("Asked what would help in the holidays");

        coordinator.navigate(url("/voice/themes"));
        assertThat(coordinator.locator("main")).containsText("Support for partners");
        Browser.assertAccessible(coordinator);
        coordinator.getByLabel("Theme", new Page.GetByLabelOptions().setExact(true)).fill("Places to go");
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add theme")).click();
        assertThat(coordinator.locator("h1")).hasText("Places to go");
        Browser.assertAccessible(coordinator);
        coordinator.getByLabel("What was done", EXACT).fill("Two youth centres opened until nine on Fridays");
        coordinator.getByLabel("Who did it", EXACT).fill("The youth service");
        coordinator.getByLabel("Yes", EXACT).check();
        coordinator.getByLabel("How they were told (if they were)", EXACT).fill("At the youth council");
        coordinator.getByLabel("Plain words for children and families", EXACT).fill("Two youth centres now stay open until 9pm on Fridays");
        coordinator.getByLabel("Publish on the public \"you said, we did\" page", EXACT).check();
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record what was done")).click();
        assertThat(coordinator.locator(".govuk-notification-banner--success")).containsText("Recorded what was done");
        Browser.assertAccessible(coordinator);

        coordinator.navigate(url("/voice/you-said-we-did"));
        assertThat(coordinator.locator("main")).containsText("Two youth centres opened until nine on Fridays");
        Browser.assertAccessible(coordinator);
        ppeRow(coordinator).getByRole(AriaRole.BUTTON).click();
        assertThat(coordinator.locator(".govuk-notification-banner--success")).containsText("Taken off the public page");
        ppeRow(coordinator).getByRole(AriaRole.BUTTON).click();
        assertThat(coordinator.locator(".govuk-notification-banner--success")).containsText("Published on the public page");
        coordinator.navigate(url("/voice/factsheet/2020-21"));
        assertThat(coordinator.locator("main")).containsText("things were heard and recorded in 2020-21");
        Browser.assertAccessible(coordinator);

        Page visitor = browser.newPage();
        visitor.navigate(url("/public/you-said-we-did"));
        assertThat(visitor.locator("main")).containsText("Two youth centres now stay open until 9pm on Fridays");
        assertThat(visitor.locator("main")).containsText("Places to go");
        Browser.assertAccessible(visitor);
        visitor.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("The views of children and young people, 2020-21")).click();
        assertThat(visitor.locator("main")).containsText("shown as \"c\"");
        Browser.assertAccessible(visitor);
    }
}
