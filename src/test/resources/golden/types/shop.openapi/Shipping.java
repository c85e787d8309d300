package com.example.shop.model;

/**
 * A shipping: one of several object types.
 *
 * <p>One of {@link Pickup}, {@link Delivery}
 * (a {@code oneOf}/{@code anyOf} of objects in the spec).
 * Jackson picks the record from the value of the discriminator property
 * {@code method}.
 */
@com.fasterxml.jackson.annotation.JsonTypeInfo(use = com.fasterxml.jackson.annotation.JsonTypeInfo.Id.NAME,
        include = com.fasterxml.jackson.annotation.JsonTypeInfo.As.EXISTING_PROPERTY,
        property = "method", visible = true)
@com.fasterxml.jackson.annotation.JsonSubTypes({
        @com.fasterxml.jackson.annotation.JsonSubTypes.Type(value = Pickup.class, names = {"store", "locker"}),
        @com.fasterxml.jackson.annotation.JsonSubTypes.Type(value = Delivery.class, names = {"Delivery"})
})
public sealed interface Shipping permits Pickup, Delivery {
}
