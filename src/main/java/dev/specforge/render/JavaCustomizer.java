package dev.specforge.render;

import dev.specforge.lang.JavaNaming;
import dev.specforge.spec.Entity;
import dev.specforge.spec.Field;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Java view of the template model (camel-service; {@link JavaNaming} gives the identifiers). Adds, only for
 * Java stacks:
 * <ul>
 *   <li>to a field map: {@code javaType} ({@link JavaTypes#javaType}, targets as Java type identifiers),
 *       {@code annotations} (Bean Validation, from the field's merged {@code rules}), {@code defaultExpression}
 *       (the spec's default as a Java expression, or empty), {@code notes} (a default Java cannot express is
 *       documented only) and {@code jsonProperty} (a ready {@code @JsonProperty} annotation when the Java member
 *       name differs from the JSON name or the property is read- or write-only, else empty);</li>
 *   <li>to an entity map: {@code idType} (the id field's {@code javaType}, or empty), {@code hasDefaults}, each
 *       value's {@code javaLiteral} (the value as a Java string literal's body), {@code subtypes} (for a union or
 *       supertype, per record a value of it may be, through nested unions too, for Jackson's
 *       {@code @JsonSubTypes}: {@code name}, and {@code names}, its discriminator values as Java string literals)
 *       and {@code accessors} (for a supertype, the fields every such record has with the same Java name and type:
 *       {@code name}, {@code javaType}, {@code docLines}; the sealed interface declares them, the records' accessor
 *       methods implement them).</li>
 * </ul>
 */
final class JavaCustomizer implements LanguageCustomizer {

    static final JavaCustomizer INSTANCE = new JavaCustomizer();

    private static final String JSON_PROPERTY = "@com.fasterxml.jackson.annotation.JsonProperty";
    private static final String ACCESS = "access = com.fasterxml.jackson.annotation.JsonProperty.Access.";

    private JavaCustomizer() {
    }

    @Override
    public void field(Map<String, Object> m, Entity e, Field f, List<Map<String, String>> rules, Context c) {
        m.put("javaType", JavaTypes.javaType(f.type(), f.valueType(), c.names()::type));
        m.put("annotations", JavaTypes.annotations(f, rules));
        String target = f.type().target();
        String expression = JavaTypes.defaultExpression(f, v -> {
            String constant = c.enumConstants().getOrDefault(target, Map.of()).get(v);
            return constant == null ? null : c.names().type(target) + "." + constant;
        });
        m.put("defaultExpression", expression == null ? "" : expression);
        m.put("notes", LanguageCustomizer.notes(f, expression != null));
        String access = switch (f.access()) {
            case READ_ONLY -> ACCESS + "READ_ONLY";
            case WRITE_ONLY -> ACCESS + "WRITE_ONLY";
            case READ_WRITE -> null;
        };
        String name = m.get("name").equals(f.jsonName()) ? null : Escapes.javaString(f.jsonName());
        m.put("jsonProperty", name == null && access == null ? "" : JSON_PROPERTY + "("
                + (name == null ? access : access == null ? name : "value = " + name + ", " + access) + ")");
    }

    @Override
    @SuppressWarnings("unchecked")
    public void entity(Map<String, Object> m, Entity e, Context c) {
        List<Map<String, Object>> fields = (List<Map<String, Object>>) m.get("fields");
        String idType = "";
        for (int i = 0; i < e.fields().size(); i++) {
            if (ModelTexts.isId(e.fields().get(i))) {
                idType = (String) fields.get(i).get("javaType");
            }
        }
        m.put("idType", idType);
        m.put("hasDefaults", fields.stream().anyMatch(f -> !((String) f.get("defaultExpression")).isEmpty()));
        for (Map<String, Object> v : (List<Map<String, Object>>) m.get("values")) {
            v.put("javaLiteral", Escapes.javaStringBody((String) v.get("value")));
        }
        List<Map<String, Object>> subtypes = new ArrayList<>();
        List<Entity> records = e.kind() == Entity.Kind.UNION ? c.concrete(e) : List.of();
        for (Entity r : records) {
            List<String> literals = new ArrayList<>();
            e.discriminatorValues().getOrDefault(r.name(), List.of()).forEach(v -> literals.add(Escapes.javaString(v)));
            subtypes.add(Map.of("name", c.names().type(r.name()), "names", literals));
        }
        m.put("subtypes", subtypes);
        List<Map<String, Object>> accessors = new ArrayList<>();
        for (int i = 0; i < e.fields().size() && e.supertype(); i++) {
            Field f = e.fields().get(i);
            String name = (String) fields.get(i).get("name");
            String type = (String) fields.get(i).get("javaType");
            boolean shared = !records.isEmpty() && records.stream().allMatch(r -> r.fields().stream().anyMatch(
                    rf -> rf.jsonName().equals(f.jsonName()) && c.names().member(r.name(), rf.name()).equals(name)
                            && JavaTypes.javaType(rf.type(), rf.valueType(), c.names()::type).equals(type)));
            if (shared) {
                accessors.add(Map.of("name", name, "javaType", type, "docLines", fields.get(i).get("docLines")));
            }
        }
        m.put("accessors", accessors);
    }
}
