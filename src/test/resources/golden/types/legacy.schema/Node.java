package com.example.legacy.model;

/**
 * A node record with 2 fields: value, children.
 *
 * @param value example: {@code value-1}
 */
public record Node(
        @jakarta.validation.constraints.Size(max = 255) String value,
        @jakarta.validation.Valid java.util.List<Node> children
) {
}
