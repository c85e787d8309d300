package com.example.polymorphicpets.model;

/**
 * A reading record with 2 fields: value, count.
 *
 * @param count Restated as a number. (example: {@code 1}) Suggested (not enforced): positiveOrZero.
 */
public record Reading(
        Object value,
        java.math.BigDecimal count
) {
}
