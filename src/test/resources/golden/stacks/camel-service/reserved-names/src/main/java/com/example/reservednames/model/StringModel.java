package com.example.reservednames.model;

/**
 * A type named like a built-in type in Java and JavaScript.
 *
 * @param id example: {@code 3fa85f64-5717-4562-b3fc-2c963f66afa6}
 * @param class_ example: {@code class-1} Suggested (not enforced): notBlank.
 * @param type example: {@code plain}
 * @param default_ example: {@code 1} Default: 3.
 * @param function example: {@code function-1} Suggested (not enforced): maxLength 255.
 * @param hashCodeValue example: {@code 1}
 */
public record StringModel(
        java.util.UUID id,
        @com.fasterxml.jackson.annotation.JsonProperty("class") @jakarta.validation.constraints.NotNull @jakarta.validation.constraints.Size(max = 20) String class_,
        @jakarta.validation.constraints.NotNull StringType type,
        @com.fasterxml.jackson.annotation.JsonProperty("default") @jakarta.validation.constraints.Min(0L) Integer default_,
        String function,
        @com.fasterxml.jackson.annotation.JsonProperty("hashCode") Integer hashCodeValue
) {

    /** Fills in the spec's default values for the components that are {@code null}. */
    public StringModel {
        if (default_ == null) {
            default_ = 3;
        }
    }
}
