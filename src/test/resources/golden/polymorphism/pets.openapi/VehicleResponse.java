package com.example.polymorphicpets.model;

/**
 * A vehicle response: one of several object types.
 *
 * <p>One of {@link Car}, {@link Bike}
 * (a {@code oneOf}/{@code anyOf} of objects in the spec).
 * Jackson picks the record from the value of the discriminator property
 * {@code vehicleType}.
 */
@com.fasterxml.jackson.annotation.JsonTypeInfo(use = com.fasterxml.jackson.annotation.JsonTypeInfo.Id.NAME,
        include = com.fasterxml.jackson.annotation.JsonTypeInfo.As.EXISTING_PROPERTY,
        property = "vehicleType", visible = true)
@com.fasterxml.jackson.annotation.JsonSubTypes({
        @com.fasterxml.jackson.annotation.JsonSubTypes.Type(value = Car.class, names = {"car"}),
        @com.fasterxml.jackson.annotation.JsonSubTypes.Type(value = Bike.class, names = {"bike"})
})
public sealed interface VehicleResponse permits Car, Bike {
}
