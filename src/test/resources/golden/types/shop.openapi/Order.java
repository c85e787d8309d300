package com.example.shop.model;

/**
 * An order. Its *&#47; comment-closing text stays inside the comment.
 *
 * @param id example: {@code 3fa85f64-5717-4562-b3fc-2c963f66afa6} Read-only: sent in responses, ignored in requests.
 * @param total example: {@code 19.99}
 * @param note example: {@code A short note text.} May be null.
 * @param placed example: {@code 2024-01-15T09:30:00Z} Read-only: sent in responses, ignored in requests. Suggested (not enforced): pastOrPresent.
 */
public record Order(
        @com.fasterxml.jackson.annotation.JsonProperty(access = com.fasterxml.jackson.annotation.JsonProperty.Access.READ_ONLY) java.util.UUID id,
        @jakarta.validation.constraints.NotNull @jakarta.validation.constraints.DecimalMin(value = "0", inclusive = false) Double total,
        @jakarta.validation.constraints.Size(max = 500) String note,
        @com.fasterxml.jackson.annotation.JsonProperty(access = com.fasterxml.jackson.annotation.JsonProperty.Access.READ_ONLY) java.time.OffsetDateTime placed,
        @jakarta.validation.Valid Shipping shipping,
        @jakarta.validation.Valid java.util.List<Line> lines,
        java.util.Map<String, Integer> attributes,
        Object extra
) {
}
