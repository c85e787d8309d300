package com.example.polymorphicpets.model;

/**
 * A adoptable: one of several object types.
 *
 * <p>One of {@link AdoptableHamster}, {@link AdoptableParrot}
 * (a {@code oneOf}/{@code anyOf} of objects in the spec).
 * Jackson picks the record from the value of the discriminator property
 * {@code species}.
 */
@com.fasterxml.jackson.annotation.JsonTypeInfo(use = com.fasterxml.jackson.annotation.JsonTypeInfo.Id.NAME,
        include = com.fasterxml.jackson.annotation.JsonTypeInfo.As.EXISTING_PROPERTY,
        property = "species", visible = true)
@com.fasterxml.jackson.annotation.JsonSubTypes({
        @com.fasterxml.jackson.annotation.JsonSubTypes.Type(value = AdoptableHamster.class, names = {"hamster"}),
        @com.fasterxml.jackson.annotation.JsonSubTypes.Type(value = AdoptableParrot.class, names = {"parrot"})
})
public sealed interface Adoptable permits AdoptableHamster, AdoptableParrot {
}
