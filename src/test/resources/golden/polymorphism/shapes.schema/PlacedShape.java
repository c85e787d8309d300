package com.example.shapes.model;

/**
 * A placed shape: one of several object types.
 *
 * <p>One of {@link PlacedShapeCircle}, {@link PlacedShapeSquare}
 * (a {@code oneOf}/{@code anyOf} of objects in the spec).
 * Jackson picks the record from the properties present ({@code DEDUCTION}).
 */
@com.fasterxml.jackson.annotation.JsonTypeInfo(use = com.fasterxml.jackson.annotation.JsonTypeInfo.Id.DEDUCTION)
@com.fasterxml.jackson.annotation.JsonSubTypes({
        @com.fasterxml.jackson.annotation.JsonSubTypes.Type(PlacedShapeCircle.class),
        @com.fasterxml.jackson.annotation.JsonSubTypes.Type(PlacedShapeSquare.class)
})
public sealed interface PlacedShape permits PlacedShapeCircle, PlacedShapeSquare {
}
