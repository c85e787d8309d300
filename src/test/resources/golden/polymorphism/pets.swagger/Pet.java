package com.example.swagger20discriminator.model;

/**
 * A pet: one of several object types.
 *
 * <p>One of {@link Cat}, {@link Dog}
 * (the schemas that extend this one through {@code allOf} in the spec: it is their supertype).
 * Jackson picks the record from the value of the discriminator property
 * {@code petType}.
 */
@com.fasterxml.jackson.annotation.JsonTypeInfo(use = com.fasterxml.jackson.annotation.JsonTypeInfo.Id.NAME,
        include = com.fasterxml.jackson.annotation.JsonTypeInfo.As.EXISTING_PROPERTY,
        property = "petType", visible = true)
@com.fasterxml.jackson.annotation.JsonSubTypes({
        @com.fasterxml.jackson.annotation.JsonSubTypes.Type(value = Cat.class, names = {"Cat"}),
        @com.fasterxml.jackson.annotation.JsonSubTypes.Type(value = Dog.class, names = {"Dog"})
})
public sealed interface Pet permits Cat, Dog {

    /**
     * @return the {@code name} every Pet has
     */
    String name();

    /**
     * @return the {@code petType} every Pet has
     */
    String petType();
}
