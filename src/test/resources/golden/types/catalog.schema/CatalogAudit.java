package com.example.catalog.model;

/**
 * A catalog audit record with 2 fields: at, by.
 *
 * @param at example: {@code 2024-01-15T09:30:00Z}
 * @param by example: {@code by-1} Suggested (not enforced): notBlank, maxLength 255.
 */
public record CatalogAudit(
        java.time.OffsetDateTime at,
        @jakarta.validation.constraints.NotNull String by
) {
}
