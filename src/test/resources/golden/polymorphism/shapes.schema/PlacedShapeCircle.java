package com.example.shapes.model;

/**
 * A placed shape circle record with 4 fields: x, y, shape, radius.
 *
 * @param x example: {@code 1}
 * @param y example: {@code 1}
 * @param shape example: {@code shape-1} Suggested (not enforced): maxLength 255.
 * @param radius example: {@code 1}
 */
public record PlacedShapeCircle(
        java.math.BigDecimal x,
        java.math.BigDecimal y,
        String shape,
        @jakarta.validation.constraints.NotNull java.math.BigDecimal radius
) implements PlacedShape {
}
