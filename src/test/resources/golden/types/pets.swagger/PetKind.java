package com.example.petregistry.model;

/**
 * The pet kind values: cat, dog.
 */
public enum PetKind {
    CAT("cat"),
    DOG("dog")
;

    private final String value;

    PetKind(String value) {
        this.value = value;
    }

    /** @return the value as written in the spec (and on the wire) */
    @com.fasterxml.jackson.annotation.JsonValue
    public String value() {
        return value;
    }

    /**
     * @param value a value as written in the spec
     * @return the constant
     * @throws IllegalArgumentException when no constant has that value
     */
    @com.fasterxml.jackson.annotation.JsonCreator
    public static PetKind fromValue(String value) {
        for (PetKind v : values()) {
            if (v.value.equals(value)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown PetKind value: " + value);
    }
}
