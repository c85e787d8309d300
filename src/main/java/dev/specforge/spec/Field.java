package dev.specforge.spec;

/**
 * One field of an entity.
 *
 * @param name        a valid, unique (within its entity) Java member name in lowerCamelCase
 * @param jsonName    the name as written in the spec (the JSON property name)
 * @param type        the field's type; {@code type.many()} means a list
 * @param valueType   for {@link FieldType#MAP}: the type of the map's values; otherwise {@code null}
 * @param required    whether the spec marks the field as required
 * @param unique      native spec {@code unique: true}
 * @param constraints length, range and pattern constraints
 * @param description the spec's description, verbatim (data, never evaluated); may be {@code null}
 */
public record Field(String name, String jsonName, TypeRef type, TypeRef valueType, boolean required, boolean unique,
                    Constraints constraints, String description) {
}
