package org.canopy.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * Every page template is checked by axe-core in some browser journey. Runs after the journeys (see
 * {@link BrowserChecksLast}) and reads what they recorded ({@link RenderedViews}).
 */
@ExtendWith(BrowserAvailable.class)
@Tag("browser")
class PageTemplatesCheckedTest {

    static final Path TEMPLATES = Path.of("src", "main", "resources", "templates");

    /** Page templates no browser journey reaches, each with the reason. */
    static final Set<String> NOT_REACHABLE = Set.of(
            // The 500 page: it renders only when the application itself fails, which no journey can cause.
            "error");

    @Test
    void everyPageTemplateIsCheckedByAxe() throws IOException {
        Set<String> journeys = journeyClasses();
        Set<String> run = RenderedViews.JOURNEYS_RUN.stream().map(Class::getName).collect(Collectors.toSet());
        if (!run.containsAll(journeys)) {
            // Only a part of the journeys ran (a -Dtest selection): the record is partial. CI runs them all.
            assertThat("1".equals(System.getenv("CANOPY_REQUIRE_BROWSER")))
                    .as("CANOPY_REQUIRE_BROWSER=1 but these browser journeys did not run before this check: %s",
                            journeys.stream().filter(j -> !run.contains(j)).toList())
                    .isFalse();
            Assumptions.abort("not every browser journey ran in this JVM: " + journeys.stream()
                    .filter(j -> !run.contains(j)).toList() + "; checked so far: " + RenderedViews.AXE_CHECKED);
        }

        Set<String> unchecked = new TreeSet<>(pageTemplates());
        unchecked.removeAll(RenderedViews.AXE_CHECKED);
        unchecked.removeAll(NOT_REACHABLE);

        assertThat(unchecked).as("page templates no browser journey checks with Browser.assertAccessible(page)"
                + " (visit them in a journey, or allow-list them with the reason in NOT_REACHABLE)").isEmpty();
        assertThat(pageTemplates()).as("allow-listed templates that exist").containsAll(NOT_REACHABLE);
    }

    /** Templates that are whole pages (they fill the layout), by view name: "data/dashboard". */
    static Set<String> pageTemplates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(f -> f.toString().endsWith(".html"))
                    .filter(f -> read(f).contains("th:replace=\"~{layout :: page("))
                    .map(f -> TEMPLATES.relativize(f).toString().replace('\\', '/').replaceFirst("\\.html$", ""))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** Every concrete browser journey on the test class path. */
    static Set<String> journeyClasses() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(BrowserJourney.class));
        return scanner.findCandidateComponents(BrowserJourney.class.getPackageName()).stream()
                .map(bean -> bean.getBeanClassName()).collect(Collectors.toSet());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
