package com.example.swagger20discriminator.model;

/**
 * A cat.
 *
 * @param name example: {@code Jane Doe} Suggested (not enforced): notBlank, maxLength 255.
 * @param petType example: {@code pettype-1} Suggested (not enforced): notBlank, maxLength 255.
 * @param huntingSkill example: {@code huntingskill-1} Suggested (not enforced): maxLength 255.
 */
public record Cat(
        @jakarta.validation.constraints.NotNull String name,
        @jakarta.validation.constraints.NotNull String petType,
        String huntingSkill
) implements Pet {
}
