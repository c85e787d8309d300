package com.example.polymorphicpets.model;

/**
 * A adoptable animal: one of several object types.
 *
 * <p>One of {@link Hamster}, {@link Parrot}
 * (a {@code oneOf}/{@code anyOf} of objects in the spec).
 * Jackson picks the record from the value of the discriminator property
 * {@code species}.
 */
@com.fasterxml.jackson.annotation.JsonTypeInfo(use = com.fasterxml.jackson.annotation.JsonTypeInfo.Id.NAME,
        include = com.fasterxml.jackson.annotation.JsonTypeInfo.As.EXISTING_PROPERTY,
        property = "species", visible = true)
@com.fasterxml.jackson.annotation.JsonSubTypes({
        @com.fasterxml.jackson.annotation.JsonSubTypes.Type(value = Hamster.class, names = {"hamster"}),
        @com.fasterxml.jackson.annotation.JsonSubTypes.Type(value = Parrot.class, names = {"parrot"})
})
public sealed interface AdoptableAnimal permits Hamster, Parrot {
}
