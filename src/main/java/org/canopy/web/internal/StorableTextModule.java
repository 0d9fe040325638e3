package org.canopy.web.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import org.canopy.web.StorableText;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jackson.JsonNodeDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;

/**
 * The edge for JSON: every string Jackson reads into a record's text or into a tree (most API controllers read a
 * {@link JsonNode}) is refused when it holds a NUL character or a lone surrogate, with the field's path, which
 * {@code ApiProblems} turns into a 400 naming the field. Registered with the application's JsonMapper as a bean.
 */
@Component
class StorableTextModule extends SimpleModule {

    /** A string that cannot be stored; its path is filled in by Jackson (records) or by the tree's walk. */
    static final class UnstorableText extends MismatchedInputException {
        UnstorableText(JsonParser parser, String problem) {
            super(parser, problem, String.class);
        }
    }

    StorableTextModule() {
        super("canopy-storable-text");
        addDeserializer(String.class, new StringDeserializer() {
            @Override
            public String deserialize(JsonParser parser, DeserializationContext context) {
                String text = super.deserialize(parser, context);
                String problem = StorableText.problem(text);
                if (problem != null) {
                    throw new UnstorableText(parser, problem);
                }
                return text;
            }
        });
        @SuppressWarnings("unchecked")
        var trees = (ValueDeserializer<JsonNode>) JsonNodeDeserializer.getDeserializer(JsonNode.class);
        addDeserializer(JsonNode.class, new ValueDeserializer<JsonNode>() {
            @Override
            public JsonNode deserialize(JsonParser parser, DeserializationContext context) {
                JsonNode tree = trees.deserialize(parser, context);
                check(parser, tree, new ArrayDeque<>());
                return tree;
            }

            @Override
            public JsonNode getNullValue(DeserializationContext context) {
                return (JsonNode) trees.getNullValue(context);
            }
        });
    }

    /** Walks the tree; the path so far is a stack of property names and indexes. */
    private static void check(JsonParser parser, JsonNode node, Deque<Object> path) {
        if (node.isString()) {
            String problem = StorableText.problem(node.asString());
            if (problem != null) {
                var e = new UnstorableText(parser, problem);
                for (var it = path.iterator(); it.hasNext(); ) {
                    Object step = it.next();
                    if (step instanceof Integer index) {
                        e.prependPath(null, index);
                    } else {
                        e.prependPath(null, (String) step);
                    }
                }
                throw e;
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                path.push(i);
                check(parser, node.get(i), path);
                path.pop();
            }
        } else if (node.isObject()) {
            for (var property : node.properties()) {
                String problem = StorableText.problem(property.getKey());
                if (problem != null) {
                    throw new UnstorableText(parser, problem);
                }
                path.push(property.getKey());
                check(parser, property.getValue(), path);
                path.pop();
            }
        }
    }
}
