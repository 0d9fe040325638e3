package org.canopy.web;

import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads the fields of a JSON body the API takes as a tree: a field of the wrong shape (an object where text belongs,
 * a number too large or not whole) is refused naming the field, as a 400, instead of Jackson's coercion error (a 500).
 */
public final class JsonInput {

    private static final Pattern ID = Pattern.compile("\\d{1,18}");
    private static final Pattern WHOLE = Pattern.compile("-?\\d{1,9}");

    private JsonInput() {
    }

    /** The body itself, which must be a JSON object ({@code { ... }}): a list, text, a number or null is refused. */
    public static JsonNode object(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidInput("body", "Send a JSON object ({ ... }) with the fields this request takes");
        }
        return body;
    }

    /** A text field: null when absent or null; a number or true/false as written; a list or object is refused. */
    public static String text(JsonNode body, String field) {
        return text(body, field, null);
    }

    /** A text field, or {@code otherwise} when the body does not have it (an explicit null is null). */
    public static String text(JsonNode body, String field, String otherwise) {
        if (body == null || !body.has(field)) {
            return otherwise;
        }
        JsonNode node = body.get(field);
        if (node.isNull()) {
            return null;
        }
        if (!node.isValueNode()) {
            throw new InvalidInput(field, "\"" + field + "\" must be text, not " + (node.isArray() ? "a list" : "an object"));
        }
        return node.asString();
    }

    /** A record's id: a whole number (or its digits as text); null when absent or null. */
    public static Long id(JsonNode body, String field) {
        JsonNode node = body == null ? null : body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToLong() && node.asLong() > 0) {
            return node.asLong();
        }
        if (node.isString() && ID.matcher(node.asString().strip()).matches()) {
            return Long.valueOf(node.asString().strip());
        }
        throw new InvalidInput(field, "\"" + field + "\" must be the id of a record: a whole number");
    }

    /** A whole number such as a version or a score; null when absent or null. */
    public static Integer whole(JsonNode body, String field) {
        JsonNode node = body == null ? null : body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return node.asInt();
        }
        if (node.isString() && WHOLE.matcher(node.asString().strip()).matches()) {
            return Integer.valueOf(node.asString().strip());
        }
        throw new InvalidInput(field, "\"" + field + "\" must be a whole number");
    }

    /** true or false; {@code otherwise} when absent or null. */
    public static boolean flag(JsonNode body, String field, boolean otherwise) {
        JsonNode node = body == null ? null : body.get(field);
        if (node == null || node.isNull()) {
            return otherwise;
        }
        if (!node.isBoolean()) {
            throw new InvalidInput(field, "\"" + field + "\" must be true or false");
        }
        return node.asBoolean();
    }

    /** A list field: empty when absent or null; anything else than a list is refused. */
    public static Iterable<JsonNode> items(JsonNode body, String field) {
        JsonNode node = body == null ? null : body.get(field);
        if (node == null || node.isNull()) {
            return java.util.List.of();
        }
        if (!node.isArray()) {
            throw new InvalidInput(field, "\"" + field + "\" must be a list ([ ... ])");
        }
        return node;
    }
}
