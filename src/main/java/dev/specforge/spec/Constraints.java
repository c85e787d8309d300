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
 * @param exclusiveMinimum whether {@code minimum} is exclusive (draft-04/OpenAPI 3.0 boolean form, or the
 *                  number form of draft-06 and later, which is stored in {@code minimum})
 * @param exclusiveMaximum the same for {@code maximum}
 * @param minItems  minimum number of items of an array (section 6.4)
 * @param maxItems  maximum number of items of an array (section 6.4)
 */
public record Constraints(Integer minLength, Integer maxLength, BigDecimal minimum, BigDecimal maximum, String pattern,
                          boolean exclusiveMinimum, boolean exclusiveMaximum, Integer minItems, Integer maxItems) {

    /** No constraints. */
    public static final Constraints NONE = new Constraints(null, null, null, null, null);

    /**
     * Inclusive bounds and no item counts (the native spec's shape).
     *
     * @param minLength see the record
     * @param maxLength see the record
     * @param minimum   see the record
     * @param maximum   see the record
     * @param pattern   see the record
     */
    public Constraints(Integer minLength, Integer maxLength, BigDecimal minimum, BigDecimal maximum, String pattern) {
        this(minLength, maxLength, minimum, maximum, pattern, false, false, null, null);
    }
}
