package ${project.packageName};

/**
 * The contract tests of ${project.name}: for every operation of {@code contract.json}, in its order, the valid
 * request the document describes gets the operation's status, with a body that validates against the answer's
 * schema (or, for a read, replace, update or delete of a stored resource whose record an earlier request removed, a
 * {@code 404} problem), and the invalid request, when the document makes one possible, gets a {@code 400} problem.
 * The real service runs: Camel Main with the routes of {@code src/main/resources/routes} (yours in
 * {@code routes/user} too), started by camel-test-main-junit5 once for this class on a free port.
 */
@org.apache.camel.test.main.junit5.CamelMainTest(mainClass = Application.class, properties = {
        "camel.server.port={{sys:" + ContractTest.PORT_PROPERTY + "}}",
        "camel.management.port={{sys:" + ContractTest.PORT_PROPERTY + "}}"})
@org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
class ContractTest {

    /** The system property that carries the port to {@code @CamelMainTest(properties = ...)}. */
    static final String PORT_PROPERTY = "${project.packageName}.test.port";

    private static final int PORT = freePort();

    private static final java.util.Set<String> STATEFUL_ITEM_ROLES = java.util.Set.of("read", "replace", "update",
            "delete");

    private static final java.net.http.HttpClient CLIENT = java.net.http.HttpClient.newBuilder()
            .connectTimeout(java.time.Duration.ofSeconds(5))
            .build();

    private final ${project.packageName}.http.Contract contract = ${project.packageName}.http.Contract.load();

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
     * @return per operation, in the contract's order: its valid request, then its invalid one when there is one
     */
    @org.junit.jupiter.api.TestFactory
    java.util.stream.Stream<org.junit.jupiter.api.DynamicTest> every_operation_answers_its_valid_request_and_rejects_its_invalid_one() {
        java.util.List<org.junit.jupiter.api.DynamicTest> tests = new java.util.ArrayList<>();
        for (${project.packageName}.http.Contract.Operation op : contract.operations()) {
            com.fasterxml.jackson.databind.JsonNode valid = op.cases().path("valid");
            if (valid.isObject()) {
                tests.add(org.junit.jupiter.api.DynamicTest.dynamicTest(op.id() + ": valid " + op.method() + " "
                        + valid.path("path").asText(), () -> answersValid(op, valid)));
            }
            com.fasterxml.jackson.databind.JsonNode invalid = op.cases().path("invalid");
            if (invalid.isObject()) {
                tests.add(org.junit.jupiter.api.DynamicTest.dynamicTest(op.id() + ": invalid ("
                        + invalid.path("reason").asText() + ")", () -> rejectsInvalid(op, invalid)));
            }
        }
        return tests.stream();
    }

    private void answersValid(${project.packageName}.http.Contract.Operation op,
                              com.fasterxml.jackson.databind.JsonNode request) throws Exception {
        java.net.http.HttpResponse<String> response = send(op.method(), request);
        com.fasterxml.jackson.databind.JsonNode answer = op.answer();
        String said = op.method() + " " + request.path("path").asText() + " answered " + response.statusCode() + " "
                + response.body();
        if (!answer.isObject()) {
            assertProblem(501, response, said);
            return;
        }
        if (response.statusCode() == 404 && STATEFUL_ITEM_ROLES.contains(op.resource().path("role").asText())) {
            assertProblem(404, response, said);
            return;
        }
        org.junit.jupiter.api.Assertions.assertEquals(answer.path("status").asInt(), response.statusCode(), said);
        String contentType = answer.path("contentType").textValue();
        if (contentType == null) {
            return;
        }
        org.junit.jupiter.api.Assertions.assertEquals(mediaType(contentType),
                mediaType(response.headers().firstValue("Content-Type").orElse("")), said);
        com.fasterxml.jackson.databind.JsonNode schema = answer.path("schema");
        if (schema.isObject() || schema.isBoolean()) {
            com.fasterxml.jackson.databind.JsonNode body = isJson(contentType)
                    ? ${project.packageName}.http.Json.MAPPER.readTree(response.body())
                    : com.fasterxml.jackson.databind.node.TextNode.valueOf(response.body());
            if (isJson(contentType) || schema.path("type").asText().equals("string")) {
                org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(),
                        contract.validate(schema, body).stream().map(Object::toString).toList(),
                        "the answer breaks its schema: " + said);
            }
        }
    }

    private void rejectsInvalid(${project.packageName}.http.Contract.Operation op,
                                com.fasterxml.jackson.databind.JsonNode request) throws Exception {
        java.net.http.HttpResponse<String> response = send(op.method(), request);
        assertProblem(400, response, op.method() + " " + request.path("path").asText() + " ("
                + request.path("reason").asText() + ") answered " + response.statusCode() + " " + response.body());
    }

    /** Sends a request of the contract: its path (relative to the base path, encoded), query, headers and body. */
    private java.net.http.HttpResponse<String> send(String method, com.fasterxml.jackson.databind.JsonNode request)
            throws Exception {
        StringBuilder uri = new StringBuilder("http://127.0.0.1:").append(PORT).append(contract.basePath())
                .append(request.path("path").asText());
        String separator = request.path("path").asText().contains("?") ? "&" : "?";
        for (com.fasterxml.jackson.databind.JsonNode pair : request.path("query")) {
            uri.append(separator).append(encode(pair.path(0).asText())).append('=').append(encode(pair.path(1).asText()));
            separator = "&";
        }
        com.fasterxml.jackson.databind.JsonNode body = request.path("body");
        String contentType = request.path("contentType").textValue();
        java.net.http.HttpRequest.BodyPublisher publisher = body.isMissingNode() || body.isNull()
                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(body.isTextual()
                        && (contentType == null || !isJson(contentType)) ? body.textValue()
                        : ${project.packageName}.http.Json.write(body));
        java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(java.net.URI.create(uri.toString()))
                .timeout(java.time.Duration.ofSeconds(30))
                .method(method, publisher);
        if (contentType != null && !(body.isMissingNode() || body.isNull())) {
            builder.header("Content-Type", contentType);
        }
        request.path("headers").fields().forEachRemaining(header ->
                builder.header(header.getKey(), header.getValue().asText()));
        return CLIENT.send(builder.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(int status, java.net.http.HttpResponse<String> response, String said)
            throws Exception {
        org.junit.jupiter.api.Assertions.assertEquals(status, response.statusCode(), said);
        org.junit.jupiter.api.Assertions.assertEquals("application/problem+json",
                mediaType(response.headers().firstValue("Content-Type").orElse("")), said);
        com.fasterxml.jackson.databind.JsonNode problem = ${project.packageName}.http.Json.MAPPER.readTree(response.body());
        org.junit.jupiter.api.Assertions.assertEquals(status, problem.path("status").asInt(), said);
        org.junit.jupiter.api.Assertions.assertFalse(problem.path("detail").asText().isEmpty(), said);
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String mediaType(String contentType) {
        return ${project.packageName}.http.RequestValidator.mediaType(contentType);
    }

    private static boolean isJson(String contentType) {
        return ${project.packageName}.http.RequestValidator.isJson(mediaType(contentType));
    }
}
