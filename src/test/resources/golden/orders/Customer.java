package com.acme.orders.model;

/**
 * A buyer. Template text such as ${user.home} or <#assign x = 1> is data, not code. *&#47; ends no comment.
 *
 * @param name Display name
 */
public record Customer(
        @jakarta.validation.constraints.NotNull java.util.UUID id,
        @jakarta.validation.constraints.NotNull @jakarta.validation.constraints.Size(max = 120) @jakarta.validation.constraints.Email String email,
        @jakarta.validation.constraints.Size(min = 1, max = 80) @jakarta.validation.constraints.Pattern(regexp = "^[^\\\\\"]+$") String name,
        CustomerStatus status,
        @jakarta.validation.Valid java.util.List<Order> orders,
        java.time.OffsetDateTime createdAt
) {
}
