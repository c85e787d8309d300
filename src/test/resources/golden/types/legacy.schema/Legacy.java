package com.example.legacy.model;

/**
 * A legacy record with 3 fields: score, point, node.
 *
 * @param score example: {@code 1}
 */
public record Legacy(
        @jakarta.validation.constraints.DecimalMin(value = "0", inclusive = false) @jakarta.validation.constraints.Max(10L) Integer score,
        java.util.List<Object> point,
        @jakarta.validation.Valid Node node
) {
}
