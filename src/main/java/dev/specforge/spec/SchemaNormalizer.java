package dev.specforge.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites OpenAPI Schema Objects (3.0 dialect or 3.1, which is JSON Schema 2020-12) into plain JSON Schema 2020-12
 * that any standard validator reads the same way: the schemas of a generated service's {@code contract.json}.
 *
 * <p>Rules, each from the OpenAPI specification it undoes:
 * <ul>
 *   <li>3.0 {@code nullable: true} (OpenAPI 3.0.3 section 4.7.24.1) adds {@code "null"} to {@code type} (and to
 *       {@code enum} when there is one);</li>
 *   <li>3.0 boolean {@code exclusiveMinimum}/{@code exclusiveMaximum} (draft-wright-00 semantics) become the numeric
 *       2020-12 keywords;</li>
 *   <li>3.0 {@code example} becomes the 2020-12 annotation {@code examples: [value]};</li>
 *   <li>{@code readOnly} properties are left out of {@code required}, and so are {@code writeOnly} ones (section
 *       4.7.24.3: a read-only property that is required applies to responses only, a write-only one to requests
 *       only; one schema serves both, so neither is required);</li>
 *   <li>every {@code $ref} to {@code #/components/schemas/X} becomes {@code #/$defs/X}; a local reference elsewhere
 *       in the document is resolved in place (with a depth guard); an external reference accepts anything, with a
 *       warning;</li>
 *   <li>only JSON Schema keywords are kept: {@code discriminator}, {@code xml}, {@code externalDocs},
 *       {@code description}, {@code x-*} extensions and the like are dropped, so validators in strict modes do not
 *       refuse the schema and the file stays small.</li>
 * </ul>
 * Instances are not thread-safe; use one per document.
 */
final class SchemaNormalizer {

    private static final String COMPONENT_PREFIX = "#/components/schemas/";
    private static final int MAX_INLINE_DEPTH = 16;

    /** Keywords whose value is copied as it is. */
    private static final Set<String> VALUE_KEYWORDS = Set.of("type", "enum", "const", "multipleOf", "maximum",
            "minimum", "maxLength", "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "maxContains",
            "minContains", "maxProperties", "minProperties", "dependentRequired", "format", "default", "readOnly",
            "writeOnly", "examples");
    /** Keywords whose value is one schema. */
    private static final Set<String> SCHEMA_KEYWORDS = Set.of("items", "additionalProperties", "propertyNames",
            "contains", "not", "if", "then", "else", "unevaluatedProperties", "unevaluatedItems");
    /** Keywords whose value is an array of schemas. */
    private static final Set<String> SCHEMA_LIST_KEYWORDS = Set.of("allOf", "anyOf", "oneOf", "prefixItems");
    /** Keywords whose value maps names to schemas. */
    private static final Set<String> SCHEMA_MAP_KEYWORDS = Set.of("properties", "patternProperties",
            "dependentSchemas", "$defs");

    private final JsonNode document;
    private final boolean openapi30;
    private final List<String> warnings;
    private int inlineDepth;

    /**
     * @param document the whole OpenAPI document (3.x tree), to resolve local references
     * @param warnings where to add a warning for each reference that cannot be followed
     */
    SchemaNormalizer(JsonNode document, List<String> warnings) {
        this.document = document;
        this.openapi30 = document.path("openapi").asText().startsWith("3.0");
        this.warnings = warnings;
    }

    /**
     * @return every schema under {@code components.schemas}, normalised, by name as written: the contract's
     *         {@code $defs}
     */
    ObjectNode defs() {
        ObjectNode defs = JsonNodeFactory.instance.objectNode();
        document.path("components").path("schemas").fields()
                .forEachRemaining(e -> defs.set(e.getKey(), normalize(e.getValue(),
                        "/components/schemas/" + SchemaMapper.escape(e.getKey()))));
        return defs;
    }

    /**
     * @param schema  a Schema Object of the document (or {@code null}/missing)
     * @param pointer where it is, for warnings
     * @return its JSON Schema 2020-12 form; {@code {}} (anything) for a missing schema
     */
    JsonNode normalize(JsonNode schema, String pointer) {
        if (schema == null || schema.isMissingNode() || schema.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (schema.isBoolean()) {
            return schema;
        }
        if (!schema.isObject()) {
            return JsonNodeFactory.instance.objectNode();
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        JsonNode ref = schema.get("$ref");
        if (ref != null && ref.isTextual()) {
            String target = ref.asText();
            if (target.startsWith(COMPONENT_PREFIX)) {
                out.put("$ref", "#/$defs/" + target.substring(COMPONENT_PREFIX.length()));
            } else if (target.startsWith("#")) {
                JsonNode resolved = document.at(target.substring(1));
                if (resolved.isMissingNode() || inlineDepth >= MAX_INLINE_DEPTH) {
                    warnings.add(pointer + ": $ref '" + target + "' cannot be followed; the service accepts any "
                            + "value there");
                } else {
                    inlineDepth++;
                    try {
                        return normalize(resolved, target.substring(1));
                    } finally {
                        inlineDepth--;
                    }
                }
            } else {
                warnings.add(pointer + ": external $ref '" + target + "' is not followed; the service accepts any "
                        + "value there");
            }
            if (openapi30) {
                return out; // OpenAPI 3.0: keywords beside $ref are ignored
            }
        }
        Set<String> skipRequired = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode value = e.getValue();
            String at = pointer + "/" + SchemaMapper.escape(key);
            if (VALUE_KEYWORDS.contains(key)) {
                if (wellFormed(key, value)) {
                    out.set(key, value);
                }
            } else if (!openapi30 && (key.equals("exclusiveMinimum") || key.equals("exclusiveMaximum"))
                    && value.isNumber()) {
                out.set(key, value);
            } else if (SCHEMA_KEYWORDS.contains(key)) {
                out.set(key, normalize(value, at));
            } else if (SCHEMA_LIST_KEYWORDS.contains(key) && value.isArray()) {
                ArrayNode list = out.putArray(key);
                for (int i = 0; i < value.size(); i++) {
                    list.add(normalize(value.get(i), at + "/" + i));
                }
            } else if (SCHEMA_MAP_KEYWORDS.contains(key) && value.isObject()) {
                ObjectNode map = out.putObject(key);
                value.fields().forEachRemaining(p -> {
                    map.set(p.getKey(), normalize(p.getValue(), at + "/" + SchemaMapper.escape(p.getKey())));
                    if (key.equals("properties") && (p.getValue().path("readOnly").asBoolean(false)
                            || p.getValue().path("writeOnly").asBoolean(false))) {
                        skipRequired.add(p.getKey());
                    }
                });
            } else if (key.equals("example") && openapi30 && !schema.has("examples")) {
                out.putArray("examples").add(value);
            } else if (key.equals("required") && value.isArray() && allText(value)) {
                out.set("required", value); // filtered below, once properties are known
            }
        }
        if (out.has("required") && !skipRequired.isEmpty()) {
            ArrayNode kept = JsonNodeFactory.instance.arrayNode();
            out.get("required").forEach(r -> {
                if (!skipRequired.contains(r.asText())) {
                    kept.add(r);
                }
            });
            out.set("required", kept);
        }
        if (openapi30) {
            dialect30(schema, out);
        }
        return out;
    }

    /** Whether a copied keyword's value has the shape 2020-12 requires (a malformed one is dropped, not fatal). */
    private static boolean wellFormed(String key, JsonNode value) {
        return switch (key) {
            case "type" -> value.isTextual() || (value.isArray() && allText(value));
            case "enum", "examples" -> value.isArray();
            case "multipleOf", "maximum", "minimum" -> value.isNumber();
            case "maxLength", "minLength", "maxItems", "minItems", "maxContains", "minContains", "maxProperties",
                 "minProperties" -> value.canConvertToExactIntegral() && value.asLong() >= 0;
            case "pattern", "format" -> value.isTextual();
            case "uniqueItems", "readOnly", "writeOnly" -> value.isBoolean();
            case "dependentRequired" -> value.isObject();
            default -> true;
        };
    }

    private static boolean allText(JsonNode array) {
        for (JsonNode item : array) {
            if (!item.isTextual()) {
                return false;
            }
        }
        return true;
    }

    /** The OpenAPI 3.0 keywords whose meaning differs from 2020-12. */
    private static void dialect30(JsonNode schema, ObjectNode out) {
        for (String bound : List.of("Minimum", "Maximum")) {
            JsonNode exclusive = schema.get("exclusive" + bound);
            String plain = bound.toLowerCase(java.util.Locale.ROOT);
            if (exclusive != null && exclusive.isBoolean()) {
                if (exclusive.asBoolean() && schema.has(plain)) {
                    out.set("exclusive" + bound, schema.get(plain));
                    out.remove(plain);
                }
            } else if (exclusive != null && exclusive.isNumber()) {
                out.set("exclusive" + bound, exclusive);
            }
        }
        if (schema.path("nullable").asBoolean(false)) {
            JsonNode type = out.get("type");
            if (type != null && type.isTextual()) {
                out.putArray("type").add(type.asText()).add("null");
            }
            JsonNode values = out.get("enum");
            if (values != null && values.isArray()) {
                boolean hasNull = false;
                for (JsonNode v : values) {
                    hasNull |= v.isNull();
                }
                if (!hasNull) {
                    ArrayNode withNull = values.deepCopy();
                    withNull.addNull();
                    out.set("enum", withNull);
                }
            }
        }
    }
}
