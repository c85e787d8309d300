package dev.specforge.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.specforge.plan.EnrichmentKind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The answer schemas sent with every LLM call: one per item, built from the item's context, so that the schema
 * states every rule {@link AnswerCheck} enforces that a strict schema can state. A model whose output follows the
 * schema (strict structured output guarantees no more) is then refused only for the few rules listed in
 * {@link AnswerCheck}, never for the shape, a type, an unknown property or a constraint kind that does not fit.
 *
 * <p>Every schema stays inside the intersection of the two providers' strict subsets:
 * <ul>
 *   <li>OpenAI, guide "Structured Outputs", section "Supported schemas": the root is an object; every object has
 *       {@code additionalProperties: false} and lists all its properties in {@code required}; {@code anyOf},
 *       {@code const}, {@code enum}, local {@code $ref}/{@code $defs}, {@code pattern} and the formats
 *       {@code date-time}, {@code time}, {@code date}, {@code duration}, {@code email}, {@code hostname},
 *       {@code ipv4}, {@code ipv6}, {@code uuid} are supported; {@code minLength}/{@code maxLength} are not.</li>
 *   <li>Anthropic, "Structured outputs" (strict tool use), section "JSON Schema limitations":
 *       {@code additionalProperties: false} on every object; {@code minItems} only 0 or 1 and no {@code maxItems};
 *       no numeric bounds, no length bounds; patterns without backreferences, lookaround or {@code \b}; at most 16
 *       properties using {@code anyOf} or a type array and at most 24 optional properties per request. Hence no
 *       property is optional or nullable here, and a batch lists each distinct item schema once under
 *       {@code $defs}.</li>
 * </ul>
 * So: every property required, no type arrays, no numeric or length keywords, simple patterns only.
 * Thread-safe (stateless).
 */
public final class AnswerSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A non-blank string: at least one non-space character (JSON Schema {@code pattern} is an unanchored search). */
    static final String NON_BLANK = "\\S";
    /** A length or an item count as text: a non-negative integer of at most 9 digits. */
    static final String COUNT = "^[0-9]{1,9}$";
    /**
     * A bound as text: a plain decimal, at most 18 digits before and 9 after the point, no exponent
     * ({@code "1e999999999"} is a valid BigDecimal whose plain text is a billion digits).
     */
    static final String PLAIN_DECIMAL = "^-?[0-9]{1,18}(\\.[0-9]{1,9})?$";

    /** Field types whose fields can take string constraints (lengths, notBlank, email). */
    private static final Set<String> TEXT = Set.of("string");
    private static final Set<String> NUMERIC = Set.of("integer", "long", "decimal", "double", "float");
    private static final Set<String> TEMPORAL = Set.of("date", "datetime");
    /** Formats both providers support in strict mode (see the class comment), by the spec's format name. */
    private static final Map<String, String> FORMATS = Map.of("email", "email", "date", "date", "date-time",
            "date-time", "time", "time", "duration", "duration", "hostname", "hostname", "ipv4", "ipv4", "ipv6",
            "ipv6", "uuid", "uuid");

    /**
     * field-validators item schemas by the kinds that suit the field: a handful in all, shared by every item (a
     * spec of 10,000 entities would otherwise hold tens of thousands of equal schema trees while it renders).
     */
    private static final Map<List<String>, ObjectNode> FIELD_SCHEMAS = new ConcurrentHashMap<>();
    private static final ObjectNode ENTITY_DOCS_SCHEMA = entityDocs();

    private AnswerSchemas() {
    }

    private static ObjectNode entityDocs() {
        ObjectNode s = closed();
        ((ObjectNode) s.get("properties")).putObject("description").put("type", "string").put("pattern", NON_BLANK);
        ((ArrayNode) s.get("required")).add("description");
        return s;
    }

    /**
     * The field-validators constraint kinds that suit a field, by its type in the item context: strings take
     * {@code notBlank}, {@code email}, {@code pattern}, {@code minLength}, {@code maxLength}; uuids {@code pattern};
     * numbers {@code minimum}, {@code maximum}, {@code positive}, {@code positiveOrZero}; dates {@code past},
     * {@code pastOrPresent}, {@code future}; lists {@code minItems}, {@code maxItems}; other types none. These are
     * the Jakarta Bean Validation 3.0 built-in constraints that apply to the Java type each field maps to
     * (Bean Validation 3.0, section 6.1.1, the built-in constraint definitions).
     *
     * @param field the {@code field} of a per-field context ({@link ContextFilter#forField}): {@code type},
     *              {@code many}
     * @return the kinds, in a fixed order; empty when none applies
     */
    public static List<String> constraintKinds(JsonNode field) {
        String type = field.path("type").asText();
        if (field.path("many").asBoolean(false)) {
            return List.of("minItems", "maxItems");
        }
        if (TEXT.contains(type)) {
            return List.of("notBlank", "email", "pattern", "minLength", "maxLength");
        }
        if (type.equals("uuid")) {
            return List.of("pattern");
        }
        if (NUMERIC.contains(type)) {
            return List.of("minimum", "maximum", "positive", "positiveOrZero");
        }
        if (TEMPORAL.contains(type)) {
            return List.of("past", "pastOrPresent", "future");
        }
        return List.of();
    }

    /**
     * @param kind a constraint kind from {@link #constraintKinds}
     * @return the schema of its {@code value}: {@code null} for kinds without one, else a string with the pattern
     *         of its form ({@link #COUNT}, {@link #PLAIN_DECIMAL}, or non-blank for a regular expression)
     */
    static ObjectNode valueSchema(String kind) {
        ObjectNode v = JSON.createObjectNode();
        switch (kind) {
            case "pattern" -> v.put("type", "string").put("pattern", NON_BLANK);
            case "minLength", "maxLength", "minItems", "maxItems" -> v.put("type", "string").put("pattern", COUNT);
            case "minimum", "maximum" -> v.put("type", "string").put("pattern", PLAIN_DECIMAL);
            default -> v.put("type", "null");
        }
        return v;
    }

    /**
     * The answer schema of one item.
     * <ul>
     *   <li>field-validators: {@code {constraints: [{kind, value}], example}}, where each constraint is one of the
     *       closed branches of the kinds that suit the field ({@code anyOf}, each with a {@code const} kind and its
     *       value's schema); a field no kind suits is asked for its {@code example} only;</li>
     *   <li>entity-docs: {@code {description}}, a non-blank string;</li>
     *   <li>sample-data: {@code {samples: [Entity, ...]}}, at least one, each a closed object of the entity's own
     *       properties ({@link #entitySchema}).</li>
     * </ul>
     *
     * @param kind    the item's kind
     * @param context the item's context ({@link ContextFilter})
     * @return the schema (JSON Schema 2020-12, inside both strict subsets); field-validators and entity-docs schemas
     *         are shared between items, so treat every returned schema as immutable
     */
    public static ObjectNode item(EnrichmentKind kind, JsonNode context) {
        return switch (kind) {
            case FIELD_VALIDATORS -> FIELD_SCHEMAS.computeIfAbsent(constraintKinds(context.path("field")),
                    AnswerSchemas::fieldValidators);
            case ENTITY_DOCS -> ENTITY_DOCS_SCHEMA;
            case SAMPLE_DATA -> {
                Map<String, JsonNode> related = new HashMap<>();
                context.path("related").forEach(r -> related.put(r.path("name").asText(), r));
                ObjectNode s = closed();
                ObjectNode samples = ((ObjectNode) s.get("properties")).putObject("samples");
                samples.put("type", "array").put("minItems", 1);
                samples.set("items", entitySchema(context.path("entity"), related, 1));
                ((ArrayNode) s.get("required")).add("samples");
                yield s;
            }
        };
    }

    private static ObjectNode fieldValidators(List<String> kinds) {
        ObjectNode s = closed();
        ObjectNode props = (ObjectNode) s.get("properties");
        ArrayNode required = (ArrayNode) s.get("required");
        if (!kinds.isEmpty()) {
            List<ObjectNode> branches = new ArrayList<>();
            for (String k : kinds) {
                ObjectNode b = closed();
                ObjectNode bp = (ObjectNode) b.get("properties");
                bp.putObject("kind").put("type", "string").put("const", k);
                bp.set("value", valueSchema(k));
                ((ArrayNode) b.get("required")).add("kind").add("value");
                branches.add(b);
            }
            ObjectNode constraints = props.putObject("constraints");
            constraints.put("type", "array");
            if (branches.size() == 1) {
                constraints.set("items", branches.get(0));
            } else {
                constraints.putObject("items").putArray("anyOf").addAll(branches);
            }
            required.add("constraints");
        }
        props.putObject("example").put("type", "string");
        required.add("example");
        return s;
    }

    /**
     * A closed object schema of an entity's instances, from its context: every property it can describe is
     * required (samples are full instances: fixtures then exercise every field, and a strict schema has no optional
     * property anyway). Strings keep a format both providers support; enums list their values; a reference nests
     * the referenced entity's schema while {@code depth} allows and its context is present. Properties it cannot
     * describe as a closed schema are left out, and so never appear in a sample: maps and untyped values (strict
     * mode needs {@code additionalProperties: false}), references past the depth or to an entity outside the
     * context, enums without values.
     *
     * @param entity  an entity of a context ({@code name}, {@code fields})
     * @param related the context's related entities by name
     * @param depth   how many reference levels may still nest
     * @return the schema
     */
    static ObjectNode entitySchema(JsonNode entity, Map<String, JsonNode> related, int depth) {
        ObjectNode s = closed();
        ObjectNode props = (ObjectNode) s.get("properties");
        ArrayNode required = (ArrayNode) s.get("required");
        Map<String, ObjectNode> byName = new LinkedHashMap<>();
        for (JsonNode f : entity.path("fields")) {
            ObjectNode v = valueOf(f, related, depth);
            if (v == null) {
                continue;
            }
            if (f.path("many").asBoolean(false)) {
                ObjectNode list = JSON.createObjectNode();
                list.put("type", "array");
                list.set("items", v);
                v = list;
            }
            byName.putIfAbsent(ContextFilter.jsonName(f), v);
        }
        byName.forEach((name, v) -> {
            props.set(name, v);
            required.add(name);
        });
        return s;
    }

    private static ObjectNode valueOf(JsonNode f, Map<String, JsonNode> related, int depth) {
        ObjectNode v = JSON.createObjectNode();
        switch (f.path("type").asText()) {
            case "boolean" -> v.put("type", "boolean");
            case "integer", "long" -> v.put("type", "integer");
            case "decimal", "double", "float" -> v.put("type", "number");
            case "date" -> v.put("type", "string").put("format", "date");
            case "datetime" -> v.put("type", "string").put("format", "date-time");
            case "uuid" -> v.put("type", "string").put("format", "uuid");
            case "string", "uri", "bytes" -> {
                v.put("type", "string");
                String format = FORMATS.get(f.path("format").asText(""));
                if (format != null) {
                    v.put("format", format);
                }
            }
            case "enum" -> {
                JsonNode target = related.get(f.path("target").asText());
                if (target == null || target.path("values").isEmpty()) {
                    return null;
                }
                v.put("type", "string");
                ArrayNode values = v.putArray("enum");
                target.path("values").forEach(x -> values.add(x.asText()));
            }
            case "ref" -> {
                JsonNode target = related.get(f.path("target").asText());
                if (target == null || depth == 0 || !target.path("kind").asText().equals("object")) {
                    return null;
                }
                return entitySchema(target, related, depth - 1);
            }
            default -> {
                return null;
            }
        }
        return v;
    }

    /**
     * The answer schema of one call: an object whose required properties are the item ids {@code i1..iN}, each a
     * {@code $ref} to its item schema under {@code $defs} ({@code item1}, {@code item2}... in order of first use).
     * Two batches of the same size whose items share their schemas get byte-identical batch schemas, which both
     * providers put before the system prompt in the cached prefix (OpenAI "Prompt caching": "the structured output
     * schema serves as a prefix to the system message"; Anthropic "Prompt caching": the prefix is tools, then
     * system, then messages).
     *
     * @param itemSchemas the item schemas, in id order ({@code i1} first)
     * @return the batch schema
     */
    public static ObjectNode batch(List<? extends JsonNode> itemSchemas) {
        ObjectNode s = JSON.createObjectNode();
        s.put("type", "object");
        ObjectNode props = s.putObject("properties");
        ArrayNode required = s.putArray("required");
        s.put("additionalProperties", false);
        ObjectNode defs = s.putObject("$defs");
        Map<String, String> defByText = new HashMap<>();
        for (int i = 0; i < itemSchemas.size(); i++) {
            JsonNode item = itemSchemas.get(i);
            String def = defByText.computeIfAbsent(item.toString(), t -> {
                String name = "item" + (defs.size() + 1);
                defs.set(name, item);
                return name;
            });
            String id = "i" + (i + 1);
            props.putObject(id).put("$ref", "#/$defs/" + def);
            required.add(id);
        }
        return s;
    }

    private static ObjectNode closed() {
        ObjectNode s = JSON.createObjectNode();
        s.put("type", "object");
        s.putObject("properties");
        s.putArray("required");
        s.put("additionalProperties", false);
        return s;
    }
}
