package com.example.polymorphicpets.model;

/**
 * An adoptable parrot record with 3 fields: nickname, species, words.
 *
 * @param nickname example: {@code Jane Doe}
 * @param species example: {@code species-1}
 * @param words example: {@code words-1}
 */
public record AdoptableParrot(
        @jakarta.validation.constraints.Size(max = 255) String nickname,
        @jakarta.validation.constraints.NotNull @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 255) String species,
        java.util.List<String> words
) implements Adoptable {
}
