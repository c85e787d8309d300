package com.example.shop.model;

/**
 * A line record with 2 fields: sku, quantity.
 *
 * @param sku example: {@code sku-1} Suggested (not enforced): maxLength 255.
 * @param quantity example: {@code 1} Default: 1.
 */
public record Line(
        @jakarta.validation.constraints.Pattern(regexp = "^[A-Z]{3}-[0-9]+$") String sku,
        @jakarta.validation.constraints.Min(1L) Integer quantity
) {

    /** Fills in the spec's default values for the components that are {@code null}. */
    public Line {
        if (quantity == null) {
            quantity = 1;
        }
    }
}
