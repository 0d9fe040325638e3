package org.canopy.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The risk journey in Chromium: the coordinator reads the demo's Covid-19 risks, raises a risk for the quality assurance
 * group, scores it above tolerance (first with nothing chosen for impact, refused), reviews it and changes it; the
 * Executive's overview lists it; the chair closes it with a note; every page is axe-core clean.
 */
class RiskJourneyBrowserTest extends BrowserJourney {

    @Test
    void aRiskIsRaisedScoredReviewedAndReachesTheExecutive() {
        Page coordinator = browser.newPage();
        signIn(coordinator, "coordinator");
        coordinator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Risks").setExact(true)).click();
        assertThat(coordinator.locator("h1")).hasText("Risk register");
        assertThat(coordinator.locator("main")).containsText("Ensuring that shielding children are correctly identified.");
        Browser.assertAccessible(coordinator);
        coordinator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ensuring that shielding children are correctly identified.")).click();
        assertThat(coordinator.locator("main")).containsText("Not scored: the annual report gives no score");
        Browser.assertAccessible(coordinator);

        coordinator.navigate(url("/risks"));
        coordinator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add a risk")).click();
        Browser.assertAccessible(coordinator);
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add risk")).click();
        assertThat(coordinator).hasTitle(Pattern.compile("^Error: "));
        Browser.assertAccessible(coordinator);
        coordinator.getByLabel("Risk", new Page.GetByLabelOptions().setExact(true)).fill("Audit actions are not finished on time");
        coordinator.getByLabel("Cause (optional)").fill("Too few auditors after the pandemic");
        coordinator.getByLabel("Quality Assurance and Performance Group").check();
        coordinator.getByLabel("Controls (optional)").fill("Monthly tracker of audit actions\nChair chases late actions");
        coordinator.getByLabel("Review cadence").selectOption(new SelectOption().setLabel("Monthly"));
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add risk")).click();
        assertThat(coordinator.locator("h1")).hasText("Audit actions are not finished on time");
        assertThat(coordinator.locator("main")).containsText("Monthly tracker of audit actions");
        Browser.assertAccessible(coordinator);
        String risk = coordinator.url();

        coordinator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Score the risk")).click();
        Browser.assertAccessible(coordinator);
        coordinator.locator("#currentLikelihood").selectOption("5");
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save scores")).click();
        assertThat(coordinator.locator(".govuk-error-summary")).containsText("The current score: impact");
        Browser.assertAccessible(coordinator);
        coordinator.locator("#inherentLikelihood").selectOption("5");
        coordinator.locator("#inherentImpact").selectOption("5");
        coordinator.locator("#currentImpact").selectOption("4");
        coordinator.locator("#targetLikelihood").selectOption("2");
        coordinator.locator("#targetImpact").selectOption("3");
        coordinator.getByLabel("Why (optional)").fill("Three audits overdue this quarter");
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save scores")).click();
        assertThat(coordinator.locator("main")).containsText("Above tolerance");
        assertThat(coordinator.locator("#score-history")).containsText("Three audits overdue this quarter");
        Browser.assertAccessible(coordinator);

        coordinator.getByLabel("What is to be done").fill("Recruit two more auditors");
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add action")).click();
        assertThat(coordinator.locator("#actions")).containsText("Recruit two more auditors");

        coordinator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Record a review")).click();
        Browser.assertAccessible(coordinator);
        coordinator.getByLabel("What the review found").fill("The tracker shows two audits still late");
        coordinator.locator("#currentLikelihood").selectOption("4");
        coordinator.locator("#currentImpact").selectOption("4");
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record review")).click();
        assertThat(coordinator.locator("#reviews")).containsText("The tracker shows two audits still late");
        Browser.assertAccessible(coordinator);

        coordinator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Change the risk")).click();
        Browser.assertAccessible(coordinator);
        coordinator.getByLabel("Effect (optional)").fill("Learning from audits reaches practice late");
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
        assertThat(coordinator.locator("main")).containsText("Learning from audits reaches practice late");

        coordinator.navigate(url("/risks"));
        assertThat(coordinator.locator("#top-risks")).containsText("Audit actions are not finished on time");
        assertThat(coordinator.locator("#heat-l4-i4")).containsText("1");
        Browser.assertAccessible(coordinator);
        coordinator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Inherent (before controls)")).click();
        assertThat(coordinator.locator("#heat-l5-i5")).containsText("1");
        Browser.assertAccessible(coordinator);

        Page executive = browser.newPage();
        signIn(executive, "executive");
        executive.navigate(url("/governance/executive"));
        assertThat(executive.locator("main")).containsText("Risk: Audit actions are not finished on time");
        Browser.assertAccessible(executive);

        Page chair = browser.newPage();
        signIn(chair, "chair");
        chair.navigate(risk);
        chair.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Close the risk")).click();
        Browser.assertAccessible(chair);
        chair.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close risk")).click();
        assertThat(chair.locator(".govuk-error-summary")).containsText("Enter the closing note");
        Browser.assertAccessible(chair);
        chair.getByLabel("Why the risk is closed").fill("Two auditors joined and the audits are up to date");
        chair.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close risk")).click();
        assertThat(chair.locator("main")).containsText("Two auditors joined and the audits are up to date");
        Browser.assertAccessible(chair);
    }
}
