package dev.specforge.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.specforge.plan.EnrichmentKind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks one item's answer, which is untrusted input that ends up in code: first against the item's own answer
 * schema ({@link AnswerSchemas#item}, JSON Schema 2020-12, the schema the provider was sent), then against the few
 * rules that schema cannot state inside the providers' strict subsets. Only these may refuse a schema-valid answer,
 * and each is also stated in the kind's prompt rules ({@code /llm/<kind>.rules.md}):
 * <ul>
 *   <li>field-validators: a {@code pattern} value must compile as a Java regular expression ({@link Pattern});
 *       no constraint kind may appear twice (strict subsets have no {@code uniqueItems});</li>
 *   <li>entity-docs: a description of at most {@value #MAX_DESCRIPTION} characters (no {@code maxLength} in
 *       Anthropic's subset or OpenAI's).</li>
 * </ul>
 * sample-data has no rule beyond its schema: samples are closed objects of the entity's properties with their
 * types, enum values and formats. Compiled schemas are cached by their text (item schemas repeat: one per field
 * type, one per entity). Thread-safe.
 */
public final class AnswerCheck {

    private static final Pattern COUNT = Pattern.compile(AnswerSchemas.COUNT.substring(1, AnswerSchemas.COUNT.length() - 1));
    private static final Pattern DECIMAL = Pattern.compile(
            AnswerSchemas.PLAIN_DECIMAL.substring(1, AnswerSchemas.PLAIN_DECIMAL.length() - 1));

    /** The longest description kept, in characters (it is written into Javadoc, comments and READMEs). */
    public static final int MAX_DESCRIPTION = 600;

    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER)
            .locale(Locale.ROOT).build();
    private final Cache<String, JsonSchema> compiled = Caffeine.newBuilder().maximumSize(2_000).build();

    /** A check with an empty cache of compiled schemas. */
    public AnswerCheck() {
        // schemas are compiled on first use
    }

    /**
     * @param kind    the item's kind
     * @param context the item's context (its answer schema is built from it, and the semantic checks read it)
     * @param answer  the answer, or {@code null} when the provider gave none for this item
     * @return the problems, each naming where it is (JSON pointer) and why; empty when the answer is usable
     */
    public List<String> problems(EnrichmentKind kind, JsonNode context, JsonNode answer) {
        return problems(kind, AnswerSchemas.item(kind, context), answer);
    }

    /**
     * @param kind   the item's kind
     * @param schema the item's answer schema ({@link AnswerSchemas#item}, as sent)
     * @param answer the answer, or {@code null} when the provider gave none for this item
     * @return the problems, each naming where it is (JSON pointer) and why; empty when the answer is usable
     */
    public List<String> problems(EnrichmentKind kind, ObjectNode schema, JsonNode answer) {
        if (answer == null || answer.isMissingNode() || answer.isNull()) {
            return List.of("no answer was given for this item");
        }
        JsonSchema compiledSchema = compiled.get(schema.toString(), t -> factory.getSchema(schema, config));
        Set<ValidationMessage> violations = compiledSchema.validate(answer);
        if (!violations.isEmpty()) {
            return violations.stream()
                    .sorted(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString()))
                    .map(m -> pointer(m) + ": " + m.getError()).limit(10).toList();
        }
        return switch (kind) {
            case FIELD_VALIDATORS -> fieldValidators(answer);
            case SAMPLE_DATA -> List.of();
            case ENTITY_DOCS -> answer.path("description").asText().length() > MAX_DESCRIPTION
                    ? List.of("/description: longer than " + MAX_DESCRIPTION + " characters") : List.of();
        };
    }

    private static String pointer(ValidationMessage m) {
        String p = m.getInstanceLocation().toString();
        return p.isEmpty() ? "/" : p;
    }

    private static List<String> fieldValidators(JsonNode answer) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        JsonNode cs = answer.path("constraints");
        for (int i = 0; i < cs.size(); i++) {
            String at = "/constraints/" + i;
            String kind = cs.get(i).path("kind").asText();
            if (!seen.add(kind)) {
                out.add(at + "/kind: '" + kind + "' appears twice");
            } else if (!exact(kind, cs.get(i).path("value"))) {
                out.add(at + "/value: " + cs.get(i).path("value") + " is not exactly a " + kind + " value");
            } else if (kind.equals("pattern")) {
                try {
                    Pattern.compile(cs.get(i).path("value").asText());
                } catch (PatternSyntaxException e) {
                    out.add(at + "/value: the regular expression does not compile: " + e.getDescription());
                }
            }
        }
        return out;
    }

    /**
     * The value patterns of {@link AnswerSchemas#valueSchema} end in {@code $}, which means the end of the text in
     * ECMA-262 (the dialect of JSON Schema patterns, 2020-12 Validation section 6.3.3) but also matches before a final
     * line break in {@link Pattern}, the validator's engine: a value is matched whole here, so {@code "255\n"} is
     * refused as the schema means.
     */
    private static boolean exact(String kind, JsonNode value) {
        return switch (kind) {
            case "minLength", "maxLength", "minItems", "maxItems" -> COUNT.matcher(value.asText()).matches();
            case "minimum", "maximum" -> DECIMAL.matcher(value.asText()).matches();
            default -> true;
        };
    }
}
