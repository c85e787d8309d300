package dev.specforge.spec;

import java.math.BigDecimal;

/**
 * Validation constraints of a field, as JSON Schema validation keywords define them
 * (JSON Schema Validation 2020-12, sections 6.2 and 6.3; OpenAPI 3.0 Schema Object uses the same keywords).
 * Every member may be {@code null} when the keyword is absent.
 *
 * @param minLength minimum length of a string, in characters
 * @param maxLength maximum length of a string, in characters
 * @param minimum   inclusive lower bound of a number
 * @param maximum   inclusive upper bound of a number
 * @param pattern   a regular expression the string must match; only kept when {@link java.util.regex.Pattern} accepts it
 */
public record Constraints(Integer minLength, Integer maxLength, BigDecimal minimum, BigDecimal maximum, String pattern) {

    /** No constraints. */
    public static final Constraints NONE = new Constraints(null, null, null, null, null);
}
