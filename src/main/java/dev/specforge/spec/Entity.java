package dev.specforge.spec;

import java.util.List;
import java.util.Map;

/**
 * A named type of the project: an object with fields, or an enumeration.
 *
 * @param name        a neutral type name: the spec's words in PascalCase, unique in the project (case-insensitively,
 *                    so file names never clash), with no language's escapes ({@code String} stays {@code String})
 * @param sourceName  the name in the spec: the key under {@code components.schemas}, {@code $defs} or
 *                    {@code definitions}, or for an inline schema (a nested object, a request or response body)
 *                    {@code #} and its JSON pointer; for a native spec the entity's name (or
 *                    {@code Entity.field} for an enum field's values)
 * @param kind        object or enum
 * @param description verbatim description, or {@code null}
 * @param fields      the fields, in spec order (empty for enums)
 * @param values      the enum constants, in spec order (empty for objects)
 * @param permits     for {@link Kind#UNION}: the names of the object entities that are its branches, in spec
 *                    order; otherwise empty
 * @param unions      for {@link Kind#OBJECT}: the names of the unions this entity is a branch of (a Java record
 *                    implements their sealed interfaces); otherwise empty
 * @param discriminator for {@link Kind#UNION}: the property whose value names the branch (OpenAPI 3.0.3 section
 *                    4.7.25, Discriminator Object), or {@code null} when the branch is deduced from the properties
 * @param discriminatorValues for a union with a discriminator: each permitted entity's values of that property (from
 *                    the discriminator's {@code mapping}, else the schema's name), in spec order; otherwise empty
 */
public record Entity(String name, String sourceName, Kind kind, String description, List<Field> fields,
                     List<EnumValue> values, List<String> permits, List<String> unions, String discriminator,
                     Map<String, List<String>> discriminatorValues) {

    /**
     * What kind of type an entity is. {@code UNION} is a {@code oneOf}/{@code anyOf} whose branches are all objects
     * (JSON Schema Core 2020-12 section 10.2.1); it becomes a sealed interface that its branch records implement.
     */
    public enum Kind { OBJECT, ENUM, UNION }

    /**
     * An object or enum entity that is part of no union.
     *
     * @param name        see the record
     * @param sourceName  see the record
     * @param kind        see the record
     * @param description see the record
     * @param fields      see the record
     * @param values      see the record
     */
    public Entity(String name, String sourceName, Kind kind, String description, List<Field> fields,
                  List<EnumValue> values) {
        this(name, sourceName, kind, description, fields, values, List.of(), List.of(), null, Map.of());
    }

    /**
     * One enum constant.
     *
     * @param constant an UPPER_SNAKE_CASE constant name, unique within the enum
     * @param value    the value as written in the spec
     */
    public record EnumValue(String constant, String value) {
    }

    public Entity {
        fields = List.copyOf(fields);
        values = List.copyOf(values);
        permits = List.copyOf(permits);
        unions = List.copyOf(unions);
        discriminatorValues = Map.copyOf(discriminatorValues);
    }
}
