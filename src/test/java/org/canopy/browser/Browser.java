package org.canopy.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Debian's Chromium driven by Playwright (no browser download), with an axe-core check per page. */
final class Browser implements AutoCloseable {

    static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;

    Browser() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(BrowserAvailable.CHROMIUM).setHeadless(true).setArgs(ARGS));
    }

    Page newPage() {
        return chromium.newContext().newPage();
    }

    /** Runs axe-core (WCAG 2.2 A and AA rules) and fails with the violations listed. */
    static void assertAccessible(Page page) {
        var results = new AxeBuilder(page)
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"))
                .analyze();
        var violations = results.getViolations().stream()
                .map(v -> v.getId() + ": " + v.getHelp() + " at " + v.getNodes().stream()
                        .map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                .toList();
        assertThat(violations).as("axe-core violations on %s", page.url()).isEmpty();
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}
