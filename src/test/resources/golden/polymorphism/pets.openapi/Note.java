package com.example.polymorphicpets.model;

/**
 * A note record with 3 fields: text, link, email.
 *
 * @param text example: {@code A short text text.}
 * @param link example: {@code https://example.com/link}
 * @param email example: {@code jane.doe@example.com}
 */
public record Note(
        @jakarta.validation.constraints.NotNull @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 2000) String text,
        java.net.URI link,
        @jakarta.validation.constraints.Email @jakarta.validation.constraints.Size(max = 320) String email
) {
}
