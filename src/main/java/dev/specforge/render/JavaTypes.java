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
     * for other numbers, and {@code @Valid} to cascade into referenced objects.
     *
     * @param f a field
     * @return annotation source texts, e.g. {@code @jakarta.validation.constraints.Size(max = 120)}
     */
    public static List<String> annotations(Field f) {
        List<String> a = new ArrayList<>();
        TypeRef t = f.type();
        Constraints c = f.constraints();
        if (f.required()) {
            a.add("@" + BV + "NotNull");
        }
        boolean string = t.type() == FieldType.STRING && !t.many();
        if (string && (c.minLength() != null || c.maxLength() != null)) {
            List<String> parts = new ArrayList<>();
            if (c.minLength() != null) {
                parts.add("min = " + c.minLength());
            }
            if (c.maxLength() != null) {
                parts.add("max = " + c.maxLength());
            }
            a.add("@" + BV + "Size(" + String.join(", ", parts) + ")");
        }
        if (string && c.pattern() != null) {
            a.add("@" + BV + "Pattern(regexp = \"" + Escapes.javaStringBody(c.pattern()) + "\")");
        }
        if (string && "email".equals(t.format())) {
            a.add("@" + BV + "Email");
        }
        boolean integral = (t.type() == FieldType.INTEGER || t.type() == FieldType.LONG) && !t.many();
        boolean decimal = (t.type() == FieldType.DECIMAL || t.type() == FieldType.DOUBLE) && !t.many();
        bound(a, c.minimum(), integral, decimal, "Min", "DecimalMin");
        bound(a, c.maximum(), integral, decimal, "Max", "DecimalMax");
        if (t.type() == FieldType.REF) {
            a.add("@jakarta.validation.Valid");
        }
        return a;
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
