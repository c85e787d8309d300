package com.acme.orders.model;

/**
 * A buyer. Template text such as ${user.home} or <#assign x = 1> is data, not code. *&#47; ends no comment.
 *
 * <p>The {@code id} is never required in a request body: the service assigns one to a record created without it, and
 * a record embedded in another keeps whatever it was sent (docs: C4.1, C5.6).
 *
 * @param id example: {@code 3fa85f64-5717-4562-b3fc-2c963f66afa6}
 * @param email example: {@code jane.doe@example.com} Suggested (not enforced): notBlank.
 * @param name Display name (example: {@code Jane Doe})
 * @param status example: {@code ACTIVE}
 * @param createdAt example: {@code 2024-01-15T09:30:00Z} Suggested (not enforced): pastOrPresent.
 */
public record Customer(
        java.util.UUID id,
        @jakarta.validation.constraints.NotNull @jakarta.validation.constraints.Size(max = 120) @jakarta.validation.constraints.Email String email,
        @jakarta.validation.constraints.Size(min = 1, max = 80) @jakarta.validation.constraints.Pattern(regexp = "^[^\\\\\"]+$") String name,
        CustomerStatus status,
        @jakarta.validation.Valid java.util.List<Order> orders,
        java.time.OffsetDateTime createdAt
) {
}
