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
 * @param permits     for {@link Kind#UNION}: the names of its direct branches, in spec order: object entities, or
 *                    unions and supertypes that are themselves branches (a supertype's direct subtypes); otherwise
 *                    empty
 * @param unions      the names of the unions and supertypes this entity is a direct branch or subtype of (a Java
 *                    record implements their sealed interfaces, a Java interface extends them); empty when none
 * @param discriminator for {@link Kind#UNION}: the property whose value names the branch (OpenAPI 3.0.3 section
 *                    4.7.25, Discriminator Object), or {@code null} when the branch is deduced from the properties
 * @param discriminatorValues for a union with a discriminator: each concrete (object) entity it may hold, directly
 *                    or through a nested union or supertype, to its values of that property (from the
 *                    discriminator's {@code mapping}, else the schema's name), in spec order; otherwise empty
 */
public record Entity(String name, String sourceName, Kind kind, String description, List<Field> fields,
                     List<EnumValue> values, List<String> permits, List<String> unions, String discriminator,
                     Map<String, List<String>> discriminatorValues) {

    /**
     * What kind of type an entity is. {@code UNION} is a type whose values are always one of several other types; it
     * becomes a sealed interface that its branch records implement. Three shapes of document make one:
     * <ul>
     *   <li>a {@code oneOf}/{@code anyOf} whose branches are all objects (JSON Schema Core 2020-12 section
     *       10.2.1); no fields;</li>
     *   <li>a <em>supertype</em>: an object schema with a discriminator that named schemas extend through
     *       {@code allOf} (OpenAPI 3.0.3 section 4.7.25, "Models with Polymorphism Support"); its fields are the
     *       properties every subtype shares, its permits the direct subtypes;</li>
     *   <li>an {@code allOf} with a {@code oneOf}/{@code anyOf} part: one branch per union branch, each the
     *       composition of that branch with the other parts; no fields.</li>
     * </ul>
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

    /** @return whether this is a supertype: a union with the shared fields of its subtypes (see {@link Kind}) */
    public boolean supertype() {
        return kind == Kind.UNION && !fields.isEmpty();
    }

    public Entity {
        fields = List.copyOf(fields);
        values = List.copyOf(values);
        permits = List.copyOf(permits);
        unions = List.copyOf(unions);
        discriminatorValues = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(discriminatorValues));
    }
}
