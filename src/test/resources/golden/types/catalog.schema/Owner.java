package com.example.catalog.model;

/**
 * An owner record with 1 field: name.
 *
 * @param name example: {@code Jane Doe} Suggested (not enforced): maxLength 255.
 */
public record Owner(
        String name
) {
}
