package com.example.catalog.model;

/**
 * A card record with 2 fields: number, expiry.
 *
 * @param number example: {@code number-1}
 * @param expiry example: {@code expiry-1}
 */
public record Card(
        @jakarta.validation.constraints.NotNull @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 255) String number,
        @jakarta.validation.constraints.Size(max = 255) String expiry
) implements CatalogPayment {
}
