package dev.specforge.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.specforge.plan.EnrichmentKind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks one item's answer, which is untrusted input that ends up in code: first against the kind's JSON Schema
 * (JSON Schema 2020-12), then semantically against the item's context:
 * <ul>
 *   <li>field-validators: a constraint must suit the field's type (lengths, {@code pattern}, {@code notBlank} and
 *       {@code email} on strings; bounds and signs on numbers; {@code past}/{@code future} on dates; item counts on
 *       lists); a pattern must compile ({@link Pattern}); a length or count must be a non-negative integer; a bound
 *       must be a plain decimal (no exponent); no kind twice;</li>
 *   <li>sample-data: each sample must parse as a JSON object whose keys are the entity's JSON property names.</li>
 * </ul>
 * Thread-safe.
 */
public final class AnswerCheck {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> NUMERIC = Set.of("integer", "long", "decimal", "double");
    private static final Set<String> TEMPORAL = Set.of("date", "datetime");
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?[0-9]{1,18}(\\.[0-9]{1,9})?");

    private final Map<EnrichmentKind, JsonSchema> schemas = new EnumMap<>(EnrichmentKind.class);

    /** Compiles the kinds' answer schemas. */
    public AnswerCheck() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER)
                .locale(Locale.ROOT).build();
        for (EnrichmentKind k : EnrichmentKind.values()) {
            schemas.put(k, factory.getSchema(k.schema(), config));
        }
    }

    /**
     * @param kind    the item's kind
     * @param context the item's context (for the semantic checks)
     * @param answer  the answer, or {@code null} when the provider gave none for this item
     * @return the problems, each naming where it is (JSON pointer) and why; empty when the answer is usable
     */
    public List<String> problems(EnrichmentKind kind, JsonNode context, JsonNode answer) {
        if (answer == null || answer.isMissingNode() || answer.isNull()) {
            return List.of("no answer was given for this item");
        }
        Set<ValidationMessage> violations = schemas.get(kind).validate(answer);
        if (!violations.isEmpty()) {
            return violations.stream()
                    .sorted(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString()))
                    .map(m -> pointer(m) + ": " + m.getError()).limit(10).toList();
        }
        return switch (kind) {
            case FIELD_VALIDATORS -> fieldValidators(context.path("field"), answer);
            case SAMPLE_DATA -> samples(context.path("entity"), answer);
            case ENTITY_DOCS -> answer.path("description").asText().isBlank()
                    ? List.of("/description: must not be blank") : List.of();
        };
    }

    private static String pointer(ValidationMessage m) {
        String p = m.getInstanceLocation().toString();
        return p.isEmpty() ? "/" : p;
    }

    private static List<String> fieldValidators(JsonNode field, JsonNode answer) {
        List<String> out = new ArrayList<>();
        String type = field.path("type").asText();
        boolean many = field.path("many").asBoolean(false);
        boolean string = !many && (type.equals("string") || type.equals("uuid"));
        boolean text = !many && type.equals("string");
        boolean numeric = !many && NUMERIC.contains(type);
        boolean temporal = !many && TEMPORAL.contains(type);
        Set<String> seen = new HashSet<>();
        JsonNode cs = answer.path("constraints");
        for (int i = 0; i < cs.size(); i++) {
            String at = "/constraints/" + i;
            String kind = cs.get(i).path("kind").asText();
            JsonNode value = cs.get(i).path("value");
            if (!seen.add(kind)) {
                out.add(at + "/kind: '" + kind + "' appears twice");
                continue;
            }
            boolean suits = switch (kind) {
                case "notBlank", "email", "pattern", "minLength", "maxLength" -> text || (string && kind.equals("pattern"));
                case "minimum", "maximum", "positive", "positiveOrZero" -> numeric;
                case "past", "pastOrPresent", "future" -> temporal;
                case "minItems", "maxItems" -> many;
                default -> false;
            };
            if (!suits) {
                out.add(at + "/kind: '" + kind + "' does not apply to a field of type " + type + (many ? " (list)" : ""));
                continue;
            }
            switch (kind) {
                case "pattern" -> {
                    if (!value.isTextual() || value.asText().isEmpty()) {
                        out.add(at + "/value: a pattern needs a regular expression");
                    } else {
                        try {
                            Pattern.compile(value.asText());
                        } catch (PatternSyntaxException e) {
                            out.add(at + "/value: the regular expression does not compile: " + e.getDescription());
                        }
                    }
                }
                case "minLength", "maxLength", "minItems", "maxItems" -> {
                    if (!value.isTextual() || !value.asText().matches("[0-9]{1,9}")) {
                        out.add(at + "/value: " + kind + " needs a non-negative integer, not " + value);
                    }
                }
                case "minimum", "maximum" -> {
                    // plain decimals only: "1e999999999" is a valid BigDecimal whose plain text is a billion digits
                    if (!value.isTextual() || !PLAIN_NUMBER.matcher(value.asText()).matches()) {
                        out.add(at + "/value: " + kind + " needs a plain decimal number (at most 18 digits before "
                                + "and 9 after the point), not " + value);
                    }
                }
                default -> {
                    if (!value.isNull() && !value.asText().isEmpty()) {
                        out.add(at + "/value: '" + kind + "' takes no value (use null)");
                    }
                }
            }
        }
        return out;
    }

    private static List<String> samples(JsonNode entity, JsonNode answer) {
        Set<String> names = new HashSet<>();
        entity.path("fields").forEach(f -> names.add(f.path("jsonName").asText()));
        List<String> out = new ArrayList<>();
        JsonNode samples = answer.path("samples");
        for (int i = 0; i < samples.size(); i++) {
            JsonNode parsed;
            try {
                parsed = JSON.readTree(samples.get(i).asText());
            } catch (JsonProcessingException e) {
                out.add("/samples/" + i + ": not JSON: " + e.getOriginalMessage());
                continue;
            }
            if (parsed == null || !parsed.isObject()) {
                out.add("/samples/" + i + ": must be a JSON object");
                continue;
            }
            for (var it = parsed.fieldNames(); it.hasNext(); ) {
                String n = it.next();
                if (!names.contains(n)) {
                    out.add("/samples/" + i + ": '" + n + "' is not a property of " + entity.path("name").asText());
                }
            }
        }
        return out;
    }
}
