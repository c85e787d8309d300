package com.example.shop.model;

/**
 * A pickup record with 2 fields: method, store.
 *
 * @param method example: {@code method-1} Suggested (not enforced): maxLength 255.
 * @param store example: {@code store-1} Suggested (not enforced): maxLength 255.
 */
public record Pickup(
        String method,
        String store
) implements Shipping {
}
