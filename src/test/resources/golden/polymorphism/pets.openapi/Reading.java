package com.example.polymorphicpets.model;

/**
 * A reading record with 2 fields: value, count.
 *
 * @param count Restated as a number. (example: {@code 1})
 */
public record Reading(
        Object value,
        @jakarta.validation.constraints.PositiveOrZero java.math.BigDecimal count
) {
}
