package com.example.polymorphicpets.model;

/**
 * A bat record with 4 fields: kind, weight, furColour, wingspan.
 *
 * @param kind example: {@code kind-1}
 * @param weight example: {@code 1}
 * @param furColour example: {@code furcolour-1}
 * @param wingspan example: {@code 1}
 */
public record Bat(
        @jakarta.validation.constraints.NotNull @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 255) String kind,
        @jakarta.validation.constraints.PositiveOrZero java.math.BigDecimal weight,
        @jakarta.validation.constraints.Size(max = 255) String furColour,
        Double wingspan
) implements Mammal {
}
