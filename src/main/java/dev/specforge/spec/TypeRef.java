package dev.specforge.spec;

/**
 * A type without the field around it: used for map values and to pass types around while parsing.
 *
 * @param type   the portable type
 * @param target for {@link FieldType#REF} and {@link FieldType#ENUM}: the entity name; otherwise {@code null}
 * @param format the format hint (OpenAPI/JSON Schema {@code format}, e.g. {@code email}), or {@code null}
 * @param many   {@code true} for a list of this type
 */
public record TypeRef(FieldType type, String target, String format, boolean many) {

    /** The untyped value ({@code Object} in Java). */
    public static final TypeRef ANY = new TypeRef(FieldType.OBJECT, null, null, false);

    /**
     * @param type a type that needs no target
     * @return a single (non-list) value of that type
     */
    public static TypeRef of(FieldType type) {
        return new TypeRef(type, null, null, false);
    }

    /** @return the same type as a list */
    public TypeRef asList() {
        return new TypeRef(type, target, format, true);
    }
}
