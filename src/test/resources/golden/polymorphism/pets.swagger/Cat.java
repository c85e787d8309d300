package com.example.swagger20discriminator.model;

/**
 * A cat.
 *
 * @param name example: {@code Jane Doe}
 * @param petType example: {@code pettype-1}
 * @param huntingSkill example: {@code huntingskill-1}
 */
public record Cat(
        @jakarta.validation.constraints.NotNull @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 255) String name,
        @jakarta.validation.constraints.NotNull @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 255) String petType,
        @jakarta.validation.constraints.Size(max = 255) String huntingSkill
) implements Pet {
}
