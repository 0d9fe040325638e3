package org.canopy.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The governance journey in Chromium: the quality assurance group's chair schedules a meeting (for today), builds its agenda
 * (the standing escalation item is there by itself), records attendance, an action and a decision, and escalates an
 * item to the Executive; the executive decides and the group sees the outcome; the arrangements, terms of reference
 * and linked boards are read; every page is axe-core clean.
 */
class GovernanceJourneyBrowserTest extends BrowserJourney {

    @Test
    void aChairRunsAMeetingAndEscalatesAndTheExecutiveDecides() {
        Page page = browser.newPage();
        signIn(page, "chair");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Groups").setExact(true)).click();
        Browser.assertAccessible(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Quality Assurance and Performance Group")).first().click();
        assertThat(page.locator("h1")).hasText("Quality Assurance and Performance Group");
        Browser.assertAccessible(page);
        String groupPage = page.url();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Terms of reference")).click();
        assertThat(page.locator("main")).containsText("reviewing multi-agency data");
        Browser.assertAccessible(page);
        page.getByLabel("Quorum: members present").fill("two");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save a new version")).click();
        assertThat(page).hasTitle(Pattern.compile("^Error: "));
        assertThat(page.locator(".govuk-error-summary")).containsText("The quorum must be a whole number");
        Browser.assertAccessible(page);
        page.getByLabel("Quorum: members present").fill("1");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save a new version")).click();
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("Saved version 2");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Printable terms of reference")).click();
        assertThat(page.locator("h1")).containsText("terms of reference");
        Browser.assertAccessible(page);
        page.navigate(groupPage);

        // Schedule a meeting a week ahead; its agenda holds the standing escalation item by itself.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Meetings and agendas")).click();
        Browser.assertAccessible(page);
        fillDate(page, "Date", LocalDate.now().toString()); // today, so that its attendance can be recorded in the journey
        page.getByLabel("Place (optional)").fill("Online");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Schedule meeting")).click();
        assertThat(page.locator("h1")).containsText("Meeting on");
        assertThat(page.locator("main")).containsText("Escalations to the Executive");
        Browser.assertAccessible(page);
        String meetingPage = page.url();
        page.getByLabel("Item", new Page.GetByLabelOptions().setExact(true)).fill("Quarterly data dashboard");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add item")).click();
        assertThat(page.locator("main")).containsText("Quarterly data dashboard");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Printable agenda pack")).click();
        assertThat(page.locator("main")).containsText("Quarterly data dashboard");
        Browser.assertAccessible(page);
        page.navigate(meetingPage);

        page.getByLabel("Present").first().check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record attendance")).click();
        assertThat(page.locator("main")).containsText("Quorate");
        Browser.assertAccessible(page);
        page.getByLabel("Action", new Page.GetByLabelOptions().setExact(true)).fill("Share the dashboard with the priority groups");
        // Without an owner the action is refused, and the page says so.
        fillDate(page, "Due date", LocalDate.now().plusDays(30).toString());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Raise action")).click();
        assertThat(page.locator(".govuk-error-summary")).isVisible();
        Browser.assertAccessible(page);
        page.getByLabel("Owner").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Group chair (Quality Assurance and Performance)"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Raise action")).click();
        assertThat(page.locator(".govuk-notification-banner--success")).isVisible();
        assertThat(page.locator("main")).containsText("Share the dashboard with the priority groups");
        page.getByLabel("Record a decision").fill("The dashboard goes to every priority group each quarter");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record decision")).click();
        assertThat(page.locator(".govuk-notification-banner--success")).isVisible();
        assertThat(page.locator("main")).containsText("The dashboard goes to every priority group each quarter");
        Browser.assertAccessible(page);
        page.navigate(url("/governance/decisions"));
        assertThat(page.locator("main")).containsText("The dashboard goes to every priority group each quarter");
        Browser.assertAccessible(page);

        // Escalate to the Executive from the group's page.
        page.navigate(groupPage);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Action list")).click();
        assertThat(page.locator("main")).containsText("Share the dashboard with the priority groups");
        Browser.assertAccessible(page);
        page.navigate(groupPage);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Escalate an item to the Executive")).click();
        Browser.assertAccessible(page);
        page.getByLabel("Subject").fill("Late health submissions");
        page.getByLabel("Why the Executive must decide").fill("Two quarters of health figures are missing");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Escalate")).click();
        assertThat(page.locator("h1")).hasText("Late health submissions");
        Browser.assertAccessible(page);

        Page executive = browser.newPage();
        signIn(executive, "executive");
        executive.navigate(url("/governance/executive"));
        assertThat(executive.locator("main")).containsText("Late health submissions");
        Browser.assertAccessible(executive);
        executive.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Late health submissions")).first().click();
        executive.getByLabel("Decision", new Page.GetByLabelOptions().setExact(true)).fill("The health partner will report at the next meeting");
        executive.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record decision")).click();
        assertThat(executive.locator("main")).containsText("The health partner will report at the next meeting");
        Browser.assertAccessible(executive);
        executive.navigate(url("/governance/escalations"));
        Browser.assertAccessible(executive);
        executive.navigate(url("/news"));
        Browser.assertAccessible(executive);
        executive.getByLabel("Title").fill("Executive meeting");
        executive.getByLabel("Key discussion points").fill("The priority groups' action plans were agreed.");
        fillDate(executive, "Date of the meeting", LocalDate.now().toString());
        executive.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish and send")).click();
        assertThat(executive.locator("main")).containsText("The priority groups' action plans were agreed.");
        Browser.assertAccessible(executive);

        // The outcome comes back to the escalating group's page.
        page.navigate(groupPage);
        assertThat(page.locator("main")).containsText("The health partner will report at the next meeting");
        Browser.assertAccessible(page);
    }

    @Test
    void theArrangementsAndLinkedBoardsAreReadSignedInAndInPublic() {
        Page page = browser.newPage();
        signIn(page, "coordinator");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Arrangements").setExact(true)).click();
        assertThat(page.locator("main")).containsText("North East London Integrated Care Board");
        assertThat(page.locator("main")).containsText("James Thomas");
        Browser.assertAccessible(page);
        page.navigate(url("/governance/arrangements/edit"));
        Browser.assertAccessible(page);
        page.navigate(url("/governance/arrangements/versions/1"));
        Browser.assertAccessible(page);
        page.navigate(url("/governance/boards"));
        assertThat(page.locator("main")).containsText("Safeguarding Adults Board");
        assertThat(page.locator("main")).containsText("All Age Exploitation");
        Browser.assertAccessible(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Health and Wellbeing Board")).first().click();
        // The board's page must have loaded before axe-core reads it (it once read the page still blank).
        assertThat(page.locator("h1")).containsText("Health and Wellbeing Board");
        Browser.assertAccessible(page);

        page.navigate(url("/admin/agencies"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Period and successor of Tower Hamlets Clinical Commissioning Group")).click();
        assertThat(page.locator("main")).containsText("North East London Integrated Care Board");
        Browser.assertAccessible(page);

        Page visitor = browser.newPage();
        visitor.navigate(url("/public/arrangements"));
        assertThat(visitor.locator("main")).containsText("North East London Integrated Care Board");
        Browser.assertAccessible(visitor);
    }
}
