package com.example.reservednames.model;

/**
 * A holder record with 4 fields: id, string, strings, new.
 *
 * @param id example: {@code 3fa85f64-5717-4562-b3fc-2c963f66afa6}
 * @param new_ example: {@code true}
 */
public record Holder(
        java.util.UUID id,
        @jakarta.validation.Valid StringModel string,
        @jakarta.validation.Valid java.util.List<StringModel> strings,
        @com.fasterxml.jackson.annotation.JsonProperty("new") Boolean new_
) {
}
