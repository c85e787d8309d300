package com.example.polymorphicpets.model;

/**
 * A cat.
 *
 * @param name example: {@code Jane Doe} Suggested (not enforced): notBlank, maxLength 255.
 * @param petType example: {@code pettype-1} Suggested (not enforced): notBlank, maxLength 255.
 * @param huntingSkill example: {@code clueless}
 */
public record Cat(
        @jakarta.validation.constraints.NotNull String name,
        @jakarta.validation.constraints.NotNull String petType,
        @jakarta.validation.constraints.NotNull CatHuntingSkill huntingSkill
) implements Pet {
}
