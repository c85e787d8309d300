package com.example.polymorphicpets.model;

/**
 * A zoo record with 2 fields: animals, star.
 */
public record Zoo(
        @jakarta.validation.Valid java.util.List<Animal> animals,
        @jakarta.validation.Valid Pet star
) {
}
