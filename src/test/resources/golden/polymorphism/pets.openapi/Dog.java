package com.example.polymorphicpets.model;

/**
 * A dog record with 3 fields: name, petType, packSize.
 *
 * @param name example: {@code Jane Doe} Suggested (not enforced): notBlank, maxLength 255.
 * @param petType example: {@code pettype-1} Suggested (not enforced): notBlank, maxLength 255.
 * @param packSize example: {@code 1}
 */
public record Dog(
        @jakarta.validation.constraints.NotNull String name,
        @jakarta.validation.constraints.NotNull String petType,
        @jakarta.validation.constraints.Min(0L) Integer packSize
) implements Pet {
}
