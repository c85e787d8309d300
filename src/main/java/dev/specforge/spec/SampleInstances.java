package dev.specforge.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds instances of a normalised contract schema ({@link SchemaNormalizer}): the answers and request bodies a
 * document gives no example for. Values come, in order, from the schema's {@code const}, {@code examples},
 * {@code default} and {@code enum}, then from its type and {@code format} (RFC 3339 dates, a UUID, an e-mail
 * address...), within its bounds. Objects assemble their properties' own examples. For {@code oneOf}/{@code anyOf}
 * each branch gives a candidate; {@link #candidates} returns them all and the caller keeps the first that validates
 * ({@link ContractValidator}), so overlapping branches or unusual bounds never leave an invalid answer unnoticed.
 *
 * <p>Deterministic: the same schema always gives the same instances. Recursion stops at a depth of 6 (optional
 * properties are left out below depth 2, required ones are still built), so recursive schemas terminate.
 */
final class SampleInstances {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 6;

    private final ObjectNode defs;

    /** @param defs the contract's {@code $defs}, which {@code #/$defs/...} references resolve against */
    SampleInstances(ObjectNode defs) {
        this.defs = defs;
    }

    /**
     * @param schema a normalised schema
     * @return candidate instances, most complete first (with optional properties, then required only; one per
     *         union branch), never empty
     */
    List<JsonNode> candidates(JsonNode schema) {
        Set<JsonNode> out = new LinkedHashSet<>();
        out.add(build(schema, 0, true, 0));
        out.add(build(schema, 0, false, 0));
        int branches = branchCount(resolve(schema, 0));
        for (int b = 1; b < branches; b++) {
            out.add(build(schema, 0, true, b));
            out.add(build(schema, 0, false, b));
        }
        return new ArrayList<>(out);
    }

    /**
     * @param schema a normalised schema
     * @return a scalar value for a parameter of that schema (an array's item for array schemas)
     */
    JsonNode scalar(JsonNode schema) {
        JsonNode s = resolve(schema, 0);
        if ("array".equals(type(s))) {
            return build(s.path("items"), 1, false, 0);
        }
        return build(s, 0, false, 0);
    }

    private int branchCount(JsonNode s) {
        int n = 1;
        for (String k : List.of("oneOf", "anyOf")) {
            if (s.path(k).isArray()) {
                n = Math.max(n, s.path(k).size());
            }
        }
        return n;
    }

    /** Follows {@code #/$defs/...} references. */
    JsonNode resolve(JsonNode schema, int guard) {
        JsonNode s = schema == null ? JSON.objectNode() : schema;
        while (s.isObject() && s.has("$ref") && guard++ < 32) {
            String ref = s.get("$ref").asText();
            JsonNode target = ref.startsWith("#/$defs/") ? defs.at(ref.substring("#/$defs".length())) : null;
            if (target == null || target.isMissingNode()) {
                return JSON.objectNode();
            }
            if (s.size() > 1) { // 2020-12: keywords beside $ref apply too
                ObjectNode merged = s.deepCopy();
                merged.remove("$ref");
                ObjectNode combined = JSON.objectNode();
                combined.putArray("allOf").add(target).add(merged);
                return combined;
            }
            s = target;
        }
        return s;
    }

    private JsonNode build(JsonNode schema, int depth, boolean optional, int branch) {
        JsonNode s = resolve(schema, 0);
        if (s.isBoolean() || !s.isObject()) {
            return JSON.textNode("string");
        }
        if (s.has("const")) {
            return s.get("const");
        }
        if (s.path("examples").isArray() && !s.path("examples").isEmpty()) {
            return s.path("examples").get(0);
        }
        if (s.has("default") && !s.get("default").isNull()) {
            return s.get("default");
        }
        if (s.path("enum").isArray() && !s.path("enum").isEmpty()) {
            for (JsonNode v : s.path("enum")) {
                if (!v.isNull()) {
                    return v;
                }
            }
            return s.path("enum").get(0);
        }
        for (String k : List.of("oneOf", "anyOf")) {
            JsonNode list = s.path(k);
            if (list.isArray() && !list.isEmpty()) {
                JsonNode chosen = list.get(Math.min(branch, list.size() - 1));
                ObjectNode rest = s.deepCopy();
                rest.remove(k);
                if (rest.isEmpty() || (rest.size() == 1 && rest.has("type"))) {
                    return build(chosen, depth, optional, 0);
                }
                ObjectNode combined = JSON.objectNode();
                combined.putArray("allOf").add(rest).add(chosen);
                return build(combined, depth, optional, 0);
            }
        }
        if (s.path("allOf").isArray() && !s.path("allOf").isEmpty()) {
            return allOf(s, depth, optional, branch);
        }
        String type = type(s);
        if (type == null) {
            type = s.has("properties") || s.has("required") || s.has("additionalProperties") ? "object"
                    : s.has("items") ? "array" : "string";
        }
        return switch (type) {
            case "object" -> object(s, depth, optional);
            case "array" -> array(s, depth, optional);
            case "integer" -> number(s, true);
            case "number" -> number(s, false);
            case "boolean" -> JSON.booleanNode(true);
            case "null" -> JSON.nullNode();
            default -> string(s);
        };
    }

    /** allOf: every part's properties together (objects), else the first part that is not an object. */
    private JsonNode allOf(JsonNode s, int depth, boolean optional, int branch) {
        ObjectNode merged = JSON.objectNode();
        ObjectNode props = JSON.objectNode();
        Set<String> required = new LinkedHashSet<>();
        List<JsonNode> unions = new ArrayList<>();
        collect(s, props, required, unions, 0);
        if (props.isEmpty() && required.isEmpty() && unions.isEmpty()) {
            for (JsonNode part : s.path("allOf")) {
                JsonNode p = resolve(part, 0);
                if (type(p) != null || p.has("enum") || p.has("const")) {
                    return build(p, depth, optional, branch);
                }
            }
        }
        merged.put("type", "object");
        merged.set("properties", props);
        ArrayNode req = merged.putArray("required");
        required.forEach(req::add);
        ObjectNode value = (ObjectNode) object(merged, depth, optional);
        for (JsonNode union : unions) {
            JsonNode part = build(union, depth, optional, branch);
            if (part.isObject()) {
                part.fields().forEachRemaining(e -> value.set(e.getKey(), e.getValue()));
            }
        }
        return value;
    }

    private void collect(JsonNode schema, ObjectNode props, Set<String> required, List<JsonNode> unions, int guard) {
        JsonNode s = resolve(schema, 0);
        if (guard > 16 || !s.isObject()) {
            return;
        }
        s.path("properties").fields().forEachRemaining(e -> {
            if (!props.has(e.getKey())) {
                props.set(e.getKey(), e.getValue());
            }
        });
        s.path("required").forEach(r -> required.add(r.asText()));
        for (JsonNode part : s.path("allOf")) {
            collect(part, props, required, unions, guard + 1);
        }
        for (String k : List.of("oneOf", "anyOf")) {
            if (s.path(k).isArray() && !s.path(k).isEmpty()) {
                ObjectNode union = JSON.objectNode();
                union.set(k, s.get(k));
                unions.add(union);
            }
        }
    }

    private JsonNode object(JsonNode s, int depth, boolean optional) {
        ObjectNode value = JSON.objectNode();
        if (depth > MAX_DEPTH) {
            return value;
        }
        Set<String> required = new LinkedHashSet<>();
        s.path("required").forEach(r -> required.add(r.asText()));
        Map<String, JsonNode> props = new LinkedHashMap<>();
        s.path("properties").fields().forEachRemaining(e -> props.put(e.getKey(), e.getValue()));
        for (Map.Entry<String, JsonNode> p : props.entrySet()) {
            JsonNode propSchema = resolve(p.getValue(), 0);
            // read-only properties are always built: the normalised schema no longer lists them as required, but
            // answers must carry those the document requires (OpenAPI 3.0.3 section 4.7.24.3), and a request may
            // carry them; write-only ones only when required or optional ones are wanted
            boolean readOnly = propSchema.path("readOnly").asBoolean(false);
            boolean include = required.contains(p.getKey()) || readOnly && depth <= MAX_DEPTH
                    || optional && depth < 2 && !propSchema.path("writeOnly").asBoolean(false);
            if (include) {
                value.set(p.getKey(), build(p.getValue(), depth + 1, optional, 0));
            }
        }
        for (String name : required) {
            if (!value.has(name)) { // required but not declared: anything goes, unless additionalProperties says
                JsonNode extra = s.path("additionalProperties");
                value.set(name, extra.isObject() ? build(extra, depth + 1, false, 0) : JSON.textNode("string"));
            }
        }
        return value;
    }

    private JsonNode array(JsonNode s, int depth, boolean optional) {
        ArrayNode value = JSON.arrayNode();
        int count = Math.max(s.path("minItems").asInt(0), depth > MAX_DEPTH ? 0 : 1);
        if (s.has("maxItems")) {
            count = Math.min(count, s.path("maxItems").asInt());
        }
        for (int i = 0; i < count; i++) {
            JsonNode item = build(s.path("items"), depth + 1, optional, 0);
            if (i > 0 && item.isNumber()) {
                item = JSON.numberNode(item.decimalValue().add(BigDecimal.valueOf(i)));
            } else if (i > 0 && item.isTextual()) {
                item = JSON.textNode(item.asText() + i);
            }
            value.add(item);
        }
        return value;
    }

    private static JsonNode number(JsonNode s, boolean integer) {
        BigDecimal v = BigDecimal.ONE;
        if (s.path("minimum").isNumber()) {
            v = s.path("minimum").decimalValue();
        } else if (s.path("exclusiveMinimum").isNumber()) {
            v = s.path("exclusiveMinimum").decimalValue().add(BigDecimal.ONE);
        }
        if (s.path("maximum").isNumber() && v.compareTo(s.path("maximum").decimalValue()) > 0) {
            v = s.path("maximum").decimalValue();
        } else if (s.path("exclusiveMaximum").isNumber()
                && v.compareTo(s.path("exclusiveMaximum").decimalValue()) >= 0) {
            v = s.path("exclusiveMaximum").decimalValue().subtract(BigDecimal.ONE);
        }
        if (s.path("multipleOf").isNumber() && s.path("multipleOf").decimalValue().signum() > 0) {
            BigDecimal m = s.path("multipleOf").decimalValue();
            v = v.divide(m, 0, RoundingMode.CEILING).multiply(m);
        }
        if (integer) {
            v = v.setScale(0, RoundingMode.CEILING);
            return JSON.numberNode(v.toBigInteger());
        }
        return JSON.numberNode(v.stripTrailingZeros());
    }

    private static JsonNode string(JsonNode s) {
        String format = s.path("format").asText("");
        String v = switch (format) {
            case "date-time" -> "2024-01-15T09:30:00Z";
            case "date" -> "2024-01-15";
            case "time" -> "09:30:00Z";
            case "duration" -> "P1D";
            case "uuid" -> "3fa85f64-5717-4562-b3fc-2c963f66afa6";
            case "email", "idn-email" -> "user@example.com";
            case "uri", "url", "iri", "uri-reference", "iri-reference" -> "https://example.com/";
            case "hostname", "idn-hostname" -> "example.com";
            case "ipv4" -> "192.0.2.1";
            case "ipv6" -> "2001:db8::1";
            case "byte" -> "c3BlY2Zvcmdl";
            case "password" -> "secret-value";
            default -> "string";
        };
        int min = s.path("minLength").asInt(0);
        StringBuilder b = new StringBuilder(v);
        while (b.codePointCount(0, b.length()) < min) {
            b.append('x');
        }
        if (s.path("maxLength").isIntegralNumber() && b.length() > s.path("maxLength").asInt()) {
            b.setLength(Math.max(0, s.path("maxLength").asInt()));
        }
        return JSON.textNode(b.toString());
    }

    /** @return the first non-null type named by {@code type}, or {@code null} */
    static String type(JsonNode s) {
        JsonNode t = s.path("type");
        if (t.isTextual()) {
            return t.asText();
        }
        if (t.isArray()) {
            for (JsonNode x : t) {
                if (!"null".equals(x.asText())) {
                    return x.asText();
                }
            }
            return t.isEmpty() ? null : "null";
        }
        return null;
    }
}
