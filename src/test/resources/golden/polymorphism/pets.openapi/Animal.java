package com.example.polymorphicpets.model;

/**
 * A animal: one of several object types.
 *
 * <p>One of {@link Mammal}, {@link Bird}
 * (the schemas that extend this one through {@code allOf} in the spec: it is their supertype).
 * Jackson picks the record from the value of the discriminator property
 * {@code kind}.
 */
@com.fasterxml.jackson.annotation.JsonTypeInfo(use = com.fasterxml.jackson.annotation.JsonTypeInfo.Id.NAME,
        include = com.fasterxml.jackson.annotation.JsonTypeInfo.As.EXISTING_PROPERTY,
        property = "kind", visible = true)
@com.fasterxml.jackson.annotation.JsonSubTypes({
        @com.fasterxml.jackson.annotation.JsonSubTypes.Type(value = Whale.class, names = {"whale"}),
        @com.fasterxml.jackson.annotation.JsonSubTypes.Type(value = Bat.class, names = {"bat"}),
        @com.fasterxml.jackson.annotation.JsonSubTypes.Type(value = Bird.class, names = {"bird"})
})
public sealed interface Animal permits Mammal, Bird {

    /**
     * @return the {@code kind} every Animal has
     */
    String kind();

    /**
     * @return the {@code weight} every Animal has
     */
    java.math.BigDecimal weight();
}
