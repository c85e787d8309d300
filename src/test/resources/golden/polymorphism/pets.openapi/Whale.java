package com.example.polymorphicpets.model;

/**
 * A whale record with 4 fields: kind, weight, furColour, songs.
 *
 * @param kind example: {@code kind-1}
 * @param weight example: {@code 1}
 * @param furColour example: {@code furcolour-1}
 * @param songs example: {@code songs-1}
 */
public record Whale(
        @jakarta.validation.constraints.NotNull @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 255) String kind,
        @jakarta.validation.constraints.PositiveOrZero java.math.BigDecimal weight,
        @jakarta.validation.constraints.Size(max = 255) String furColour,
        java.util.List<String> songs
) implements Mammal {
}
