package org.canopy.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.canopy.support.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/** A journey through the demo in Chromium: the running application on a random port, one Chromium for all journeys. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"canopy.demo.enabled=true", "server.address=127.0.0.1"})
@ContextConfiguration(initializers = TestDatabase.class)
@Import(RenderedViews.class)
@ExtendWith(BrowserAvailable.class)
@Tag("browser")
abstract class BrowserJourney {

    static Browser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void start(TestInfo test) {
        browser = Browser.shared();
        test.getTestClass().ifPresent(RenderedViews.JOURNEYS_RUN::add);
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Fills the GOV.UK date input whose legend is {@code legend} (exactly) with an ISO date, as day, month and year. */
    static void fillDate(Page page, String legend, String iso) {
        var group = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(legend).setExact(true));
        var parts = iso.split("-");
        group.getByLabel("Day").fill(String.valueOf(Integer.parseInt(parts[2])));
        group.getByLabel("Month").fill(String.valueOf(Integer.parseInt(parts[1])));
        group.getByLabel("Year").fill(parts[0]);
    }

    /** Signs in through the sign-in page, checking that page with axe-core on the way. */
    void signIn(Page page, String username) {
        page.navigate(url("/"));
        assertThat(page).hasTitle("Sign in – Canopy");
        Browser.assertAccessible(page);
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill("demo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    }
}
