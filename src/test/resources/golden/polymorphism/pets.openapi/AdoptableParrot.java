package com.example.polymorphicpets.model;

/**
 * An adoptable parrot record with 3 fields: nickname, species, words.
 *
 * @param nickname example: {@code Jane Doe} Suggested (not enforced): maxLength 255.
 * @param species example: {@code species-1} Suggested (not enforced): notBlank, maxLength 255.
 * @param words example: {@code words-1}
 */
public record AdoptableParrot(
        String nickname,
        @jakarta.validation.constraints.NotNull String species,
        java.util.List<String> words
) implements Adoptable {
}
