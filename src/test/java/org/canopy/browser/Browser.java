package org.canopy.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.playwright.AxeBuilder;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

    private static Browser shared;

    /**
     * One Chromium for every journey in this JVM (each page still gets a fresh context, so no cookies are shared):
     * starting Playwright and Chromium per journey class cost seconds each. Closed when the JVM ends.
     */
    static synchronized Browser shared() {
        if (shared == null) {
            shared = new Browser();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    /** A page in a fresh context (no cookies), remembering the view template of each page it loads. */
    Page newPage() {
        Page page = chromium.newContext().newPage();
        page.onResponse(response -> {
            if (response.request().isNavigationRequest() && response.frame() == page.mainFrame()) {
                String view = response.headers().get(RenderedViews.HEADER.toLowerCase(Locale.ROOT));
                if (view == null) {
                    VIEWS.remove(page);
                } else {
                    VIEWS.put(page, view);
                }
            }
        });
        return page;
    }

    /** The view template of the document each open page shows (absent for a redirect or a non-page answer). */
    private static final Map<Page, String> VIEWS = new ConcurrentHashMap<>();

    /** Runs axe-core (WCAG 2.2 A and AA rules) and fails with the violations listed. */
    static void assertAccessible(Page page) {
        // Only violations are read, so axe returns one example of each pass instead of every node; legacy mode runs
        // axe in the page itself instead of opening a second blank page per check to merge frame results (Canopy's
        // pages have no frames). Together they took most of the browser journeys' time.
        var options = new AxeRunOptions();
        options.setResultTypes(List.of("violations"));
        var results = new AxeBuilder(page).options(options)
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"))
                .setLegacyMode(true)
                .analyze();
        var violations = results.getViolations().stream()
                .map(v -> v.getId() + ": " + v.getHelp() + " at " + v.getNodes().stream()
                        .map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                .toList();
        assertThat(violations).as("axe-core violations on %s", page.url()).isEmpty();
        String view = VIEWS.get(page);
        if (view != null) {
            RenderedViews.AXE_CHECKED.add(view);
        }
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}
