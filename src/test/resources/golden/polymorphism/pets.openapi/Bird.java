package com.example.polymorphicpets.model;

/**
 * A bird record with 3 fields: kind, weight, canFly.
 *
 * @param kind example: {@code kind-1} Suggested (not enforced): notBlank, maxLength 255.
 * @param weight example: {@code 1} Suggested (not enforced): positiveOrZero.
 * @param canFly example: {@code true}
 */
public record Bird(
        @jakarta.validation.constraints.NotNull String kind,
        java.math.BigDecimal weight,
        Boolean canFly
) implements Animal {
}
