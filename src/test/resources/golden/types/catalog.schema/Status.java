package com.example.catalog.model;

/**
 * Where the item is in its life.
 */
public enum Status {
    DRAFT("draft"),
    PUBLISHED("published"),
    RETIRED("retired")
;

    private final String value;

    Status(String value) {
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
    public static Status fromValue(String value) {
        for (Status v : values()) {
            if (v.value.equals(value)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown Status value: " + value);
    }
}
