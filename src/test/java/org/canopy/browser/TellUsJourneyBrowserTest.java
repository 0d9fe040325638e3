package org.canopy.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.RequestOptions;
import java.util.regex.Pattern;
import org.canopy.voice.tell.SendingLimit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The tell us page in Chromium on a phone-sized screen: a child writes a message with a phone number in it, is told in
 * words they understand to take it out, corrects it and sends it; a message with danger words shows the help first; the
 * page works without JavaScript; the coordinator finds the messages, the one to look at today first; over the sending
 * limit the page says so plainly. Every page is axe-core clean.
 */
class TellUsJourneyBrowserTest extends BrowserJourney {

    @Autowired
    SendingLimit limit;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void forget() {
        limit.forgetAll();
        jdbc.sql("delete from public_message where words like 'Journey: %'").update();
    }

    private static void send(Page page, String message) {
        page.getByLabel("What do you want us to know?").fill(message);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send my message")).click();
    }

    @Test
    void aChildTellsThePartnershipFromAPhoneAndTheCoordinatorReadsIt() {
        Page child = browser.newPage();
        child.setViewportSize(375, 667);
        child.navigate(url("/public/tell-us"));
        assertThat(child.locator("h1")).hasText("Tell us what you think");
        assertThat(child.locator("main")).containsText("This page is not the way to get help now");
        Browser.assertAccessible(child);

        child.getByLabel("11 to 13").check();
        send(child, "Journey: the bus stop by the park is scary at night. Text me on 07700 900123");
        assertThat(child).hasTitle(Pattern.compile("^Error: "));
        assertThat(child.locator(".govuk-error-summary")).containsText("It looks like you wrote a phone number. Please take it out.");
        assertThat(child.getByLabel("What do you want us to know?")).hasValue(Pattern.compile("Text me on"));
        Browser.assertAccessible(child);
        send(child, "Journey: the bus stop by the park is scary at night. Please put in more lights");
        assertThat(child.locator("h1")).hasText("Thank you, we got your message");
        assertThat(child.locator("main")).containsText("What happens next");
        Browser.assertAccessible(child);

        child.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Send another message")).click();
        send(child, "Journey: someone at home hits me and I am scared to go home");
        assertThat(child.locator(".govuk-notification-banner").first()).containsText("If you or someone else is not safe right now");
        Browser.assertAccessible(child);

        // The same page without JavaScript, as some phones and school networks have it.
        var plain = child.context().browser().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setJavaScriptEnabled(false).setViewportSize(375, 667));
        Page noScript = plain.newPage();
        noScript.navigate(url("/public/tell-us"));
        noScript.getByLabel("I’d rather not say").check();
        send(noScript, "Journey: there should be more youth clubs open in the evening");
        assertThat(noScript.locator("h1")).hasText("Thank you, we got your message");
        plain.close();

        Page coordinator = browser.newPage();
        signIn(coordinator, "coordinator");
        coordinator.navigate(url("/voice/messages"));
        assertThat(coordinator.locator("h1")).hasText("Messages from the tell us page");
        assertThat(coordinator.locator("tbody tr").first()).containsText("Look at today");
        assertThat(coordinator.locator("tbody tr").first()).containsText("someone at home hits me");
        assertThat(coordinator.locator("main")).containsText("the bus stop by the park is scary at night");
        Browser.assertAccessible(coordinator);
        coordinator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("the bus stop by the park"))).click();
        assertThat(coordinator.locator("main")).containsText("11 to 13");
        Browser.assertAccessible(coordinator);
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mark as seen")).click();
        assertThat(coordinator.locator(".govuk-notification-banner--success")).containsText("Marked as seen");
        Browser.assertAccessible(coordinator);

        // Over the limit (filled by a program tripping the honeypot, which keeps nothing), the page says so plainly.
        for (int i = 0; i < 20; i++) {
            child.request().post(url("/api/v1/public/feedback"), RequestOptions.create().setHeader("Content-Type", "application/json")
                    .setData("{\"message\": \"Buy now\", \"website\": \"http://spam.example\"}"));
        }
        child.navigate(url("/public/tell-us"));
        send(child, "Journey: one more thing about the park");
        assertThat(child.locator("h1")).hasText("We can't take more messages just now");
        assertThat(child.getByLabel("What you wrote, so you can copy it and send it later")).hasValue("Journey: one more thing about the park");
        Browser.assertAccessible(child);
    }

    @Test
    void whenStoringFailsTheChildSeesTheHelpFirstAndSendsTheSameWordsAgain() {
        Page child = browser.newPage();
        child.setViewportSize(375, 667);
        child.navigate(url("/public/tell-us"));
        jdbc.sql("alter table public_message rename to public_message_out_of_reach").update();
        try {
            send(child, "Journey: the lights in the underpass are broken");
            assertThat(child).hasTitle(Pattern.compile("^Error: "));
            assertThat(child.locator(".govuk-notification-banner").first()).containsText("If you or someone else is not safe right now");
            assertThat(child.locator("#not-kept")).containsText("We could not keep your message");
            assertThat(child.getByLabel("What do you want us to know?")).hasValue("Journey: the lights in the underpass are broken");
            Browser.assertAccessible(child);
        } finally {
            jdbc.sql("alter table public_message_out_of_reach rename to public_message").update();
        }
        send(child, "Journey: the lights in the underpass are broken");
        assertThat(child.locator("h1")).hasText("Thank you, we got your message");
    }
}
