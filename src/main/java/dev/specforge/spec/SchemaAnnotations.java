package dev.specforge.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Set;

/**
 * What a schema says about values versus what only describes it, for flattening a bundle: two copies of a
 * definition that differ only in annotations accept the same values and become one type.
 */
final class SchemaAnnotations {

    /** Keywords whose value is data, not a schema: copied as they are, never walked for references. */
    static final Set<String> SCHEMA_DATA = Set.of("enum", "const", "default", "examples", "example");
    /** Keywords that describe a schema without changing what it accepts (JSON Schema Validation 2020-12 section 9). */
    private static final Set<String> ANNOTATIONS = Set.of("title", "description", "$comment", "comment");
    /** Keywords whose value maps names to schemas. */
    private static final Set<String> NAMED_SCHEMAS = Set.of("properties", "patternProperties", "$defs",
            "definitions", "dependentSchemas");

    private SchemaAnnotations() {
    }

    /**
     * @return a copy of a schema without its annotations ({@code title}, {@code description}, {@code $comment},
     *         {@code comment}, {@code examples}, {@code example}: JSON Schema Validation 2020-12 section 9),
     *         which do not change what it accepts; property names and data ({@code enum}, {@code default}) kept
     */
    static JsonNode withoutAnnotations(JsonNode node, boolean namesToSchemas) {
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode(node.size());
            node.forEach(item -> out.add(withoutAnnotations(item, false)));
            return out;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        node.fields().forEachRemaining(f -> {
            String k = f.getKey();
            if (namesToSchemas) {
                out.set(k, withoutAnnotations(f.getValue(), false));
            } else if (SCHEMA_DATA.contains(k)) {
                if (!k.startsWith("example")) {
                    out.set(k, f.getValue());
                }
            } else if (!ANNOTATIONS.contains(k)) {
                out.set(k, withoutAnnotations(f.getValue(), NAMED_SCHEMAS.contains(k)));
            }
        });
        return out;
    }

    /**
     * @return a schema file's content without its root {@code $id} (or draft-04 {@code id}): inside the
     *         container it is no resource of its own, so its rewritten references resolve against the document
     */
    static JsonNode withoutRootId(JsonNode content, JsonNode original) {
        if (content instanceof ObjectNode o) {
            o.remove("$id");
            String dialect = original.path("$schema").asText("");
            if (o.path("id").isTextual() && (dialect.contains("draft-04") || dialect.contains("draft-03"))) {
                o.remove("id");
            }
        }
        return content;
    }
}
