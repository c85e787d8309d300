package com.example.shapes.model;

/**
 * A tagged record with 2 fields: tag, size.
 *
 * @param size example: {@code 1} Suggested (not enforced): positiveOrZero.
 */
public record Tagged(
        Object tag,
        java.math.BigDecimal size
) {
}
