package com.example.shop.model;

/**
 * A delivery record with 3 fields: method, address, url.
 *
 * @param method example: {@code method-1} Suggested (not enforced): maxLength 255.
 * @param address example: {@code address-1} Suggested (not enforced): maxLength 255.
 * @param url example: {@code https://example.com/url}
 */
public record Delivery(
        String method,
        String address,
        java.net.URI url
) implements Shipping {
}
