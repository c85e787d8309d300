package com.example.polymorphicpets.model;

/**
 * A mammal: one of several object types.
 *
 * <p>One of {@link Whale}, {@link Bat}
 * (the schemas that extend this one through {@code allOf} in the spec: it is their supertype).
 * Jackson picks the record from the value of the discriminator property
 * {@code kind}.
 */
@com.fasterxml.jackson.annotation.JsonTypeInfo(use = com.fasterxml.jackson.annotation.JsonTypeInfo.Id.NAME,
        include = com.fasterxml.jackson.annotation.JsonTypeInfo.As.EXISTING_PROPERTY,
        property = "kind", visible = true)
@com.fasterxml.jackson.annotation.JsonSubTypes({
        @com.fasterxml.jackson.annotation.JsonSubTypes.Type(value = Whale.class, names = {"whale"}),
        @com.fasterxml.jackson.annotation.JsonSubTypes.Type(value = Bat.class, names = {"bat"})
})
public sealed interface Mammal extends Animal permits Whale, Bat {

    /**
     * @return the {@code kind} every Mammal has
     */
    String kind();

    /**
     * @return the {@code weight} every Mammal has
     */
    java.math.BigDecimal weight();

    /**
     * @return the {@code furColour} every Mammal has
     */
    String furColour();
}
