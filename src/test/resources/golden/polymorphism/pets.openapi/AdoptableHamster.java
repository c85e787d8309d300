package com.example.polymorphicpets.model;

/**
 * An adoptable hamster record with 3 fields: nickname, species, wheelTurns.
 *
 * @param nickname example: {@code Jane Doe} Suggested (not enforced): maxLength 255.
 * @param species example: {@code species-1} Suggested (not enforced): notBlank, maxLength 255.
 * @param wheelTurns example: {@code 1}
 */
public record AdoptableHamster(
        String nickname,
        @jakarta.validation.constraints.NotNull String species,
        Integer wheelTurns
) implements Adoptable {
}
