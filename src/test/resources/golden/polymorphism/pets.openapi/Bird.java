package com.example.polymorphicpets.model;

/**
 * A bird record with 3 fields: kind, weight, canFly.
 *
 * @param kind example: {@code kind-1}
 * @param weight example: {@code 1}
 * @param canFly example: {@code true}
 */
public record Bird(
        @jakarta.validation.constraints.NotNull @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 255) String kind,
        @jakarta.validation.constraints.PositiveOrZero java.math.BigDecimal weight,
        Boolean canFly
) implements Animal {
}
