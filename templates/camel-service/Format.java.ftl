package ${project.packageName}.validation;

/**
 * A string field's JSON Schema {@code format} (JSON Schema Validation 2020-12, section 7.3): {@code uri} (an absolute
 * RFC 3986 URI), {@code uuid} (RFC 4122 text form), {@code date} ({@code YYYY-MM-DD}) or {@code date-time}
 * (RFC 3339). {@code null} is valid: {@code @NotNull} speaks for a missing value. ({@code email} is Bean Validation's
 * own {@code @Email}.)
 */
@java.lang.annotation.Documented
@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
@java.lang.annotation.Target({java.lang.annotation.ElementType.FIELD, java.lang.annotation.ElementType.METHOD,
        java.lang.annotation.ElementType.PARAMETER, java.lang.annotation.ElementType.TYPE_USE})
@jakarta.validation.Constraint(validatedBy = Format.Check.class)
public @interface Format {

    /** @return the format's name */
    String value();

    /** @return the violation's message */
    String message() default "must be a {value}";

    /** @return the validation groups */
    Class<?>[] groups() default {};

    /** @return the payload */
    Class<? extends jakarta.validation.Payload>[] payload() default {};

    /** Checks a string against its {@link Format}. */
    class Check implements jakarta.validation.ConstraintValidator<Format, CharSequence> {

        private static final java.util.regex.Pattern UUID = java.util.regex.Pattern.compile(
                "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
        private static final java.util.regex.Pattern DATE_TIME = java.util.regex.Pattern.compile(
                "^\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})$");

        private String format;

        @Override
        public void initialize(Format annotation) {
            format = annotation.value();
        }

        @Override
        public boolean isValid(CharSequence value, jakarta.validation.ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            String text = value.toString();
            return switch (format) {
                case "uri" -> uri(text);
                case "uuid" -> uuid(text);
                case "date" -> date(text);
                case "date-time" -> dateTime(text);
                default -> true;
            };
        }

        /**
         * @param text a string
         * @return whether it is a UUID in its 8-4-4-4-12 hexadecimal form
         */
        public static boolean uuid(String text) {
            return UUID.matcher(text).matches();
        }

        /**
         * @param text a string
         * @return whether it is a date, {@code YYYY-MM-DD}
         */
        public static boolean date(String text) {
            try {
                java.time.LocalDate.parse(text);
                return true;
            } catch (java.time.format.DateTimeParseException e) {
                return false;
            }
        }

        /**
         * @param text a string
         * @return whether it is an RFC 3339 date-time (seconds and an offset required)
         */
        public static boolean dateTime(String text) {
            try {
                return DATE_TIME.matcher(text).matches()
                        && java.time.OffsetDateTime.parse(text.toUpperCase(java.util.Locale.ROOT)) != null;
            } catch (java.time.format.DateTimeParseException e) {
                return false;
            }
        }

        /**
         * @param text a string
         * @return whether it is an absolute URI (a scheme, then RFC 3986 characters only)
         */
        public static boolean uri(String text) {
            try {
                return new java.net.URI(text).isAbsolute();
            } catch (java.net.URISyntaxException e) {
                return false;
            }
        }
    }
}
