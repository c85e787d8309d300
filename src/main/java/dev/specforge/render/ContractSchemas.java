package dev.specforge.render;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.specforge.io.HiddenJsonEscapes;
import dev.specforge.spec.Field;
import dev.specforge.spec.FieldType;
import dev.specforge.spec.TypeRef;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON Schemas (JSON Schema 2020-12, as OpenAPI 3.1 uses it) of fields and types in the service's OpenAPI
 * document ({@link ContractDocument}): a field's rules become the keywords that state them, and a reference becomes a
 * {@code $ref} to the neutral entity name under {@code #/components/schemas/}, the same in every stack.
 */
final class ContractSchemas {

    private static final ObjectMapper JSON = HiddenJsonEscapes.install(new ObjectMapper()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN));

    /** Enrichment rules that no JSON Schema keyword expresses: listed by name in {@code x-specforge-rules}. */
    private static final Set<String> NAMED_ONLY = Set.of("notBlank", "positive", "positiveOrZero", "past",
            "pastOrPresent", "future");

    private ContractSchemas() {
    }

    /**
     * @param f        a field
     * @param rules    its rules ({@link ValidationRules})
     * @param optional whether a request may leave it out; {@code null} then means the same as absent
     *                 (docs/conformance.md C5.4), so the schema allows it
     * @return the property's JSON Schema: its type, the rules JSON Schema can state, the rest named in
     *         {@code x-specforge-rules}, nullability, access, description and default
     */
    static ObjectNode fieldSchema(Field f, List<Map<String, String>> rules, boolean optional) {
        TypeRef t = f.type();
        ObjectNode item = typeSchema(new TypeRef(t.type(), t.target(), t.format(), false), f.valueType());
        ObjectNode s = item;
        if (t.many()) {
            s = JSON.createObjectNode();
            s.put("type", "array");
            s.set("items", item);
        }
        ArrayNode named = JSON.createArrayNode();
        for (Map<String, String> rule : rules) {
            String kind = rule.get("kind");
            String value = rule.get("value");
            switch (kind) {
                case "required" -> {
                    // stated by the object's required list
                }
                case "minLength", "maxLength", "minItems", "maxItems" -> s.put(kind, Integer.parseInt(value));
                case "pattern" -> s.put("pattern", value);
                case "email" -> s.put("format", "email");
                case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum" ->
                        s.put(kind, new BigDecimal(value));
                default -> {
                    if (NAMED_ONLY.contains(kind)) {
                        named.add(kind);
                    }
                }
            }
        }
        if (!named.isEmpty()) {
            s.set("x-specforge-rules", named);
        }
        if (f.nullable() || optional) {
            s = nullable(s);
        }
        if (f.access() == Field.Access.READ_ONLY) {
            s.put("readOnly", true);
        } else if (f.access() == Field.Access.WRITE_ONLY) {
            s.put("writeOnly", true);
        }
        if (f.description() != null && !f.description().isBlank()) {
            s.put("description", f.description());
        }
        if (f.defaultJson() != null) {
            try {
                s.set("default", JSON.readTree(f.defaultJson()));
            } catch (JsonProcessingException e) {
                // the parser wrote it as JSON; nothing to state when it is not
            }
        }
        return s;
    }

    /** @return the schema allowing {@code null} too: a type array, or an {@code anyOf} around a {@code $ref} */
    private static ObjectNode nullable(ObjectNode s) {
        if (s.has("type") && s.get("type").isTextual()) {
            String type = s.get("type").asText();
            s.putArray("type").add(type).add("null");
            return s;
        }
        ObjectNode any = JSON.createObjectNode();
        any.putArray("anyOf").add(s).addObject().put("type", "null");
        return any;
    }

    /**
     * @param t         a single (not list) type
     * @param valueType a map's value type, or {@code null}
     * @return its JSON Schema
     */
    static ObjectNode typeSchema(TypeRef t, TypeRef valueType) {
        ObjectNode s = JSON.createObjectNode();
        FieldType type = t.type();
        switch (type) {
            case STRING -> {
                s.put("type", "string");
                if (t.format() != null && !t.format().isBlank()) {
                    s.put("format", t.format());
                }
            }
            case INTEGER -> s.put("type", "integer").put("format", "int32");
            case LONG -> s.put("type", "integer").put("format", "int64");
            case DECIMAL -> s.put("type", "number");
            case DOUBLE -> s.put("type", "number").put("format", "double");
            case FLOAT -> s.put("type", "number").put("format", "float");
            case BOOLEAN -> s.put("type", "boolean");
            case DATE -> s.put("type", "string").put("format", "date");
            case DATETIME -> s.put("type", "string").put("format", "date-time");
            case UUID -> s.put("type", "string").put("format", "uuid");
            case URI -> s.put("type", "string").put("format", "uri");
            case BYTES -> s.put("type", "string").put("contentEncoding", "base64");
            case ENUM, REF -> s.put("$ref", "#/components/schemas/" + t.target());
            case MAP -> {
                s.put("type", "object");
                ObjectNode values = valueType == null ? JSON.createObjectNode()
                        : typeSchema(new TypeRef(valueType.type(), valueType.target(), valueType.format(), false), null);
                if (valueType != null && valueType.many()) {
                    values = JSON.createObjectNode().put("type", "array").set("items", values);
                }
                s.set("additionalProperties", values);
            }
            case OBJECT -> {
                // any JSON value: the empty schema
            }
        }
        return s;
    }
}
