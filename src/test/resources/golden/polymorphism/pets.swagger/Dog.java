package com.example.swagger20discriminator.model;

/**
 * A dog record with 3 fields: name, petType, packSize.
 *
 * @param name example: {@code Jane Doe}
 * @param petType example: {@code pettype-1}
 * @param packSize example: {@code 1}
 */
public record Dog(
        @jakarta.validation.constraints.NotNull @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 255) String name,
        @jakarta.validation.constraints.NotNull @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 255) String petType,
        @jakarta.validation.constraints.PositiveOrZero Integer packSize
) implements Pet {
}
