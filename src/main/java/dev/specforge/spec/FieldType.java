package dev.specforge.spec;

import java.util.Locale;

/**
 * The portable type of a field in the project model.
 *
 * <p>The first ten are the field types of the native specforge spec (see {@code specforge-spec.schema.json});
 * {@link #DOUBLE}, {@link #MAP} and {@link #OBJECT} exist for OpenAPI schemas: {@code number} with format
 * {@code float}/{@code double}, objects with {@code additionalProperties} only, and schemas with no type
 * (OpenAPI 3.0.3 section 4.7.24, Schema Object).
 */
public enum FieldType {
    STRING, INTEGER, LONG, DECIMAL, DOUBLE, BOOLEAN, DATE, DATETIME, UUID,
    /** A reference to an entity of kind {@link Entity.Kind#ENUM}; {@code target} names it. */
    ENUM,
    /** A reference to an entity of kind {@link Entity.Kind#OBJECT}; {@code target} names it. */
    REF,
    /** A string-keyed map; the value type is {@link Field#valueType()}. */
    MAP,
    /** Any JSON value (a schema with no type, a union that is not mapped yet, an unresolvable reference). */
    OBJECT;

    /**
     * Parses a native spec type name.
     *
     * @param name a native type name such as {@code "datetime"} (case-insensitive)
     * @return the type
     * @throws IllegalArgumentException when the name is not a native field type
     */
    public static FieldType ofNative(String name) {
        FieldType t = valueOf(name.toUpperCase(Locale.ROOT));
        if (t == DOUBLE || t == MAP || t == OBJECT) {
            throw new IllegalArgumentException("not a native field type: " + name);
        }
        return t;
    }

    /** @return the lower-case name used in templates and reports, e.g. {@code "datetime"} */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
