package org.canopy.privacy.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The guard's first names come from datafaker's lists on the classpath: read offline, once, and read right. */
class FirstNamesTest {

    @Test
    void loadsFromTheClasspathWithoutTheNetworkAndKnowsALondonBoroughsNames() {
        var names = FirstNames.shared();
        System.out.println("First names: " + names.size() + " from " + FirstNames.LOCALES.size() + " locales, read in "
                + names.loadMillis() + " ms");
        assertThat(names.size()).isGreaterThan(15_000);
        for (String name : new String[] {"Zara", "Noor", "Isaac", "Daniel", "Aisha", "Mohammed", "Muhammad", "Fatima", "Ibrahim",
            "Yusuf", "Maryam", "Leyla", "Chinedu", "Temitope", "Hamza", "Zeynep", "Agnieszka", "Mateusz", "Oliwia", "Ollie",
            "Tyrone", "Precious", "Siti", "Kai"}) {
            assertThat(names.contains(name)).as(name).isTrue();
        }
        // In any case and with or without accents: one name.
        assertThat(names.contains("ZARA")).isTrue();
        assertThat(names.contains("Zoë")).isEqualTo(names.contains("Zoe")).isTrue();
        assertThat(names.contains("Chloé")).isTrue();
        assertThat(names.contains("Ayşe")).isTrue();
    }

    @Test
    void leavesOutWordsOfOrdinaryProse() {
        var names = FirstNames.shared();
        for (String word : new String[] {"Will", "May", "Young", "Amber", "White", "Foster", "Grant", "Major", "fine", "So", "In"}) {
            assertThat(names.contains(word)).as(word).isFalse();
        }
        assertThat(names.contains("Q")).isFalse();
        assertThat(names.contains("")).isFalse();
    }

    @Test
    void readsEveryListAsAYamlParserReadsIt() throws Exception {
        var mapper = new YAMLMapper();
        for (String locale : FirstNames.LOCALES) {
            var parsed = new HashSet<String>();
            try (InputStream in = FirstNames.class.getResourceAsStream("/" + locale + ".yml")) {
                collect(mapper.readTree(in), false, parsed);
            }
            assertThat(parsed).as(locale).isNotEmpty();
            assertThat(FirstNames.read(locale)).as(locale).isEqualTo(parsed);
        }
    }

    private static void collect(JsonNode node, boolean underName, Set<String> names) {
        for (var field : node.properties()) {
            JsonNode value = field.getValue();
            if (underName && field.getKey().endsWith("first_name") && value.isArray()) {
                value.forEach(entry -> FirstNames.add(entry.asString(""), names));
            } else if (value.isObject()) {
                collect(value, underName || field.getKey().equals("name"), names);
            }
        }
    }
}
