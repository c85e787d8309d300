package dev.specforge.render;

import dev.specforge.spec.Field;
import dev.specforge.spec.FieldType;
import dev.specforge.spec.TypeRef;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Java rendering helpers for the model: type names and Jakarta Bean Validation 3.0 annotations derived from field
 * constraints. Types outside {@code java.lang} and annotations are fully qualified, so generated files need no
 * imports and a spec type named like an imported class can never clash.
 */
public final class JavaTypes {

    private static final String BV = "jakarta.validation.constraints.";

    private JavaTypes() {
    }

    /**
     * @param t a type
     * @param valueType for maps, the value type; else ignored
     * @return the Java source type, e.g. {@code java.util.List<java.time.OffsetDateTime>}
     */
    public static String javaType(TypeRef t, TypeRef valueType) {
        return javaType(t, valueType, java.util.function.UnaryOperator.identity());
    }

    /**
     * @param t         a type
     * @param valueType for maps, the value type; else ignored
     * @param typeName  turns a neutral entity name (an enum's or reference's target) into its Java type identifier
     *                  ({@code dev.specforge.lang.LanguageNames#type})
     * @return the Java source type, e.g. {@code java.util.List<StringModel>} for a list of the spec's {@code String}
     */
    public static String javaType(TypeRef t, TypeRef valueType, java.util.function.UnaryOperator<String> typeName) {
        String base = switch (t.type()) {
            case STRING -> "String";
            case INTEGER -> "Integer";
            case LONG -> "Long";
            case DECIMAL -> "java.math.BigDecimal";
            case DOUBLE -> "Double";
            case FLOAT -> "Float";
            case URI -> "java.net.URI";
            case BYTES -> "byte[]";
            case BOOLEAN -> "Boolean";
            case DATE -> "java.time.LocalDate";
            case DATETIME -> "java.time.OffsetDateTime";
            case UUID -> "java.util.UUID";
            case ENUM, REF -> typeName.apply(t.target());
            case MAP -> "java.util.Map<String, " + javaType(valueType == null ? TypeRef.ANY : valueType, null, typeName)
                    + ">";
            case OBJECT -> "Object";
        };
        return t.many() ? "java.util.List<" + base + ">" : base;
    }

    /**
     * Bean Validation annotations for a field without enrichment: the spec's own constraints only.
     *
     * @param f a field
     * @return annotation source texts, see {@link #annotations(Field, com.fasterxml.jackson.databind.JsonNode, boolean)}
     */
    public static List<String> annotations(Field f) {
        return annotations(f, ValidationRules.of(f, null, false));
    }

    /**
     * Bean Validation annotations for a field (Jakarta Bean Validation 3.0, section 7 built-in constraints), made
     * from its {@link ValidationRules}: the rules the API document states are exactly the rules the service
     * enforces. {@code required} is {@code @NotNull}; {@code minItems}/{@code maxItems} and
     * {@code minLength}/{@code maxLength} are {@code @Size}; {@code pattern} is {@code @Pattern} with the regular
     * expression as written (the generated service searches it, as JSON Schema does, rather than matching the whole
     * value); {@code email} is {@code @Email}; bounds are {@code @Min}/{@code @Max} for integral values that fit a
     * {@code long}, else {@code @DecimalMin}/{@code @DecimalMax} ({@code inclusive = false} when exclusive);
     * {@code notBlank}, {@code positive}, {@code positiveOrZero}, {@code past}, {@code pastOrPresent} and
     * {@code future} are the annotations of those names. References (one or a list) get {@code @Valid}, which
     * cascades into the referenced objects. The spec's rules come first, then {@code @Valid}, then the rules the
     * field-validators answer added, only when suggestions are enforced (the spec wins a kind both give, see
     * {@link ValidationRules}); {@code notBlank}, {@code positive}, {@code positiveOrZero}, {@code past},
     * {@code pastOrPresent} and {@code future} can only come from such an answer.
     *
     * @param f           a field
     * @param constraints the field-validators answer's {@code constraints} array ({@code [{kind, value}]}), checked
     *                    by {@code AnswerCheck}; may be {@code null} or missing
     * @param enforceSuggestions whether the answer's suggestions are enforced
     *                    ({@link dev.specforge.spec.ProjectModel#enforcesSuggestions()})
     * @return annotation source texts, e.g. {@code @jakarta.validation.constraints.Size(max = 120)}
     */
    public static List<String> annotations(Field f, com.fasterxml.jackson.databind.JsonNode constraints,
                                           boolean enforceSuggestions) {
        return annotations(f, ValidationRules.of(f, constraints, enforceSuggestions));
    }

    /**
     * The annotations of rules already merged: see
     * {@link #annotations(Field, com.fasterxml.jackson.databind.JsonNode, boolean)}.
     *
     * @param f     a field
     * @param rules its rules from {@link ValidationRules#of} (the one merge of spec and answer)
     * @return annotation source texts, spec rules first, then {@code @Valid} for references, then enrichment rules
     */
    public static List<String> annotations(Field f, List<java.util.Map<String, String>> rules) {
        boolean integral = (f.type().type() == FieldType.INTEGER || f.type().type() == FieldType.LONG)
                && !f.type().many();
        List<String> a = new ArrayList<>(annotations(rules, "spec", integral));
        if (f.type().type() == FieldType.REF) {
            a.add("@jakarta.validation.Valid");
        }
        a.addAll(annotations(rules, "enrichment", integral));
        return a;
    }

    /** The annotations of the rules of one source, in the rules' order; lengths and counts share one {@code @Size}. */
    private static List<String> annotations(List<java.util.Map<String, String>> rules, String source,
                                            boolean integral) {
        List<String> a = new ArrayList<>();
        Integer min = null;
        Integer max = null;
        int sizeAt = -1;
        for (java.util.Map<String, String> rule : rules) {
            if (!rule.get("source").equals(source)) {
                continue;
            }
            String value = rule.get("value");
            switch (rule.get("kind")) {
                case "required" -> a.add("@" + BV + "NotNull");
                case "minItems", "minLength" -> {
                    min = Integer.valueOf(value);
                    sizeAt = sizeAt < 0 ? a.size() : sizeAt;
                }
                case "maxItems", "maxLength" -> {
                    max = Integer.valueOf(value);
                    sizeAt = sizeAt < 0 ? a.size() : sizeAt;
                }
                case "notBlank" -> a.add("@" + BV + "NotBlank");
                case "pattern" -> a.add("@" + BV + "Pattern(regexp = \"" + Escapes.javaStringBody(value) + "\")");
                case "email" -> a.add("@" + BV + "Email");
                case "minimum" -> bound(a, new BigDecimal(value), integral, !integral, "Min", "DecimalMin");
                case "maximum" -> bound(a, new BigDecimal(value), integral, !integral, "Max", "DecimalMax");
                case "exclusiveMinimum" -> a.add("@" + BV + "DecimalMin(value = \"" + value + "\", inclusive = false)");
                case "exclusiveMaximum" -> a.add("@" + BV + "DecimalMax(value = \"" + value + "\", inclusive = false)");
                case "positive" -> a.add("@" + BV + "Positive");
                case "positiveOrZero" -> a.add("@" + BV + "PositiveOrZero");
                case "past" -> a.add("@" + BV + "Past");
                case "pastOrPresent" -> a.add("@" + BV + "PastOrPresent");
                case "future" -> a.add("@" + BV + "Future");
                default -> {
                }
            }
        }
        if (sizeAt >= 0) {
            List<String> size = new ArrayList<>();
            size(size, min, max);
            a.addAll(sizeAt, size);
        }
        return a;
    }

    /**
     * The Java expression for a field's {@code default} (JSON Schema Validation 2020-12 section 9.2), used by a
     * record's compact constructor to fill a missing value.
     *
     * @param f    a field
     * @param enumConstant for an enum-typed field, maps a value as written in the spec to its qualified constant,
     *             e.g. {@code Status.OPEN} (or {@code null} when the value is not one of the enum's); ignored for
     *             other types
     * @return the expression, e.g. {@code 10L}, {@code "open"}, {@code Status.OPEN}, {@code java.util.List.of()};
     *         {@code null} when the field has no default or the default cannot be expressed for its type (the
     *         caller documents it and warns)
     */
    public static String defaultExpression(Field f, java.util.function.Function<String, String> enumConstant) {
        if (f.defaultJson() == null) {
            return null;
        }
        com.fasterxml.jackson.databind.JsonNode v;
        try {
            v = DEFAULTS.readTree(f.defaultJson());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
        TypeRef t = f.type();
        if (t.many()) {
            return v.isArray() && v.isEmpty() ? "java.util.List.of()" : null;
        }
        try {
            return switch (t.type()) {
                case STRING -> v.isTextual() ? "\"" + Escapes.javaStringBody(v.textValue()) + "\"" : null;
                case INTEGER -> v.isIntegralNumber() && v.canConvertToInt() ? String.valueOf(v.intValue()) : null;
                case LONG -> v.isIntegralNumber() && v.canConvertToLong() ? v.longValue() + "L" : null;
                case DECIMAL -> v.isNumber() ? "new java.math.BigDecimal(\"" + v.decimalValue().toPlainString() + "\")"
                        : null;
                case DOUBLE -> v.isNumber() && Double.isFinite(v.doubleValue()) ? v.doubleValue() + "d" : null;
                case FLOAT -> v.isNumber() && Float.isFinite(v.floatValue()) ? v.floatValue() + "f" : null;
                case BOOLEAN -> v.isBoolean() ? "Boolean." + String.valueOf(v.booleanValue()).toUpperCase(java.util.Locale.ROOT)
                        : null;
                case DATE -> v.isTextual() ? parsed(java.time.LocalDate::parse, v.textValue(),
                        "java.time.LocalDate.parse") : null;
                case DATETIME -> v.isTextual() ? parsed(java.time.OffsetDateTime::parse, v.textValue(),
                        "java.time.OffsetDateTime.parse") : null;
                case UUID -> v.isTextual() ? parsed(java.util.UUID::fromString, v.textValue(),
                        "java.util.UUID.fromString") : null;
                case URI -> v.isTextual() ? parsed(java.net.URI::create, v.textValue(), "java.net.URI.create")
                        : null;
                case ENUM -> {
                    yield v.isValueNode() && !v.isNull() ? enumConstant.apply(v.asText()) : null;
                }
                case MAP -> v.isObject() && v.isEmpty() ? "java.util.Map.of()" : null;
                case BYTES, REF, OBJECT -> null;
            };
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Reads defaults with decimals as written ({@code 0.10} stays {@code 0.10}, never a rounded double). */
    private static final com.fasterxml.jackson.databind.ObjectMapper DEFAULTS =
            new com.fasterxml.jackson.databind.ObjectMapper()
                    .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .configure(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES,
                            false);

    /**
     * @param parser  the parser the generated code will call, run here first on the same text
     * @param text    the default's text
     * @param factory the generated call's qualified method, e.g. {@code java.time.LocalDate.parse}
     * @return {@code factory("text")}
     * @throws RuntimeException from the parser when the text does not parse (the default is then not applied)
     */
    private static String parsed(java.util.function.Function<String, ?> parser, String text, String factory) {
        parser.apply(text);
        return factory + "(\"" + Escapes.javaStringBody(text) + "\")";
    }

    /** Adds {@code @Size(min = .., max = ..)} with the bounds given, or nothing when both are {@code null}. */
    private static void size(List<String> a, Integer min, Integer max) {
        if (min == null && max == null) {
            return;
        }
        List<String> parts = new ArrayList<>();
        if (min != null) {
            parts.add("min = " + min);
        }
        if (max != null) {
            parts.add("max = " + max);
        }
        a.add("@" + BV + "Size(" + String.join(", ", parts) + ")");
    }

    private static void bound(List<String> a, BigDecimal v, boolean integral, boolean decimal, String intName,
                              String decName) {
        if (v == null || !(integral || decimal)) {
            return;
        }
        if (integral && v.stripTrailingZeros().scale() <= 0 && v.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
            a.add("@" + BV + intName + "(" + v.longValueExact() + "L)");
        } else {
            a.add("@" + BV + decName + "(\"" + v.toPlainString() + "\")");
        }
    }
}
