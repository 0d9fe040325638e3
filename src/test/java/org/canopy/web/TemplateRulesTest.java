package org.canopy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Rules every Thymeleaf template keeps, read from the template files themselves. */
class TemplateRulesTest {

    static final Path TEMPLATES = Path.of("src", "main", "resources", "templates");

    /** A start tag, its attributes possibly over several lines (quoted values may hold '>'). */
    private static final Pattern START_TAG = Pattern.compile("<[a-zA-Z][\\w:-]*((?:\\s+[^\\s=>/]+(?:\\s*=\\s*(?:\"[^\"]*\"|'[^']*'|[^\\s>]+))?)*)\\s*/?>");
    private static final Pattern WITH = Pattern.compile("(?:^|\\s)(?:th:|data-th-)with\\s*=");
    private static final Pattern CONDITION = Pattern.compile("(?:^|\\s)(?:th:|data-th-)(?:if|unless)\\s*=");

    /** Thymeleaf evaluates th:if and th:unless before th:with, so a condition on the variable reads null. */
    @Test
    void noElementHasThWithBesideACondition() {
        List<String> offences = new ArrayList<>();
        assertThat(templates()).as("templates under %s", TEMPLATES).hasSizeGreaterThan(20);
        for (Path template : templates()) {
            offences.addAll(withBesideCondition(template));
        }

        assertThat(offences).as("th:with beside th:if/th:unless on one element (put th:with on an enclosing"
                + " element or a th:block): the condition is evaluated before the variable exists").isEmpty();
    }

    @Test
    void theRuleFindsTheMistake() throws IOException {
        Path sample = Files.createTempFile("template", ".html");
        try {
            Files.writeString(sample, """
                    <div th:with="x=${a}">
                      <p th:if="${x}"
                         th:with="y=${b}">one</p>
                      <p th:unless="${x}" th:text="'>'" data-th-with="y=${b}">two</p>
                      <th:block th:if="${x}"><p th:with="y=${b}">fine</p></th:block>
                    </div>
                    """);

            assertThat(withBesideCondition(sample)).containsExactly(sample + ":2", sample + ":4");
        } finally {
            Files.delete(sample);
        }
    }

    /** The file and line of each element in {@code template} that has th:with and th:if or th:unless. */
    static List<String> withBesideCondition(Path template) {
        String html = read(template);
        List<String> offences = new ArrayList<>();
        var tags = START_TAG.matcher(html);
        while (tags.find()) {
            String attributes = tags.group(1);
            if (WITH.matcher(attributes).find() && CONDITION.matcher(attributes).find()) {
                offences.add(template + ":" + lineOf(html, tags.start()));
            }
        }
        return offences;
    }

    /** Every template file, sorted, so a failure reads the same each run. */
    static List<Path> templates() {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int lineOf(String text, int offset) {
        return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
