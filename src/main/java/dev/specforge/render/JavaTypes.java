package dev.specforge.render;

import dev.specforge.spec.Constraints;
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
            case ENUM, REF -> t.target();
            case MAP -> "java.util.Map<String, " + javaType(valueType == null ? TypeRef.ANY : valueType, null) + ">";
            case OBJECT -> "Object";
        };
        return t.many() ? "java.util.List<" + base + ">" : base;
    }

    /**
     * Bean Validation annotations for a field (Jakarta Bean Validation 3.0, section 7 built-in constraints):
     * {@code @NotNull} for required fields, {@code @Size} for string lengths, {@code @Pattern}, {@code @Email} for
     * {@code format: email}, {@code @Min}/{@code @Max} for integral bounds, {@code @DecimalMin}/{@code @DecimalMax}
     * for other numbers ({@code inclusive = false} for exclusive bounds), {@code @Size} for {@code minItems} and
     * {@code maxItems} of lists, and {@code @Valid} to cascade into referenced objects. A required field that is
     * also nullable gets no {@code @NotNull}.
     *
     * @param f a field
     * @return annotation source texts, e.g. {@code @jakarta.validation.constraints.Size(max = 120)}
     */
    public static List<String> annotations(Field f) {
        List<String> a = new ArrayList<>();
        TypeRef t = f.type();
        Constraints c = f.constraints();
        if (f.required() && !f.nullable()) {
            a.add("@" + BV + "NotNull");
        }
        if (t.many()) {
            size(a, c.minItems(), c.maxItems());
        }
        boolean string = t.type() == FieldType.STRING && !t.many();
        if (string) {
            size(a, c.minLength(), c.maxLength());
        }
        if (string && c.pattern() != null) {
            a.add("@" + BV + "Pattern(regexp = \"" + Escapes.javaStringBody(c.pattern()) + "\")");
        }
        if (string && "email".equals(t.format())) {
            a.add("@" + BV + "Email");
        }
        boolean integral = (t.type() == FieldType.INTEGER || t.type() == FieldType.LONG) && !t.many();
        boolean decimal = (t.type() == FieldType.DECIMAL || t.type() == FieldType.DOUBLE
                || t.type() == FieldType.FLOAT) && !t.many();
        if (c.exclusiveMinimum() && c.minimum() != null && (integral || decimal)) {
            a.add("@" + BV + "DecimalMin(value = \"" + c.minimum().toPlainString() + "\", inclusive = false)");
        } else {
            bound(a, c.minimum(), integral, decimal, "Min", "DecimalMin");
        }
        if (c.exclusiveMaximum() && c.maximum() != null && (integral || decimal)) {
            a.add("@" + BV + "DecimalMax(value = \"" + c.maximum().toPlainString() + "\", inclusive = false)");
        } else {
            bound(a, c.maximum(), integral, decimal, "Max", "DecimalMax");
        }
        if (t.type() == FieldType.REF) {
            a.add("@jakarta.validation.Valid");
        }
        return a;
    }

    /**
     * Adds the constraints of a field-validators answer to the spec's own (Jakarta Bean Validation 3.0, section 7).
     * The spec wins: a kind the spec already constrains (lengths, pattern, bounds, email) is not added again. Values
     * were checked by {@code AnswerCheck} (patterns compile, lengths are integers, bounds are numbers, kinds suit the
     * type); they are still escaped for Java string literals here.
     *
     * @param f           a field
     * @param constraints the answer's {@code constraints} array ({@code [{kind, value}]}), may be missing
     * @return the spec's annotations followed by the added ones
     */
    public static List<String> annotations(Field f, com.fasterxml.jackson.databind.JsonNode constraints) {
        List<String> a = annotations(f);
        if (constraints == null) {
            return a;
        }
        Constraints c = f.constraints();
        boolean integral = (f.type().type() == FieldType.INTEGER || f.type().type() == FieldType.LONG);
        Integer min = null;
        Integer max = null;
        for (var node : constraints) {
            String kind = node.path("kind").asText();
            String value = node.path("value").asText("");
            switch (kind) {
                case "notBlank" -> a.add("@" + BV + "NotBlank");
                case "email" -> {
                    if (!"email".equals(f.type().format())) {
                        a.add("@" + BV + "Email");
                    }
                }
                case "pattern" -> {
                    if (c.pattern() == null) {
                        a.add("@" + BV + "Pattern(regexp = \"" + Escapes.javaStringBody(value) + "\")");
                    }
                }
                case "minLength", "minItems" -> min = c.minLength() == null ? Integer.valueOf(value) : null;
                case "maxLength", "maxItems" -> max = c.maxLength() == null ? Integer.valueOf(value) : null;
                case "minimum" -> {
                    if (c.minimum() == null) {
                        bound(a, new BigDecimal(value), integral, !integral, "Min", "DecimalMin");
                    }
                }
                case "maximum" -> {
                    if (c.maximum() == null) {
                        bound(a, new BigDecimal(value), integral, !integral, "Max", "DecimalMax");
                    }
                }
                case "positive" -> a.add("@" + BV + "Positive");
                case "positiveOrZero" -> a.add("@" + BV + "PositiveOrZero");
                case "past" -> a.add("@" + BV + "Past");
                case "pastOrPresent" -> a.add("@" + BV + "PastOrPresent");
                case "future" -> a.add("@" + BV + "Future");
                default -> {
                }
            }
        }
        size(a, min, max);
        return a;
    }

    /**
     * The Java expression for a field's {@code default} (JSON Schema Validation 2020-12 section 9.2), used by a
     * record's compact constructor to fill a missing value.
     *
     * @param f    a field
     * @param enumConstant for an enum-typed field, maps a value as written in the spec to its constant name (or
     *             {@code null} when the value is not one of the enum's); ignored for other types
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
                    String c = v.isValueNode() && !v.isNull() ? enumConstant.apply(v.asText()) : null;
                    yield c == null ? null : t.target() + "." + c;
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
