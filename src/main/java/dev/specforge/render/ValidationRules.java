package dev.specforge.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.specforge.llm.Enrichments;
import dev.specforge.plan.EnrichmentKind;
import dev.specforge.spec.Constraints;
import dev.specforge.spec.Entity;
import dev.specforge.spec.Field;
import dev.specforge.spec.FieldType;
import dev.specforge.spec.ProjectModel;
import dev.specforge.spec.TypeRef;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A field's validation rules in a language-neutral form, for stacks that write their own checks (go-service,
 * express-api) rather than Bean Validation annotations, and the source of camel-service's annotations
 * ({@link JavaTypes#annotations(Field, List)}) and of the served contract's schemas ({@link ContractDocument}). The
 * rules are the spec's constraints (JSON Schema Validation 2020-12 sections 6.2 to 6.4, {@code format: email} from
 * section 7.3.2), plus the constraints the field-validators answer suggests for kinds the spec leaves open (the spec
 * wins a kind both give) only when suggestions are enforced: {@link ProjectModel#enforcesSuggestions()} decides, true
 * only for a native spec with {@code validation: {suggestedConstraints: enforce}}. Otherwise the suggestions are
 * {@link #suggested documentation only} (issue 19: enrichment never narrows the contract).
 *
 * <p>Each rule is a map of {@code kind}, {@code value} (a plain decimal number, a regular expression, or empty) and
 * {@code source} ({@code spec} or {@code enrichment}). Kinds, in this order:
 * <ul>
 *   <li>{@code required}: present and not null (a required field that is also nullable gets none);</li>
 *   <li>lists: {@code minItems}, {@code maxItems} (counts);</li>
 *   <li>strings: {@code notBlank}, {@code minLength}, {@code maxLength} (characters), {@code pattern} (as written in
 *       the spec, an ECMA-262 regular expression by JSON Schema's rule; a stack's runtime may not accept every
 *       one), {@code email};</li>
 *   <li>numbers: {@code minimum}, {@code exclusiveMinimum}, {@code maximum}, {@code exclusiveMaximum},
 *       {@code positive}, {@code positiveOrZero};</li>
 *   <li>dates: {@code past}, {@code pastOrPresent}, {@code future}.</li>
 * </ul>
 * Item-level constraints of lists (the length of each string in a list) are not rules, as in camel-service.
 */
public final class ValidationRules {

    private ValidationRules() {
    }

    /**
     * The rules a generated service enforces for a field.
     *
     * @param f           a field
     * @param constraints the field-validators answer's {@code constraints} array ({@code [{kind, value}]}), checked
     *                    by {@code AnswerCheck}; may be {@code null} or missing
     * @param enforceSuggestions whether the answer's suggestions are enforced
     *                    ({@link ProjectModel#enforcesSuggestions()}); when {@code false} only the spec's rules
     * @return the rules, in the order above, each kind at most once
     */
    public static List<Map<String, String>> of(Field f, JsonNode constraints, boolean enforceSuggestions) {
        List<Map<String, String>> all = merged(f, constraints);
        return enforceSuggestions ? all : all.stream().filter(r -> r.get("source").equals("spec")).toList();
    }

    /**
     * The field-validators answer's suggestions for the kinds the spec leaves open, whether or not they are
     * enforced: what {@link #of} adds with source {@code enrichment} when suggestions are enforced.
     *
     * @param f           a field
     * @param constraints the field-validators answer's {@code constraints} array, may be {@code null} or missing
     * @return the suggested rules, in the order above, each with source {@code enrichment}
     */
    public static List<Map<String, String>> suggested(Field f, JsonNode constraints) {
        return merged(f, constraints).stream().filter(r -> r.get("source").equals("enrichment")).toList();
    }

    /**
     * @param rule a rule from {@link #of} or {@link #suggested}
     * @return it as a short phrase for documentation and the run report: the kind, then its value when it has one,
     *         e.g. {@code maxLength 255}, {@code notBlank}, {@code pattern ^https?://}
     */
    public static String describe(Map<String, String> rule) {
        String value = rule.get("value");
        return value == null || value.isEmpty() ? rule.get("kind") : rule.get("kind") + " " + value;
    }

    /**
     * The doc-comment note of suggestions that are not enforced.
     *
     * @param suggested rules from {@link #suggested}
     * @return e.g. {@code Suggested (not enforced): notBlank, maxLength 255.}, or empty when there are none
     */
    public static String note(List<Map<String, String>> suggested) {
        if (suggested.isEmpty()) {
            return "";
        }
        return "Suggested (not enforced): " + String.join(", ", suggested.stream().map(ValidationRules::describe)
                .toList()) + ".";
    }

    /**
     * The suggestions a model enforces, one line each, for the run report; empty unless
     * {@link ProjectModel#enforcesSuggestions()}.
     *
     * @param model   the project model
     * @param answers the spec's enrichment answers
     * @return lines such as {@code Customer.email: maxLength 255 (field-validators suggestion, enforced:
     *         validation.suggestedConstraints = enforce)}, entities and fields in spec order (the entity's name in
     *         the model, the field's JSON name)
     */
    public static List<String> enforcedSuggestions(ProjectModel model, Enrichments answers) {
        if (!model.enforcesSuggestions()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        for (Entity e : model.entities()) {
            for (Field f : e.fields()) {
                Enrichments.Answer v = answers.get(EnrichmentKind.FIELD_VALIDATORS, e.name(), f.name());
                for (Map<String, String> rule : suggested(f, v == null ? null : v.value().path("constraints"))) {
                    lines.add(e.name() + "." + f.jsonName() + ": " + describe(rule)
                            + " (field-validators suggestion, enforced: validation.suggestedConstraints = enforce)");
                }
            }
        }
        return lines;
    }

    /** The spec's rules and the answer's for the kinds the spec leaves open, in the order above. */
    private static List<Map<String, String>> merged(Field f, JsonNode constraints) {
        Map<String, Map<String, String>> rules = new LinkedHashMap<>();
        TypeRef t = f.type();
        Constraints c = f.constraints();
        boolean string = t.type() == FieldType.STRING && !t.many();
        boolean number = !t.many() && switch (t.type()) {
            case INTEGER, LONG, DECIMAL, DOUBLE, FLOAT -> true;
            default -> false;
        };
        if (f.required() && !f.nullable()) {
            put(rules, "required", "", "spec");
        }
        if (t.many()) {
            put(rules, "minItems", c.minItems(), "spec");
            put(rules, "maxItems", c.maxItems(), "spec");
        }
        if (string) {
            put(rules, "minLength", c.minLength(), "spec");
            put(rules, "maxLength", c.maxLength(), "spec");
            put(rules, "pattern", c.pattern(), "spec");
            if ("email".equals(t.format())) {
                put(rules, "email", "", "spec");
            }
        }
        if (number) {
            put(rules, c.exclusiveMinimum() ? "exclusiveMinimum" : "minimum", c.minimum(), "spec");
            put(rules, c.exclusiveMaximum() ? "exclusiveMaximum" : "maximum", c.maximum(), "spec");
        }
        if (constraints != null) {
            for (JsonNode node : constraints) {
                String kind = node.path("kind").asText();
                String value = node.path("value").isNull() ? "" : node.path("value").asText("");
                boolean fits = switch (kind) {
                    case "notBlank", "email", "pattern", "minLength", "maxLength" -> string;
                    case "minItems", "maxItems" -> t.many();
                    case "minimum", "maximum", "positive", "positiveOrZero" -> number;
                    case "past", "pastOrPresent", "future" ->
                            !t.many() && (t.type() == FieldType.DATE || t.type() == FieldType.DATETIME);
                    default -> false;
                };
                boolean specHasBound = (kind.equals("minimum") && (rules.containsKey("exclusiveMinimum")))
                        || (kind.equals("maximum") && rules.containsKey("exclusiveMaximum"));
                if (fits && !specHasBound && !rules.containsKey(kind) && valueFits(kind, value)) {
                    put(rules, kind, value, "enrichment");
                }
            }
        }
        List<Map<String, String>> ordered = new ArrayList<>();
        for (String kind : ORDER) {
            if (rules.containsKey(kind)) {
                ordered.add(rules.get(kind));
            }
        }
        return ordered;
    }

    private static final List<String> ORDER = List.of("required", "minItems", "maxItems", "notBlank", "minLength",
            "maxLength", "pattern", "email", "minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum", "positive",
            "positiveOrZero", "past", "pastOrPresent", "future");

    /** Numbers must parse (counts as non-negative integers), patterns must be non-empty; others take no value. */
    private static boolean valueFits(String kind, String value) {
        try {
            return switch (kind) {
                case "minLength", "maxLength", "minItems", "maxItems" -> Integer.parseInt(value) >= 0;
                case "minimum", "maximum" -> new BigDecimal(value).abs().compareTo(BigDecimal.TEN.pow(30)) < 0;
                case "pattern" -> !value.isEmpty();
                default -> true;
            };
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void put(Map<String, Map<String, String>> rules, String kind, Object value, String source) {
        if (value == null) {
            return;
        }
        String text = value instanceof BigDecimal d ? d.toPlainString() : value.toString();
        if (value instanceof String s && !kind.equals("pattern") && !s.isEmpty()) {
            text = new BigDecimal(s).toPlainString();
        }
        rules.put(kind, Map.of("kind", kind, "value", text, "source", source));
    }
}
