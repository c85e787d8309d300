package dev.specforge.spec;

import java.util.List;

/**
 * A named type of the project: an object with fields, or an enumeration.
 *
 * @param name        a valid Java type name, unique in the project (case-insensitively, so file names never clash)
 * @param sourceName  the name in the spec (e.g. the key under {@code components.schemas}, or a synthetic
 *                    {@code Owner.property} path for nested inline objects)
 * @param kind        object or enum
 * @param description verbatim description, or {@code null}
 * @param fields      the fields, in spec order (empty for enums)
 * @param values      the enum constants, in spec order (empty for objects)
 */
public record Entity(String name, String sourceName, Kind kind, String description, List<Field> fields,
                     List<EnumValue> values) {

    /** What kind of type an entity is. */
    public enum Kind { OBJECT, ENUM }

    /**
     * One enum constant.
     *
     * @param constant a valid Java constant name, unique within the enum
     * @param value    the value as written in the spec
     */
    public record EnumValue(String constant, String value) {
    }

    public Entity {
        fields = List.copyOf(fields);
        values = List.copyOf(values);
    }
}
