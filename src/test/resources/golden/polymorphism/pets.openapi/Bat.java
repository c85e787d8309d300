package com.example.polymorphicpets.model;

/**
 * A bat record with 4 fields: kind, weight, furColour, wingspan.
 *
 * @param kind example: {@code kind-1} Suggested (not enforced): notBlank, maxLength 255.
 * @param weight example: {@code 1} Suggested (not enforced): positiveOrZero.
 * @param furColour example: {@code furcolour-1} Suggested (not enforced): maxLength 255.
 * @param wingspan example: {@code 1}
 */
public record Bat(
        @jakarta.validation.constraints.NotNull String kind,
        java.math.BigDecimal weight,
        String furColour,
        Double wingspan
) implements Mammal {
}
