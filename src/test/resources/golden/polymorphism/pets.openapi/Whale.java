package com.example.polymorphicpets.model;

/**
 * A whale record with 4 fields: kind, weight, furColour, songs.
 *
 * @param kind example: {@code kind-1} Suggested (not enforced): notBlank, maxLength 255.
 * @param weight example: {@code 1} Suggested (not enforced): positiveOrZero.
 * @param furColour example: {@code furcolour-1} Suggested (not enforced): maxLength 255.
 * @param songs example: {@code songs-1}
 */
public record Whale(
        @jakarta.validation.constraints.NotNull String kind,
        java.math.BigDecimal weight,
        String furColour,
        java.util.List<String> songs
) implements Mammal {
}
