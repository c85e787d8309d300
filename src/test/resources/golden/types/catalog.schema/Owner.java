package com.example.catalog.model;

/**
 * An owner record with 1 field: name.
 *
 * @param name example: {@code Jane Doe}
 */
public record Owner(
        @jakarta.validation.constraints.Size(max = 255) String name
) {
}
