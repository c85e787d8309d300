package com.example.shapes.model;

/**
 * A tagged record with 2 fields: tag, size.
 *
 * @param size example: {@code 1}
 */
public record Tagged(
        Object tag,
        @jakarta.validation.constraints.PositiveOrZero java.math.BigDecimal size
) {
}
