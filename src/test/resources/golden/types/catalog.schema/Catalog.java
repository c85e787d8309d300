package com.example.catalog.model;

/**
 * One item of the catalog.
 * Covers each construct of the type mapping.
 *
 * <p>The {@code id} is never required in a request body: the service assigns one to a record created without it, and
 * a record embedded in another keeps whatever it was sent (docs: C4.1, C5.6).
 *
 * @param id Assigned by the server. (example: {@code 3fa85f64-5717-4562-b3fc-2c963f66afa6}) Read-only: sent in responses, ignored in requests.
 * @param name example: {@code Jane Doe}
 * @param contact example: {@code jane.doe@example.com} Suggested (not enforced): maxLength 320.
 * @param homepage example: {@code https://example.com/homepage}
 * @param released example: {@code 2024-01-15}
 * @param updated Null until the first change. (example: {@code 2024-01-15T09:30:00Z}) May be null. Suggested (not enforced): pastOrPresent.
 * @param thumbnail example: {@code aGVsbG8=}
 * @param quantity example: {@code 1} Default: 1.
 * @param views example: {@code 1}
 * @param price example: {@code 19.99}
 * @param weight example: {@code 1}
 * @param ratio example: {@code 1} Default: 0.5.
 * @param secret example: {@code secret-1} Write-only: accepted in requests, never sent in responses. Suggested (not enforced): maxLength 255.
 * @param active example: {@code true} Default: true.
 * @param status example: {@code draft} Default: "draft".
 * @param kind example: {@code kind-1} Suggested (not enforced): maxLength 255.
 * @param priority example: {@code 1}
 * @param tags example: {@code tags-1} Default: [].
 * @param position example: {@code 1}
 */
public record Catalog(
        @com.fasterxml.jackson.annotation.JsonProperty(access = com.fasterxml.jackson.annotation.JsonProperty.Access.READ_ONLY) java.util.UUID id,
        @jakarta.validation.constraints.NotNull @jakarta.validation.constraints.Size(min = 1, max = 80) @jakarta.validation.constraints.Pattern(regexp = "^[A-Za-z0-9 ]+$") String name,
        @jakarta.validation.constraints.Email String contact,
        java.net.URI homepage,
        java.time.LocalDate released,
        java.time.OffsetDateTime updated,
        byte[] thumbnail,
        @jakarta.validation.constraints.Min(0L) Integer quantity,
        Long views,
        @jakarta.validation.constraints.NotNull @jakarta.validation.constraints.DecimalMin(value = "0", inclusive = false) @jakarta.validation.constraints.DecimalMax("100000") java.math.BigDecimal price,
        Float weight,
        Double ratio,
        @com.fasterxml.jackson.annotation.JsonProperty(access = com.fasterxml.jackson.annotation.JsonProperty.Access.WRITE_ONLY) String secret,
        Boolean active,
        Status status,
        String kind,
        Integer priority,
        @jakarta.validation.constraints.Size(min = 1, max = 10) java.util.List<String> tags,
        java.util.Map<String, String> labels,
        java.util.Map<String, java.math.BigDecimal> metrics,
        java.util.List<java.math.BigDecimal> position,
        @jakarta.validation.Valid Dimensions dimensions,
        @jakarta.validation.Valid Owner owner,
        @jakarta.validation.Valid CatalogPayment payment,
        Object code,
        @jakarta.validation.Valid Catalog parent,
        @jakarta.validation.Valid CatalogAudit audit
) {

    /** Fills in the spec's default values for the components that are {@code null}. */
    public Catalog {
        if (quantity == null) {
            quantity = 1;
        }
        if (ratio == null) {
            ratio = 0.5d;
        }
        if (active == null) {
            active = Boolean.TRUE;
        }
        if (status == null) {
            status = Status.DRAFT;
        }
        if (tags == null) {
            tags = java.util.List.of();
        }
    }
}
