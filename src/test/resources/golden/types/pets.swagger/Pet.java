package com.example.petregistry.model;

/**
 * A pet record with 4 fields: id, name, born, kind.
 *
 * @param id example: {@code 1} Read-only: sent in responses, ignored in requests.
 * @param name example: {@code Jane Doe} Suggested (not enforced): notBlank.
 * @param born example: {@code 2024-01-15} Suggested (not enforced): pastOrPresent.
 * @param kind example: {@code cat} Default: "cat".
 */
public record Pet(
        @com.fasterxml.jackson.annotation.JsonProperty(access = com.fasterxml.jackson.annotation.JsonProperty.Access.READ_ONLY) Long id,
        @jakarta.validation.constraints.NotNull @jakarta.validation.constraints.Size(max = 40) String name,
        java.time.LocalDate born,
        PetKind kind
) {

    /** Fills in the spec's default values for the components that are {@code null}. */
    public Pet {
        if (kind == null) {
            kind = PetKind.CAT;
        }
    }
}
