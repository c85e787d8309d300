package com.example.shop.model;

/**
 * A pickup record with 2 fields: method, store.
 *
 * @param method example: {@code method-1}
 * @param store example: {@code store-1}
 */
public record Pickup(
        @jakarta.validation.constraints.Size(max = 255) String method,
        @jakarta.validation.constraints.Size(max = 255) String store
) implements Shipping {
}
