package ${project.packageName}.http;

/**
 * The JSON codec of ${project.name}: one Jackson mapper, configured so that what a client sends is what it reads back.
 * Dates and date-times are ISO-8601 text (JSR-310 module) and keep their offset; decimals keep their digits
 * ({@code 1234.50} stays {@code 1234.50}, never a rounded double, never {@code 1.2345E3}); fields without a value are
 * left out of responses ({@code []}, {@code false} and {@code 0} are values and stay); duplicate keys and trailing
 * content make a body malformed.
 */
public final class Json {

    /** The mapper every request and response goes through; thread-safe once built. */
    public static final com.fasterxml.jackson.databind.ObjectMapper MAPPER =
            com.fasterxml.jackson.databind.json.JsonMapper.builder()
                    .addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
                    .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .disable(com.fasterxml.jackson.databind.DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                    .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .enable(com.fasterxml.jackson.core.StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                    .configure(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES,
                            false)
                    .serializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                    .build();

    private Json() {
    }

    /**
     * @param value a record, a list of records or a map
     * @return its JSON text
     */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads a request body that must be a JSON object (docs: rule C5.1).
     *
     * @param body the request body, may be {@code null} or empty
     * @return the object
     * @throws Problem a 400 when the body is not JSON, or is JSON but not an object
     */
    public static com.fasterxml.jackson.databind.node.ObjectNode readObject(String body) {
        com.fasterxml.jackson.databind.JsonNode node;
        try {
            node = body == null || body.isBlank() ? null : MAPPER.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw Problem.badRequest(java.util.List.of(new Problem.Violation("", "type",
                    "The body is not valid JSON: " + e.getOriginalMessage())));
        }
        if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
            return object;
        }
        throw Problem.badRequest(java.util.List.of(new Problem.Violation("", "type",
                "The body must be a JSON object.")));
    }
}
