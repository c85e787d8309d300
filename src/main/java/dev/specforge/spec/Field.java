package dev.specforge.spec;

/**
 * One field of an entity.
 *
 * @param name        a neutral member name: the spec's words in lowerCamelCase, unique (case-insensitively)
 *                    within its entity, with no language's reserved words escaped (each stack's language does
 *                    that: {@code dev.specforge.lang.LanguageNames})
 * @param jsonName    the name as written in the spec (the JSON property name)
 * @param type        the field's type; {@code type.many()} means a list
 * @param valueType   for {@link FieldType#MAP}: the type of the map's values; otherwise {@code null}
 * @param required    whether the spec marks the field as required
 * @param unique      native spec {@code unique: true}
 * @param constraints length, range and pattern constraints
 * @param description the spec's description, verbatim (data, never evaluated); may be {@code null}
 * @param nullable    whether {@code null} is a valid value (OpenAPI 3.0 {@code nullable: true}, a {@code "null"}
 *                    entry in a JSON Schema {@code type} array, or a {@code {"type": "null"}} branch of a union)
 * @param access      whether the property is read-only or write-only (OpenAPI 3.0.3 section 4.7.24.1 and JSON
 *                    Schema Validation 2020-12 section 9.4: {@code readOnly}, {@code writeOnly})
 * @param defaultJson the schema's {@code default} as JSON text, or {@code null} when there is none
 */
public record Field(String name, String jsonName, TypeRef type, TypeRef valueType, boolean required, boolean unique,
                    Constraints constraints, String description, boolean nullable, Access access,
                    String defaultJson) {

    /** Read/write direction of a property, from {@code readOnly}/{@code writeOnly}. */
    public enum Access { READ_WRITE, READ_ONLY, WRITE_ONLY }

    /**
     * A field with no nullability, access or default information (the native spec's shape).
     *
     * @param name        see the record
     * @param jsonName    see the record
     * @param type        see the record
     * @param valueType   see the record
     * @param required    see the record
     * @param unique      see the record
     * @param constraints see the record
     * @param description see the record
     */
    public Field(String name, String jsonName, TypeRef type, TypeRef valueType, boolean required, boolean unique,
                 Constraints constraints, String description) {
        this(name, jsonName, type, valueType, required, unique, constraints, description, false, Access.READ_WRITE,
                null);
    }
}
