package dev.specforge.support;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The providers' strict structured-output subsets of JSON Schema, as their documentation states them, applied
 * literally. Each violation is {@code <JSON pointer>: <rule>} (the pointer into the schema as sent; empty for the
 * root).
 *
 * <h2>OpenAI</h2>
 * Source: OpenAI API docs, guide "Structured Outputs", section "Supported schemas"
 * (https://platform.openai.com/docs/guides/structured-outputs#supported-schemas):
 * <ul>
 *   <li>"the root level object must be an object, and not use anyOf": the root needs {@code type: "object"} and no
 *       {@code anyOf};</li>
 *   <li>"additionalProperties: false must always be set in objects" and "all fields must be required" (every key of
 *       {@code properties} is listed in {@code required}), checked on every schema whose type is or includes
 *       {@code object}, or that has {@code properties};</li>
 *   <li>supported types: String, Number, Boolean, Integer, Object, Array, Enum, anyOf, and {@code null} in a type
 *       array ("Although all fields must be required ... emulate an optional parameter by using a union type with
 *       null"); any other type name is a violation;</li>
 *   <li>"Definitions are supported" ({@code $defs}) and "Recursive schemas are supported" (with {@code #} for root
 *       recursion): a {@code $ref} must be {@code #} or {@code #/$defs/...} and resolve in the document;</li>
 *   <li>"Supported properties": strings {@code pattern}, {@code format} (only {@code date-time}, {@code time},
 *       {@code date}, {@code duration}, {@code email}, {@code hostname}, {@code ipv4}, {@code ipv6},
 *       {@code uuid}); numbers {@code multipleOf}, {@code maximum}, {@code exclusiveMaximum}, {@code minimum},
 *       {@code exclusiveMinimum}; arrays {@code minItems}, {@code maxItems}; and the structural keywords
 *       {@code type}, {@code description}, {@code title}, {@code enum}, {@code const}, {@code items},
 *       {@code properties}, {@code required}, {@code additionalProperties}, {@code anyOf}, {@code $ref},
 *       {@code $defs}. Every other keyword (allOf, oneOf, not, if/then/else, patternProperties, minLength,
 *       maxLength, uniqueItems, prefixItems, contains, dependent*, unevaluated*, propertyNames,
 *       minProperties/maxProperties, default, examples, $schema, $id, ...) is reported as unsupported. Keywords are
 *       not checked against the type they apply to (a {@code pattern} beside {@code type: number} passes);</li>
 *   <li>"Objects have limitations on nesting depth and size": at most 5000 object properties in total, at most 10
 *       levels of object nesting (counted through {@code $ref}, a reference cycle ending the count), at most 1000
 *       enum values in total; for a single enum of more than 250 string values, their total length at most 15,000
 *       characters; the total string length of all property names, definition names, enum values and const values
 *       at most 120,000 characters.</li>
 * </ul>
 *
 * <h2>Anthropic</h2>
 * Source: Anthropic docs, "Structured outputs" (strict tool use, {@code tools[].strict: true}), section
 * "JSON Schema limitations" (https://docs.claude.com/en/docs/build-with-claude/structured-outputs):
 * <ul>
 *   <li>objects: {@code additionalProperties} must be set to {@code false} (missing, {@code true} or a schema is a
 *       violation);</li>
 *   <li>supported: all basic types, {@code enum} (strings, numbers, booleans or nulls only, no complex types),
 *       {@code const}, {@code anyOf}, {@code allOf} (but not an {@code allOf} branch with a {@code $ref}), local
 *       {@code $ref} with {@code $defs} or {@code definitions}, {@code required}, {@code items}, {@code minItems}
 *       of 0 or 1 only, {@code description}, {@code title}, {@code default}, string {@code format} only
 *       {@code date-time}, {@code time}, {@code date}, {@code duration}, {@code email}, {@code hostname},
 *       {@code uri}, {@code ipv4}, {@code ipv6}, {@code uuid}, and {@code pattern} without backreferences,
 *       lookahead/lookbehind or word boundaries ({@code \b});</li>
 *   <li>unsupported: numerical constraints ({@code minimum}, {@code maximum}, {@code exclusiveMinimum},
 *       {@code exclusiveMaximum}, {@code multipleOf}), string constraints ({@code minLength}, {@code maxLength}),
 *       array constraints beyond {@code minItems} 0 or 1 ({@code maxItems}, {@code uniqueItems}), recursive schemas
 *       (a {@code $ref} cycle), external {@code $ref}, {@code oneOf}, {@code not}, {@code if/then/else},
 *       {@code patternProperties}; any other keyword is reported as unsupported too;</li>
 *   <li>complexity limits per request, across all strict tool schemas ({@link #anthropicRequest}): at most 20
 *       strict tools, at most 24 optional properties (a key of {@code properties} not listed in {@code required}),
 *       at most 16 properties whose schema uses {@code anyOf} or a type array. <b>Assumption</b>: the documentation
 *       does not say how references are counted; they are counted on the schema text as sent, so a {@code $defs}
 *       entry counts once however often it is referenced.</li>
 * </ul>
 */
public final class StrictSubset {

    /** A provider with a strict structured-output subset. */
    public enum Provider { OPENAI, ANTHROPIC }

    private static final Set<String> TYPES = Set.of("string", "number", "boolean", "integer", "object", "array",
            "null");
    private static final Set<String> OPENAI_KEYWORDS = Set.of("type", "description", "title", "enum", "const",
            "items", "properties", "required", "additionalProperties", "anyOf", "$ref", "$defs", "pattern", "format",
            "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum", "minItems", "maxItems");
    private static final Set<String> OPENAI_FORMATS = Set.of("date-time", "time", "date", "duration", "email",
            "hostname", "ipv4", "ipv6", "uuid");
    private static final Set<String> ANTHROPIC_KEYWORDS = Set.of("type", "description", "title", "default", "enum",
            "const", "items", "properties", "required", "additionalProperties", "anyOf", "allOf", "$ref", "$defs",
            "definitions", "pattern", "format", "minItems");
    private static final Set<String> ANTHROPIC_FORMATS = Set.of("date-time", "time", "date", "duration", "email",
            "hostname", "uri", "ipv4", "ipv6", "uuid");
    /** Keywords whose values are schemas (single), maps of schemas, or arrays of schemas. */
    private static final Set<String> SCHEMA_MAPS = Set.of("properties", "$defs", "definitions", "patternProperties",
            "dependentSchemas");
    private static final Set<String> SCHEMA_ARRAYS = Set.of("anyOf", "allOf", "oneOf", "prefixItems");
    private static final Set<String> SCHEMAS = Set.of("items", "not", "if", "then", "else", "contains",
            "propertyNames", "unevaluatedItems", "unevaluatedProperties", "additionalItems");

    /** OpenAI limits ("Objects have limitations on nesting depth and size"). */
    static final int OPENAI_MAX_PROPERTIES = 5000;
    static final int OPENAI_MAX_DEPTH = 10;
    static final int OPENAI_MAX_ENUM_VALUES = 1000;
    static final int OPENAI_MAX_STRING_LENGTH = 120_000;
    /** Anthropic limits per request ("Structured outputs", complexity limits). */
    static final int ANTHROPIC_MAX_TOOLS = 20;
    static final int ANTHROPIC_MAX_OPTIONAL = 24;
    static final int ANTHROPIC_MAX_UNIONS = 16;

    private StrictSubset() {
    }

    /**
     * @param p      the provider
     * @param schema one schema as sent (OpenAI: {@code response_format.json_schema.schema}; Anthropic: one tool's
     *               {@code input_schema}, the per-request limits applied to it alone)
     * @return the violations, {@code <pointer>: <rule>}; empty when the schema is inside the subset
     */
    public static List<String> violations(Provider p, JsonNode schema) {
        Walk w = new Walk(p, schema);
        if (p == Provider.OPENAI) {
            if (!"object".equals(schema.path("type").asText(null))) {
                w.out.add(": the root schema must have type \"object\"");
            }
            if (schema.has("anyOf")) {
                w.out.add(": the root schema must not use anyOf");
            }
        }
        w.schema(schema, "");
        if (p == Provider.OPENAI) {
            w.openAiLimits();
        } else {
            w.refCycles();
            w.out.addAll(anthropicLimits(1, w.optional, w.unions));
        }
        return w.out;
    }

    /**
     * @param schemas every tool's {@code input_schema} of one request, all treated as strict
     * @return per tool index, its own violations; under key {@code -1}, the per-request complexity limits
     */
    public static Map<Integer, List<String>> anthropicRequest(List<JsonNode> schemas) {
        Map<Integer, List<String>> out = new java.util.TreeMap<>();
        int optional = 0;
        int unions = 0;
        for (int i = 0; i < schemas.size(); i++) {
            Walk w = new Walk(Provider.ANTHROPIC, schemas.get(i));
            w.schema(schemas.get(i), "");
            w.refCycles();
            optional += w.optional;
            unions += w.unions;
            if (!w.out.isEmpty()) {
                out.put(i, w.out);
            }
        }
        List<String> limits = anthropicLimits(schemas.size(), optional, unions);
        if (!limits.isEmpty()) {
            out.put(-1, limits);
        }
        return out;
    }

    private static List<String> anthropicLimits(int tools, int optional, int unions) {
        List<String> out = new ArrayList<>();
        if (tools > ANTHROPIC_MAX_TOOLS) {
            out.add(": " + tools + " strict tools, more than " + ANTHROPIC_MAX_TOOLS);
        }
        if (optional > ANTHROPIC_MAX_OPTIONAL) {
            out.add(": " + optional + " optional properties across strict schemas, more than "
                    + ANTHROPIC_MAX_OPTIONAL);
        }
        if (unions > ANTHROPIC_MAX_UNIONS) {
            out.add(": " + unions + " properties with anyOf or a type array across strict schemas, more than "
                    + ANTHROPIC_MAX_UNIONS);
        }
        return out;
    }

    /** One pass over a schema document. */
    private static final class Walk {
        final Provider p;
        final JsonNode root;
        final List<String> out = new ArrayList<>();
        int properties;
        int enumValues;
        long stringLength;
        int optional;
        int unions;

        Walk(Provider p, JsonNode root) {
            this.p = p;
            this.root = root;
        }

        void schema(JsonNode s, String ptr) {
            if (s.isBoolean()) {
                out.add(ptr + ": boolean schemas are not supported");
                return;
            }
            if (!s.isObject()) {
                out.add(ptr + ": a schema must be an object");
                return;
            }
            Set<String> allowed = p == Provider.OPENAI ? OPENAI_KEYWORDS : ANTHROPIC_KEYWORDS;
            Iterator<String> names = s.fieldNames();
            while (names.hasNext()) {
                String k = names.next();
                if (!allowed.contains(k)) {
                    out.add(ptr + "/" + esc(k) + ": keyword '" + k + "' is not supported");
                }
            }
            types(s, ptr);
            if (isObject(s)) {
                object(s, ptr);
            }
            if (s.has("enum")) {
                enumValues(s.get("enum"), ptr + "/enum");
            }
            if (s.has("const")) {
                stringLength += textLength(s.get("const"));
            }
            JsonNode format = s.get("format");
            if (format != null) {
                Set<String> formats = p == Provider.OPENAI ? OPENAI_FORMATS : ANTHROPIC_FORMATS;
                if (!formats.contains(format.asText())) {
                    out.add(ptr + "/format: format '" + format.asText() + "' is not supported");
                }
            }
            if (s.has("pattern")) {
                pattern(s.get("pattern").asText(), ptr + "/pattern");
            }
            if (s.has("minItems") && p == Provider.ANTHROPIC) {
                int n = s.get("minItems").asInt();
                if (n != 0 && n != 1) {
                    out.add(ptr + "/minItems: minItems " + s.get("minItems") + " is not supported (only 0 or 1)");
                }
            }
            if (s.has("$ref")) {
                ref(s.get("$ref").asText(), ptr + "/$ref");
            }
            if (s.has("allOf") && p == Provider.ANTHROPIC) {
                JsonNode all = s.get("allOf");
                for (int i = 0; i < all.size(); i++) {
                    if (all.get(i).has("$ref")) {
                        out.add(ptr + "/allOf/" + i + ": allOf with $ref is not supported");
                    }
                }
            }
            // subschemas, wherever they are, so nothing nested escapes the check
            s.fields().forEachRemaining(e -> {
                String k = e.getKey();
                JsonNode v = e.getValue();
                String at = ptr + "/" + esc(k);
                if (SCHEMA_MAPS.contains(k) && v.isObject()) {
                    v.fields().forEachRemaining(d -> {
                        if (!k.equals("properties")) {
                            stringLength += d.getKey().length();
                        }
                        schema(d.getValue(), at + "/" + esc(d.getKey()));
                    });
                } else if (SCHEMA_ARRAYS.contains(k) && v.isArray()) {
                    for (int i = 0; i < v.size(); i++) {
                        schema(v.get(i), at + "/" + i);
                    }
                } else if ((SCHEMAS.contains(k) || k.equals("additionalProperties")) && v.isObject()) {
                    schema(v, at);
                }
            });
        }

        private void types(JsonNode s, String ptr) {
            JsonNode t = s.get("type");
            if (t == null) {
                return;
            }
            List<JsonNode> ts = new ArrayList<>();
            if (t.isArray()) {
                t.forEach(ts::add);
            } else {
                ts.add(t);
            }
            for (JsonNode one : ts) {
                if (!one.isTextual() || !TYPES.contains(one.asText())) {
                    out.add(ptr + "/type: type " + one + " is not supported");
                }
            }
        }

        private void object(JsonNode s, String ptr) {
            JsonNode ap = s.get("additionalProperties");
            if (ap == null || !ap.isBoolean() || ap.asBoolean()) {
                out.add(ptr + ": additionalProperties must be false"
                        + (ap == null ? " (it is missing)" : " (it is " + ap + ")"));
            }
            Set<String> required = new HashSet<>();
            s.path("required").forEach(r -> required.add(r.asText()));
            JsonNode props = s.path("properties");
            props.fieldNames().forEachRemaining(name -> {
                properties++;
                stringLength += name.length();
                if (!required.contains(name)) {
                    optional++;
                    if (p == Provider.OPENAI) {
                        out.add(ptr + "/properties/" + esc(name) + ": property '" + name
                                + "' must be listed in required");
                    }
                }
                JsonNode v = props.get(name);
                if (v.has("anyOf") || v.path("type").isArray()) {
                    unions++;
                }
            });
        }

        private void enumValues(JsonNode values, String ptr) {
            if (!values.isArray()) {
                out.add(ptr + ": enum must be an array");
                return;
            }
            enumValues += values.size();
            long length = 0;
            boolean strings = true;
            for (int i = 0; i < values.size(); i++) {
                JsonNode v = values.get(i);
                length += textLength(v);
                strings &= v.isTextual();
                if (p == Provider.ANTHROPIC && (v.isContainerNode())) {
                    out.add(ptr + "/" + i + ": enum values must be strings, numbers, booleans or null");
                }
            }
            stringLength += length;
            if (p == Provider.OPENAI && strings && values.size() > 250 && length > 15_000) {
                out.add(ptr + ": an enum of more than 250 strings has " + length
                        + " characters, more than 15,000");
            }
        }

        private void pattern(String re, String ptr) {
            if (p != Provider.ANTHROPIC) {
                return;
            }
            boolean inClass = false;
            for (int i = 0; i < re.length(); i++) {
                char c = re.charAt(i);
                if (c == '\\' && i + 1 < re.length()) {
                    char n = re.charAt(++i);
                    if (n >= '1' && n <= '9' && !inClass || n == 'k' && !inClass) {
                        out.add(ptr + ": backreferences are not supported");
                    } else if (n == 'b' && !inClass || n == 'B' && !inClass) {
                        out.add(ptr + ": word boundaries (\\b) are not supported");
                    }
                } else if (c == '[' && !inClass) {
                    inClass = true;
                } else if (c == ']' && inClass) {
                    inClass = false;
                } else if (!inClass && (re.startsWith("(?=", i) || re.startsWith("(?!", i)
                        || re.startsWith("(?<=", i) || re.startsWith("(?<!", i))) {
                    out.add(ptr + ": lookahead/lookbehind is not supported");
                }
            }
        }

        private void ref(String ref, String ptr) {
            boolean local = p == Provider.OPENAI
                    ? ref.equals("#") || ref.startsWith("#/$defs/")
                    : ref.equals("#") || ref.startsWith("#/$defs/") || ref.startsWith("#/definitions/");
            if (!local) {
                out.add(ptr + ": $ref '" + ref + "' is not supported (only local "
                        + (p == Provider.OPENAI ? "#/$defs/..." : "#/$defs/... or #/definitions/...") + ")");
            } else if (resolve(ref) == null) {
                out.add(ptr + ": $ref '" + ref + "' does not resolve");
            }
        }

        JsonNode resolve(String ref) {
            if (!ref.startsWith("#")) {
                return null;
            }
            try {
                JsonNode n = root.at(JsonPointer.compile(ref.substring(1)));
                return n.isMissingNode() ? null : n;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        void openAiLimits() {
            if (properties > OPENAI_MAX_PROPERTIES) {
                out.add(": " + properties + " object properties, more than " + OPENAI_MAX_PROPERTIES);
            }
            int depth = depth(root, new ArrayDeque<>());
            if (depth > OPENAI_MAX_DEPTH) {
                out.add(": " + depth + " levels of object nesting, more than " + OPENAI_MAX_DEPTH);
            }
            if (enumValues > OPENAI_MAX_ENUM_VALUES) {
                out.add(": " + enumValues + " enum values, more than " + OPENAI_MAX_ENUM_VALUES);
            }
            if (stringLength > OPENAI_MAX_STRING_LENGTH) {
                out.add(": " + stringLength + " characters of property names, definition names, enum and const"
                        + " values, more than " + OPENAI_MAX_STRING_LENGTH);
            }
        }

        /** @return the levels of object nesting under {@code s}, following references until one repeats */
        private int depth(JsonNode s, Deque<JsonNode> refs) {
            if (!s.isObject()) {
                return 0;
            }
            int below = 0;
            if (s.has("$ref")) {
                JsonNode target = resolve(s.get("$ref").asText());
                if (target != null && refs.stream().noneMatch(r -> r == target)) {
                    refs.push(target);
                    below = Math.max(below, depth(target, refs));
                    refs.pop();
                }
            }
            for (JsonNode v : s.path("properties")) {
                below = Math.max(below, depth(v, refs));
            }
            below = Math.max(below, depth(s.path("items"), refs));
            for (JsonNode v : s.path("anyOf")) {
                below = Math.max(below, depth(v, refs));
            }
            return below + (isObject(s) ? 1 : 0);
        }

        /** Anthropic: "recursive schemas" are not supported; reports each {@code $ref} that closes a cycle. */
        void refCycles() {
            cycles(root, "", new ArrayDeque<>(), new HashSet<>());
        }

        private void cycles(JsonNode s, String ptr, Deque<JsonNode> stack, Set<String> reported) {
            if (s == null || !s.isContainerNode()) {
                return;
            }
            if (s.isObject() && s.has("$ref") && s.get("$ref").isTextual()) {
                JsonNode target = resolve(s.get("$ref").asText());
                if (target != null) {
                    if (stack.stream().anyMatch(t -> t == target) || target == root) {
                        if (reported.add(ptr)) {
                            out.add(ptr + "/$ref: recursive schemas are not supported ($ref '"
                                    + s.get("$ref").asText() + "' refers back to a schema that contains it)");
                        }
                    } else {
                        stack.push(target);
                        cycles(target, ptr, stack, reported);
                        stack.pop();
                    }
                }
            }
            if (s.isObject()) {
                s.fields().forEachRemaining(e -> {
                    if (stack.isEmpty() && (e.getKey().equals("$defs") || e.getKey().equals("definitions"))) {
                        return; // definitions are checked where they are used
                    }
                    if (!e.getKey().equals("enum") && !e.getKey().equals("const") && !e.getKey().equals("default")) {
                        cycles(e.getValue(), ptr + "/" + esc(e.getKey()), stack, reported);
                    }
                });
            } else {
                for (int i = 0; i < s.size(); i++) {
                    cycles(s.get(i), ptr + "/" + i, stack, reported);
                }
            }
        }
    }

    /** @return whether {@code s} describes an object: type object (or in its type array), or properties */
    static boolean isObject(JsonNode s) {
        JsonNode t = s.get("type");
        if (t != null && t.isTextual()) {
            return t.asText().equals("object");
        }
        if (t != null && t.isArray()) {
            for (JsonNode one : t) {
                if (one.asText().equals("object")) {
                    return true;
                }
            }
            return false;
        }
        return s.has("properties");
    }

    private static long textLength(JsonNode v) {
        return v.isTextual() ? v.asText().length() : v.isValueNode() ? v.asText().length() : v.toString().length();
    }

    private static String esc(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
