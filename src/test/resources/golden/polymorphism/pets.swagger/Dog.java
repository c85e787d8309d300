package com.example.swagger20discriminator.model;

/**
 * A dog record with 3 fields: name, petType, packSize.
 *
 * @param name example: {@code Jane Doe} Suggested (not enforced): notBlank, maxLength 255.
 * @param petType example: {@code pettype-1} Suggested (not enforced): notBlank, maxLength 255.
 * @param packSize example: {@code 1} Suggested (not enforced): positiveOrZero.
 */
public record Dog(
        @jakarta.validation.constraints.NotNull String name,
        @jakarta.validation.constraints.NotNull String petType,
        Integer packSize
) implements Pet {
}
