package ${project.packageName}.http;

/**
 * An error answer of ${project.name}: an RFC 9457 problem ({@code application/problem+json}) with {@code type},
 * {@code title}, {@code status}, {@code detail} and, for a 400 or 409 about the request body, {@code errors}: one
 * {@link Violation} per broken rule. Thrown by the beans; the routes' shared {@code onException} turns it into the
 * HTTP answer (see {@code routes/common/problems.camel.yaml}).
 */
public class Problem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
<#if operationGroups?has_content>
     * One broken rule of a request: of a parameter ({@code in} and {@code parameter} name it) or of the body
     * ({@code pointer} says where).
     *
     * @param in        where the parameter is ({@code path}, {@code query}, {@code header}); {@code null} for the body
     * @param parameter the parameter's name; {@code null} for the body
<#else>
     * One broken rule of a request body.
     *
</#if>
     * @param pointer an RFC 6901 JSON pointer into the body ({@code /email}, {@code /lines/0/sku}; {@code ""} for
     *                the body itself)
     * @param rule    the rule's name: a JSON Schema keyword ({@code required}, {@code maxLength}, {@code format},
     *                ...) or {@code type}, {@code additionalProperties}, {@code unique}, {@code id}, {@code notBlank},
     *                {@code positive}, {@code positiveOrZero}, {@code past}, {@code pastOrPresent}, {@code future}
     * @param detail  a sentence for a person
     */
<#if operationGroups?has_content>
    public record Violation(String in, String parameter, String pointer, String rule, String detail) {

        /**
         * A broken rule of the request body.
         *
         * @param pointer an RFC 6901 JSON pointer into the body
         * @param rule    the rule's name
         * @param detail  a sentence for a person
         */
        public Violation(String pointer, String rule, String detail) {
            this(null, null, pointer, rule, detail);
        }

        /**
         * A broken rule of a parameter.
         *
         * @param in        where the parameter is: {@code path}, {@code query} or {@code header}
         * @param parameter the parameter's name
         * @param rule      the rule's name ({@code required}, {@code type}, or a JSON Schema keyword)
         * @param detail    a sentence for a person, naming the parameter
         * @return the violation
         */
        public static Violation ofParameter(String in, String parameter, String rule, String detail) {
            return new Violation(in, parameter, null, rule, detail);
        }
    }
<#else>
    public record Violation(String pointer, String rule, String detail) {
    }
</#if>

    private final int status;
    private final String title;
    private final java.util.List<Violation> errors;

    /**
     * @param status the HTTP status
     * @param title  the status's short name
     * @param detail what happened, for a person
     * @param errors the broken rules, empty when the problem is not about the body
     */
    public Problem(int status, String title, String detail, java.util.List<Violation> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = java.util.List.copyOf(errors);
    }

    /**
     * @param errors the broken rules (at least one)
     * @return a 400 problem
     */
    public static Problem badRequest(java.util.List<Violation> errors) {
        return new Problem(400, "Bad Request", summary(errors), errors);
    }

    /**
     * @param errors the clashes with stored records (at least one)
     * @return a 409 problem
     */
    public static Problem conflict(java.util.List<Violation> errors) {
        return new Problem(409, "Conflict", summary(errors), errors);
    }

    /**
     * @param detail what was not found
     * @return a 404 problem
     */
    public static Problem notFound(String detail) {
        return new Problem(404, "Not Found", detail, java.util.List.of());
    }

    private static String summary(java.util.List<Violation> errors) {
        return errors.size() == 1 ? errors.get(0).detail()
                : "The request body breaks " + errors.size() + " rules; see errors.";
    }

    /** @return the HTTP status */
    public int getStatus() {
        return status;
    }

    /** @return the broken rules, empty when the problem is not about the body */
    public java.util.List<Violation> getErrors() {
        return errors;
    }

    /** @return the RFC 9457 body */
    public String toJson() {
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", getMessage());
        if (!errors.isEmpty()) {
            body.put("errors", errors);
        }
        return Json.write(body);
    }
}
