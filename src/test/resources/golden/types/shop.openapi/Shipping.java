package com.example.shop.model;

/**
 * A shipping: one of several object types.
 *
 * <p>One of {@link Pickup}, {@link Delivery}
 * (a {@code oneOf}/{@code anyOf} of objects in the spec). Jackson picks the implementation from the properties
 * present ({@code DEDUCTION}).
 */
@com.fasterxml.jackson.annotation.JsonTypeInfo(use = com.fasterxml.jackson.annotation.JsonTypeInfo.Id.DEDUCTION)
@com.fasterxml.jackson.annotation.JsonSubTypes({
        @com.fasterxml.jackson.annotation.JsonSubTypes.Type(Pickup.class),
        @com.fasterxml.jackson.annotation.JsonSubTypes.Type(Delivery.class)
})
public sealed interface Shipping permits Pickup, Delivery {
}
