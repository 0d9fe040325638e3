package org.canopy.privacy.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads the lists under {@code faker.name} in one of datafaker's locale files, and nothing else. A YAML parser takes
 * seconds over the 1.6 MB of the 50 files, most of it addresses and companies; this reads the few lists in
 * milliseconds. It understands the two shapes datafaker writes them in, a flow list ({@code first_name: [Ann, "Bo"]},
 * on one line or several, anchored or not) and a block list ({@code - "Ann"} a line), and a test reads every file with a YAML parser
 * too and finds the same names.
 */
final class NameLists {

    private NameLists() {
    }

    /** The entries of the lists whose key {@code keys} accepts in the file's {@code name} section, quotes taken off, in file order. */
    static List<String> read(String yaml, Predicate<String> keys) {
        var entries = new ArrayList<String>();
        String[] lines = yaml.split("\r?\n");
        int fakerIndent = -1;
        int nameIndent = -1;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int indent = indent(line);
            if (nameIndent >= 0 && indent <= nameIndent && !trimmed.startsWith("-")) {
                nameIndent = -1;
            }
            if (trimmed.equals("faker:")) {
                fakerIndent = indent;
            } else if (fakerIndent >= 0 && nameIndent < 0 && trimmed.equals("name:") && indent > fakerIndent) {
                nameIndent = indent;
            } else if (nameIndent >= 0 && indent > nameIndent) {
                int colon = trimmed.indexOf(':');
                if (colon <= 0 || !keys.test(trimmed.substring(0, colon).strip())) {
                    continue;
                }
                String rest = trimmed.substring(colon + 1).strip();
                // "male_first_name: &male_first_name" anchors the list, which may then start on the next line.
                if (rest.startsWith("&")) {
                    rest = rest.indexOf(' ') > 0 ? rest.substring(rest.indexOf(' ')).strip() : "";
                }
                if (rest.isEmpty() && i + 1 < lines.length && lines[i + 1].strip().startsWith("[")) {
                    rest = lines[++i].strip();
                }
                if (rest.startsWith("[")) {
                    var flow = new StringBuilder(rest);
                    // Only the line just added can close the list: looking through the whole list again would be quadratic.
                    boolean closed = rest.indexOf(']') >= 0;
                    while (!closed && i + 1 < lines.length) {
                        String next = lines[++i].strip();
                        flow.append(' ').append(next);
                        closed = next.indexOf(']') >= 0;
                    }
                    String inside = flow.substring(1, flow.lastIndexOf("]"));
                    for (String item : inside.split(",")) {
                        addEntry(item, entries);
                    }
                } else if (rest.isEmpty()) {
                    while (i + 1 < lines.length && lines[i + 1].strip().startsWith("-") && indent(lines[i + 1]) >= indent) {
                        addEntry(lines[++i].strip().substring(1), entries);
                    }
                }
            }
        }
        return entries;
    }

    private static void addEntry(String item, List<String> entries) {
        String value = item.strip();
        if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')
                && value.charAt(value.length() - 1) == value.charAt(0)) {
            value = value.substring(1, value.length() - 1);
        }
        if (!value.isBlank()) {
            entries.add(value.strip());
        }
    }

    private static int indent(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }
}
