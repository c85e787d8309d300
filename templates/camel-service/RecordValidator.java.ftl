package ${project.packageName}.http;

/**
 * Checks a request body against a record type and reports every broken rule at once (docs/conformance.md, section 5),
 * each under its JSON Schema name with a JSON pointer into the body.
 *
 * <p>Two passes. The first walks the JSON against the record's components: each property must have its component's
 * JSON type ({@code type}: a string, a 32- or 64-bit integer, a number, a boolean, an object for a record, an array
 * for a list), UUIDs, dates, date-times and URIs must be well formed ({@code format}), enum values must be spelled as
 * in the spec ({@code enum}), and no property may be unknown ({@code additionalProperties}). Values that fail are
 * left out so that the second pass can still run: Jackson makes the record and Hibernate Validator checks its Bean
 * Validation annotations, each violation named after the annotation and the bound that failed ({@code @Size} is
 * {@code minLength}/{@code maxLength} on text, {@code minItems}/{@code maxItems} on a list, and so on).
 */
public class RecordValidator {

    private final jakarta.validation.Validator validator;

    /**
     * Builds the Bean Validation provider (Hibernate Validator) as {@code META-INF/validation.xml} configures it:
     * with the JSON Schema readings of {@code @Pattern} and {@code @Size}
     * ({@link ${project.packageName}.validation.JsonSchemaValidators}).
     */
    public RecordValidator() {
        // the factory lives as long as the service: its validators use its caches
        this.validator = jakarta.validation.Validation.buildDefaultValidatorFactory().getValidator();
    }

    /** One validator for the whole service, made on first use (class holder idiom: thread-safe, no lock). */
    private static final class Shared {
        private static final RecordValidator INSTANCE = new RecordValidator();
    }

    /** @return the validator every entity's collection shares */
    public static RecordValidator shared() {
        return Shared.INSTANCE;
    }

    /**
     * @param body a JSON object (its id already assigned)
     * @param type the record type it must make
     * @param <T>  the record type
     * @return the record
     * @throws Problem a 400 listing every broken rule
     */
    public <T> T toRecord(com.fasterxml.jackson.databind.node.ObjectNode body, Class<T> type) {
        java.util.List<Problem.Violation> errors = new java.util.ArrayList<>();
        checkObject(body, type, "", errors);
        T value;
        try {
            value = Json.MAPPER.treeToValue(body, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            String pointer = e instanceof com.fasterxml.jackson.databind.JsonMappingException m ? pointer(m) : "";
            errors.add(violation(pointer, "type", "does not fit its field"));
            throw Problem.badRequest(errors);
        }
        java.util.Set<String> reported = new java.util.HashSet<>();
        errors.forEach(v -> reported.add(v.pointer()));
        for (jakarta.validation.ConstraintViolation<T> violation : validator.validate(value)) {
            String pointer = pointer(type, violation.getPropertyPath());
            String rule = rule(violation);
            // a value the first pass left out is not also "required"; "required" alone speaks for a missing value
            if ((rule.equals("required") && reported.contains(pointer))
                    || (violation.getInvalidValue() == null && !rule.equals("required"))) {
                continue;
            }
            errors.add(violation(pointer, rule, violation.getMessage()));
        }
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparing(Problem.Violation::pointer));
            throw Problem.badRequest(errors);
        }
        return value;
    }

    // ---- first pass: JSON types, formats, enums and unknown properties ----

    private void checkObject(com.fasterxml.jackson.databind.node.ObjectNode object, Class<?> type, String pointer,
                             java.util.List<Problem.Violation> errors) {
        java.util.Map<String, java.lang.reflect.RecordComponent> components = components(type);
        for (String name : names(object.fieldNames())) {
            String at = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
            java.lang.reflect.RecordComponent component = components.get(name);
            if (component == null) {
                errors.add(new Problem.Violation(at, "additionalProperties",
                        "The property " + name + " is not a field of " + type.getSimpleName() + "."));
                object.remove(name);
            } else if (!check(object.get(name), component.getGenericType(), at, errors)) {
                object.remove(name);
            }
        }
    }

    /** @return whether the value is kept (a failed value was reported and is to be left out) */
    private boolean check(com.fasterxml.jackson.databind.JsonNode v, java.lang.reflect.Type type, String at,
                          java.util.List<Problem.Violation> errors) {
        if (v.isNull()) {
            return true;
        }
        Class<?> raw = raw(type);
        if (raw == String.class) {
            return expect(v.isTextual(), "a string", at, errors);
        } else if (raw == Integer.class) {
            return expect(v.isIntegralNumber() && v.canConvertToInt(), "a 32-bit integer", at, errors);
        } else if (raw == Long.class) {
            return expect(v.isIntegralNumber() && v.canConvertToLong(), "a 64-bit integer", at, errors);
        } else if (raw == java.math.BigDecimal.class || raw == Double.class || raw == Float.class) {
            return expect(v.isNumber(), "a number", at, errors);
        } else if (raw == Boolean.class) {
            return expect(v.isBoolean(), "true or false", at, errors);
        } else if (raw == java.util.UUID.class) {
            return expect(v.isTextual(), "a string", at, errors)
                    && format(${project.packageName}.validation.Format.Check.uuid(v.textValue()), "uuid", at, errors);
        } else if (raw == java.time.LocalDate.class) {
            return expect(v.isTextual(), "a string", at, errors)
                    && format(${project.packageName}.validation.Format.Check.date(v.textValue()), "date (YYYY-MM-DD)", at, errors);
        } else if (raw == java.time.OffsetDateTime.class) {
            return expect(v.isTextual(), "a string", at, errors) && format(
                    ${project.packageName}.validation.Format.Check.dateTime(v.textValue()), "date-time (RFC 3339)", at, errors);
        } else if (raw == java.net.URI.class) {
            return expect(v.isTextual(), "a string", at, errors)
                    && format(${project.packageName}.validation.Format.Check.uri(v.textValue()), "uri", at, errors);
        } else if (raw == byte[].class) {
            return expect(v.isTextual(), "a base64 string", at, errors);
        } else if (raw.isEnum()) {
            if (!expect(v.isTextual(), "a string", at, errors)) {
                return false;
            }
            java.util.List<String> values = enumValues(raw);
            if (!values.contains(v.textValue())) {
                errors.add(violation(at, "enum", "must be one of " + String.join(", ", values)));
                return false;
            }
            return true;
        } else if (raw.isRecord()) {
            if (!expect(v.isObject(), "an object", at, errors)) {
                return false;
            }
            checkObject((com.fasterxml.jackson.databind.node.ObjectNode) v, raw, at, errors);
            return true;
        } else if (java.util.List.class.isAssignableFrom(raw)) {
            if (!expect(v.isArray(), "an array", at, errors)) {
                return false;
            }
            java.lang.reflect.Type item = argument(type, 0);
            com.fasterxml.jackson.databind.node.ArrayNode array = (com.fasterxml.jackson.databind.node.ArrayNode) v;
            for (int i = 0; i < array.size(); i++) {
                if (!check(array.get(i), item, at + "/" + i, errors)) {
                    array.set(i, com.fasterxml.jackson.databind.node.NullNode.getInstance());
                }
            }
            return true;
        } else if (java.util.Map.class.isAssignableFrom(raw)) {
            if (!expect(v.isObject(), "an object", at, errors)) {
                return false;
            }
            java.lang.reflect.Type value = argument(type, 1);
            com.fasterxml.jackson.databind.node.ObjectNode map = (com.fasterxml.jackson.databind.node.ObjectNode) v;
            for (String key : names(map.fieldNames())) {
                if (!check(map.get(key), value, at + "/" + key.replace("~", "~0").replace("/", "~1"), errors)) {
                    map.remove(key);
                }
            }
            return true;
        }
        return true; // Object (any JSON) and unions: Jackson decides
    }

    private static boolean expect(boolean ok, String what, String at, java.util.List<Problem.Violation> errors) {
        if (!ok) {
            errors.add(violation(at, "type", "must be " + what));
        }
        return ok;
    }

    private static boolean format(boolean ok, String what, String at, java.util.List<Problem.Violation> errors) {
        if (!ok) {
            errors.add(violation(at, "format", "must be a " + what));
        }
        return ok;
    }

    /** @return a violation whose detail names the property, e.g. {@code customer/email must not be blank} */
    private static Problem.Violation violation(String pointer, String rule, String message) {
        String property = pointer.isEmpty() ? "The body" : pointer.substring(1).replace("~1", "/").replace("~0", "~");
        return new Problem.Violation(pointer, rule, property + " " + message + ".");
    }

    // ---- second pass: Bean Validation's violations, named and pointed ----

    /** @return the name of the rule a violation breaks (a constraint of another kind: its name in lowerCamelCase) */
    private static String rule(jakarta.validation.ConstraintViolation<?> violation) {
        java.lang.annotation.Annotation a = violation.getConstraintDescriptor().getAnnotation();
        Object value = violation.getInvalidValue();
        if (a instanceof jakarta.validation.constraints.Size size) {
            int count = value instanceof CharSequence s ? s.toString().codePointCount(0, s.length())
                    : value instanceof java.util.Collection<?> c ? c.size() : 0;
            boolean text = value instanceof CharSequence;
            return count < size.min() ? (text ? "minLength" : "minItems") : (text ? "maxLength" : "maxItems");
        }
        if (a instanceof jakarta.validation.constraints.DecimalMin min) {
            return min.inclusive() ? "minimum" : "exclusiveMinimum";
        }
        if (a instanceof jakarta.validation.constraints.DecimalMax max) {
            return max.inclusive() ? "maximum" : "exclusiveMaximum";
        }
        return switch (a.annotationType().getSimpleName()) {
            case "NotNull" -> "required";
            case "Min" -> "minimum";
            case "Max" -> "maximum";
            case "Email", "Format" -> "format";
            case "Pattern" -> "pattern";
            case "NotBlank" -> "notBlank";
            case "Positive" -> "positive";
            case "PositiveOrZero" -> "positiveOrZero";
            case "Past" -> "past";
            case "PastOrPresent" -> "pastOrPresent";
            case "Future" -> "future";
            default -> Character.toLowerCase(a.annotationType().getSimpleName().charAt(0))
                    + a.annotationType().getSimpleName().substring(1);
        };
    }

    /** The JSON pointer of a Bean Validation property path, with the JSON names of the record components. */
    private static String pointer(Class<?> root, jakarta.validation.Path path) {
        StringBuilder pointer = new StringBuilder();
        java.lang.reflect.Type type = root;
        for (jakarta.validation.Path.Node node : path) {
            if (node.isInIterable()) {
                pointer.append('/').append(node.getIndex() != null ? node.getIndex() : node.getKey());
                type = java.util.List.class.isAssignableFrom(raw(type)) ? argument(type, 0) : argument(type, 1);
            }
            if (node.getName() == null) {
                continue;
            }
            String name = node.getName();
            java.lang.reflect.RecordComponent component = raw(type).isRecord() ? components(raw(type)).values()
                    .stream().filter(c -> c.getName().equals(node.getName())).findFirst().orElse(null) : null;
            if (component != null) {
                name = jsonName(component);
                type = component.getGenericType();
            }
            pointer.append('/').append(name.replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }

    /** The JSON pointer of the place Jackson stopped at. */
    private static String pointer(com.fasterxml.jackson.databind.JsonMappingException e) {
        StringBuilder pointer = new StringBuilder();
        for (com.fasterxml.jackson.databind.JsonMappingException.Reference r : e.getPath()) {
            pointer.append('/').append(r.getFieldName() != null
                    ? r.getFieldName().replace("~", "~0").replace("/", "~1") : String.valueOf(r.getIndex()));
        }
        return pointer.toString();
    }

    // ---- reflection on the model ----

    private static final java.util.Map<Class<?>, java.util.Map<String, java.lang.reflect.RecordComponent>> COMPONENTS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** @return a record's components by JSON name */
    private static java.util.Map<String, java.lang.reflect.RecordComponent> components(Class<?> type) {
        return COMPONENTS.computeIfAbsent(type, t -> {
            java.util.Map<String, java.lang.reflect.RecordComponent> byName = new java.util.LinkedHashMap<>();
            for (java.lang.reflect.RecordComponent c : t.getRecordComponents()) {
                byName.put(jsonName(c), c);
            }
            return byName;
        });
    }

    private static String jsonName(java.lang.reflect.RecordComponent c) {
        try {
            com.fasterxml.jackson.annotation.JsonProperty p = c.getDeclaringRecord().getDeclaredField(c.getName())
                    .getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
            return p == null || p.value().isEmpty() ? c.getName() : p.value();
        } catch (NoSuchFieldException e) {
            return c.getName();
        }
    }

    private static java.util.List<String> enumValues(Class<?> type) {
        java.util.List<String> values = new java.util.ArrayList<>();
        for (Object constant : type.getEnumConstants()) {
            try {
                values.add(String.valueOf(type.getMethod("value").invoke(constant)));
            } catch (ReflectiveOperationException e) {
                values.add(((Enum<?>) constant).name());
            }
        }
        return values;
    }

    private static Class<?> raw(java.lang.reflect.Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof java.lang.reflect.ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }

    private static java.lang.reflect.Type argument(java.lang.reflect.Type type, int index) {
        return type instanceof java.lang.reflect.ParameterizedType p && p.getActualTypeArguments().length > index
                ? p.getActualTypeArguments()[index] : Object.class;
    }

    /** @return the names, copied so that the object can change while they are walked */
    private static java.util.List<String> names(java.util.Iterator<String> names) {
        java.util.List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
