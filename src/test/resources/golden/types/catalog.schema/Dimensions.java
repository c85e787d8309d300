package com.example.catalog.model;

/**
 * A dimensions record with 2 fields: width, height.
 *
 * @param width example: {@code 1}
 * @param height example: {@code 1}
 */
public record Dimensions(
        java.math.BigDecimal width,
        java.math.BigDecimal height
) {
}
