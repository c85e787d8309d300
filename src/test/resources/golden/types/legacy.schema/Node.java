package com.example.legacy.model;

/**
 * A node record with 2 fields: value, children.
 *
 * @param value example: {@code value-1} Suggested (not enforced): maxLength 255.
 */
public record Node(
        String value,
        @jakarta.validation.Valid java.util.List<Node> children
) {
}
