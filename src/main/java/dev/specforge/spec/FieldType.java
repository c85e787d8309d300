package dev.specforge.spec;

import java.util.Locale;

/**
 * The portable type of a field in the project model.
 *
 * <p>The native specforge spec uses STRING to UUID plus ENUM and REF (see {@code specforge-spec.schema.json}).
 * The others exist for OpenAPI and JSON Schema (OpenAPI 3.0.3 section 4.4, Data Types; JSON Schema Validation
 * 2020-12 section 7.3, formats): {@code number} with format {@code float} or {@code double}, {@code string} with
 * format {@code uri} or {@code byte}/{@code binary}, objects with {@code additionalProperties} only, and schemas
 * with no single type.
 */
public enum FieldType {
    STRING, INTEGER, LONG, DECIMAL, DOUBLE, BOOLEAN, DATE, DATETIME, UUID,
    /** {@code number} with {@code format: float}. */
    FLOAT,
    /** {@code string} with {@code format: uri} or {@code uri-reference}. */
    URI,
    /** {@code string} with {@code format: byte} (base64) or {@code binary}. */
    BYTES,
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
        if (t == DOUBLE || t == FLOAT || t == URI || t == BYTES || t == MAP || t == OBJECT) {
            throw new IllegalArgumentException("not a native field type: " + name);
        }
        return t;
    }

    /** @return the lower-case name used in templates and reports, e.g. {@code "datetime"} */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
