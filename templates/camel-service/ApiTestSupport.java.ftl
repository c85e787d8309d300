package ${project.packageName};

/**
 * What the API tests share: the port the service under test listens on (a free one, chosen once per test run and
 * given to Camel Main by each test class's {@code @CamelMainTest} properties), an HTTP client and JSON helpers.
 * camel-test-main-junit5 starts the real Main, with the real routes and beans, before the tests of a class run.
 */
public abstract class ApiTestSupport {

    /** The system property that carries the port to {@code @CamelMainTest(properties = ...)}. */
    public static final String PORT_PROPERTY = "${project.packageName}.test.port";

    /** The port of the service under test. */
    protected static final int PORT = freePort();

    /** Reads JSON as the service writes it: decimals keep their digits. */
    protected static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            com.fasterxml.jackson.databind.json.JsonMapper.builder()
                    .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .configure(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES,
                            false)
                    .build();

    private static final java.net.http.HttpClient CLIENT = java.net.http.HttpClient.newBuilder()
            .connectTimeout(java.time.Duration.ofSeconds(5))
            .build();

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            int port = socket.getLocalPort();
            System.setProperty(PORT_PROPERTY, String.valueOf(port));
            return port;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("no free port", e);
        }
    }

    /**
     * @param make makes a valid body (see {@code ValidBodies})
     * @return the body; the test is aborted, not failed, when no valid body can be made for the entity (a required
     *         field of a type or pattern {@code ValidBodies} cannot fill: write one there)
     */
    protected static com.fasterxml.jackson.databind.node.ObjectNode valid(
            java.util.function.Supplier<com.fasterxml.jackson.databind.node.ObjectNode> make) {
        try {
            return make.get();
        } catch (IllegalStateException e) {
            return org.junit.jupiter.api.Assumptions.abort(e.getMessage());
        }
    }

    /**
     * Sends a request to the service.
     *
     * @param method the HTTP method
     * @param path   the path, e.g. {@code /api/customers}
     * @param body   a JSON body, or {@code null} for none
     * @return the answer, its body as text
     * @throws Exception when the service does not answer
     */
    protected static java.net.http.HttpResponse<String> send(String method, String path, String body) throws Exception {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + PORT + path))
                .timeout(java.time.Duration.ofSeconds(10))
                .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return CLIENT.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    /**
     * @param response an answer
     * @return its body as JSON
     * @throws Exception when the body is not JSON
     */
    protected static com.fasterxml.jackson.databind.JsonNode json(java.net.http.HttpResponse<String> response)
            throws Exception {
        return JSON.readTree(response.body());
    }

    /**
     * Asserts that an answer is an RFC 9457 problem with the given status.
     *
     * @param status   the expected status
     * @param response the answer
     * @return the problem's body
     * @throws Exception when the body is not JSON
     */
    protected static com.fasterxml.jackson.databind.JsonNode assertProblem(int status,
            java.net.http.HttpResponse<String> response) throws Exception {
        org.junit.jupiter.api.Assertions.assertEquals(status, response.statusCode(), response::body);
        org.junit.jupiter.api.Assertions.assertEquals("application/problem+json",
                response.headers().firstValue("Content-Type").orElse(""));
        com.fasterxml.jackson.databind.JsonNode problem = json(response);
        org.junit.jupiter.api.Assertions.assertEquals(status, problem.path("status").asInt());
        org.junit.jupiter.api.Assertions.assertEquals("about:blank", problem.path("type").asText());
        org.junit.jupiter.api.Assertions.assertFalse(problem.path("detail").asText().isEmpty(), "detail");
        return problem;
    }

    /**
     * Asserts that a problem reports a rule at a pointer.
     *
     * @param problem a problem's body
     * @param pointer the JSON pointer of the property
     * @param rule    the rule's name
     */
    protected static void assertViolation(com.fasterxml.jackson.databind.JsonNode problem, String pointer, String rule) {
        for (com.fasterxml.jackson.databind.JsonNode error : problem.path("errors")) {
            if (error.path("pointer").asText().equals(pointer) && error.path("rule").asText().equals(rule)) {
                return;
            }
        }
        org.junit.jupiter.api.Assertions.fail("no " + rule + " error at '" + pointer + "' in " + problem);
    }

    /**
     * Asserts that every property of {@code sent} comes back with the same value in {@code stored}.
     *
     * @param sent   what a request sent
     * @param stored what the service answered
     * @throws Exception when the sent body is not JSON
     */
    protected static void assertKeeps(com.fasterxml.jackson.databind.JsonNode sent,
                                      com.fasterxml.jackson.databind.JsonNode stored) throws Exception {
        // read back as the answer was, so that numbers of the same value and text compare equal
        JSON.readTree(sent.toString()).fields().forEachRemaining(field -> org.junit.jupiter.api.Assertions.assertEquals(
                field.getValue(), stored.get(field.getKey()), "property " + field.getKey() + " of " + stored));
    }
}
