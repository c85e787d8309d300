package com.example.catalog.model;

/**
 * A card record with 2 fields: number, expiry.
 *
 * @param number example: {@code number-1} Suggested (not enforced): notBlank, maxLength 255.
 * @param expiry example: {@code expiry-1} Suggested (not enforced): maxLength 255.
 */
public record Card(
        @jakarta.validation.constraints.NotNull String number,
        String expiry
) implements CatalogPayment {
}
