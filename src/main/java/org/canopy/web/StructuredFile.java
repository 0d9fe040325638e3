package org.canopy.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a structured file (YAML, or JSON, which is YAML) field by field, collecting every problem with
 * the path of the field it concerns, so that a person can fix the whole file in one go.
 */
public final class StructuredFile {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();


    private final List<FieldProblem> problems = new ArrayList<>();

    /** Notes a problem at a path (the first hundred are kept). */
    public void problem(String path, String message) {
        if (problems.size() < 100) {
            problems.add(FieldProblem.of(path, message));
        }
    }

    public String text(JsonNode parent, String name, String path, int max, boolean required) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            if (required) {
                problem(path, "Enter " + path + ": it is required");
            }
            return null;
        }
        if (!node.isString() && !node.isNumber()) {
            problem(path, path + " must be text");
            return null;
        }
        String value = node.asString().strip();
        if (value.isEmpty() && required) {
            problem(path, "Enter " + path + ": it is required");
            return null;
        }
        if (value.length() > max) {
            problem(path, path + " must be " + max + " characters or fewer");
            return null;
        }
        if (StorableText.problem(value) != null) {
            problem(path, path + " " + StorableText.problem(value));
            return null;
        }
        return value.isEmpty() ? null : value;
    }

    public LocalDate date(JsonNode parent, String name, String path) {
        String value = text(parent, name, path, 10, true);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problem(path, path + " must be a date like 2016-04-01");
            return null;
        }
    }

    public int number(JsonNode parent, String name, String path) {
        JsonNode node = parent.get(name);
        if (node == null || !node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 1) {
            problem(path, path + " must be a whole number of 1 or more");
            return 0;
        }
        return node.intValue();
    }

    public List<String> strings(JsonNode parent, String name, String path, int max) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            problem(path, path + " must be a list of text");
            return List.of();
        }
        var values = new ArrayList<String>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            String itemPath = path + "[" + i + "]";
            if (!item.isString() || item.asString().isBlank()) {
                problem(itemPath, itemPath + " must be text");
            } else if (item.asString().strip().length() > max) {
                problem(itemPath, itemPath + " must be " + max + " characters or fewer");
            } else {
                values.add(item.asString().strip());
            }
        }
        return values;
    }

    public <T> List<T> list(JsonNode parent, String name, String path, boolean required,
            BiFunction<JsonNode, String, T> reader) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull() || (node.isArray() && node.isEmpty())) {
            if (required) {
                problem(path, path + " must list at least one entry");
            }
            return List.of();
        }
        if (!node.isArray()) {
            problem(path, path + " must be a list");
            return List.of();
        }
        var values = new ArrayList<T>();
        for (int i = 0; i < node.size(); i++) {
            String itemPath = path + "[" + i + "]";
            if (!node.get(i).isObject()) {
                problem(itemPath, itemPath + " must be a mapping of fields");
            } else {
                values.add(reader.apply(node.get(i), itemPath));
            }
        }
        return values;
    }

    /** A value that must be one of an enum's constant names. */
    public <E extends Enum<E>> E choice(JsonNode parent, String name, String path, Class<E> type) {
        String value = text(parent, name, path, 60, true);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            problem(path, path + " must be one of " + List.of(type.getEnumConstants()));
            return null;
        }
    }

    /** Every problem found so far. */
    public List<FieldProblem> problems() {
        return problems;
    }

    /** Refuses the file if anything was wrong with it. */
    public void throwIfInvalid() {
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }

    /** Parses YAML or JSON into a mapping, or refuses it with where the syntax broke. */
    public static JsonNode parse(String content, String expected) {
        JsonNode root;
        try {
            root = YAML.readTree(content == null ? "" : content);
        } catch (JacksonException e) {
            var location = e.getLocation();
            throw new InvalidInput("file", "The file is not valid YAML or JSON"
                    + (location != null && location.getLineNr() > 0 ? " (line " + location.getLineNr() + ")" : "")
                    + ": " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInput("file", "The file must hold " + expected);
        }
        return root;
    }
}
