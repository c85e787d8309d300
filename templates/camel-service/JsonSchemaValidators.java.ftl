package ${project.packageName}.validation;

/**
 * Bean Validation's {@code @Pattern} and {@code @Size} read as JSON Schema reads {@code pattern}, {@code minLength},
 * {@code maxLength}, {@code minItems} and {@code maxItems} (JSON Schema Validation 2020-12, sections 6.3 and 6.4).
 * {@code META-INF/validation/json-schema.xml} puts them in place of Hibernate Validator's own.
 */
public final class JsonSchemaValidators {

    private JsonSchemaValidators() {
    }

    /**
     * {@code pattern}: the regular expression is searched in the value, not matched against all of it, so
     * {@code ^...$} anchors it; {@code $} is the end of the text (ECMA-262), never "before a final line break" as in
     * Java.
     */
    public static class SearchedPattern
            implements jakarta.validation.ConstraintValidator<jakarta.validation.constraints.Pattern, CharSequence> {

        private java.util.regex.Pattern pattern;

        @Override
        public void initialize(jakarta.validation.constraints.Pattern annotation) {
            pattern = java.util.regex.Pattern.compile(ecmaDollars(annotation.regexp()));
        }

        @Override
        public boolean isValid(CharSequence value, jakarta.validation.ConstraintValidatorContext context) {
            return value == null || pattern.matcher(value).find();
        }

        /** Rewrites each {@code $} that is an anchor (not escaped, not in a class) as {@code \z}. */
        static String ecmaDollars(String regex) {
            StringBuilder out = new StringBuilder(regex.length() + 4);
            boolean inClass = false;
            for (int i = 0; i < regex.length(); i++) {
                char c = regex.charAt(i);
                if (c == '\\' && i + 1 < regex.length()) {
                    out.append(c).append(regex.charAt(++i));
                    continue;
                }
                if (c == '[') {
                    inClass = true;
                } else if (c == ']') {
                    inClass = false;
                }
                out.append(c == '$' && !inClass ? "\\z" : String.valueOf(c));
            }
            return out.toString();
        }
    }

    /** {@code minLength}/{@code maxLength}: lengths count characters (Unicode code points), not UTF-16 units. */
    public static class CharacterCount
            implements jakarta.validation.ConstraintValidator<jakarta.validation.constraints.Size, CharSequence> {

        private int min;
        private int max;

        @Override
        public void initialize(jakarta.validation.constraints.Size annotation) {
            min = annotation.min();
            max = annotation.max();
        }

        @Override
        public boolean isValid(CharSequence value, jakarta.validation.ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            int count = Character.codePointCount(value, 0, value.length());
            return count >= min && count <= max;
        }
    }

    /** {@code minItems}/{@code maxItems}: the number of items of a list. */
    public static class ItemCount
            implements jakarta.validation.ConstraintValidator<jakarta.validation.constraints.Size, java.util.Collection<?>> {

        private int min;
        private int max;

        @Override
        public void initialize(jakarta.validation.constraints.Size annotation) {
            min = annotation.min();
            max = annotation.max();
        }

        @Override
        public boolean isValid(java.util.Collection<?> value, jakarta.validation.ConstraintValidatorContext context) {
            return value == null || value.size() >= min && value.size() <= max;
        }
    }
}
