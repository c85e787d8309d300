package com.example.polymorphicpets.model;

/**
 * An adoptable hamster record with 3 fields: nickname, species, wheelTurns.
 *
 * @param nickname example: {@code Jane Doe}
 * @param species example: {@code species-1}
 * @param wheelTurns example: {@code 1}
 */
public record AdoptableHamster(
        @jakarta.validation.constraints.Size(max = 255) String nickname,
        @jakarta.validation.constraints.NotNull @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 255) String species,
        Integer wheelTurns
) implements Adoptable {
}
