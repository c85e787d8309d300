package com.example.polymorphicpets.model;

/**
 * A note record with 3 fields: text, link, email.
 *
 * @param text example: {@code A short text text.} Suggested (not enforced): notBlank, maxLength 2000.
 * @param link example: {@code https://example.com/link}
 * @param email example: {@code jane.doe@example.com} Suggested (not enforced): maxLength 320.
 */
public record Note(
        @jakarta.validation.constraints.NotNull String text,
        java.net.URI link,
        @jakarta.validation.constraints.Email String email
) {
}
