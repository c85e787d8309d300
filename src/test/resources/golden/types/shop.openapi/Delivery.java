package com.example.shop.model;

/**
 * A delivery record with 3 fields: method, address, url.
 *
 * @param method example: {@code method-1}
 * @param address example: {@code address-1}
 * @param url example: {@code https://example.com/url}
 */
public record Delivery(
        @jakarta.validation.constraints.Size(max = 255) String method,
        @jakarta.validation.constraints.Size(max = 255) String address,
        java.net.URI url
) implements Shipping {
}
