package ${project.packageName}.http;

/**
 * Checks a request against its operation in the {@link Contract} before any implementation runs (the first step of
 * every operation's route). Parameters (path, query, header) are read as sent, coerced to their schema's type
 * ({@code integer}, {@code number}, {@code boolean}; arrays by their OpenAPI style), filled with their schema's
 * {@code default} when absent, and validated against their schema; the body's media type must be one the operation
 * accepts ({@code 415} otherwise), and a JSON body must parse and validate against its schema. Every broken rule is
 * one entry of a {@code 400} problem: the parameter, or the JSON pointer into the body, and the rule.
 *
 * <p>On success the message carries, for the implementation: one header per parameter, named as in the document,
 * with its coerced value ({@code Long}, {@code java.math.BigDecimal}, {@code Boolean}, {@code String}, a
 * {@code java.util.List} for arrays, ...) and the body as sent (JSON text for JSON media types). The exchange property
 * {@value #PARAMETERS} holds the same parameters as one JSON object.
 */
public class RequestValidator {

    /** The exchange property holding the validated parameters as a JSON object (name to coerced value). */
    public static final String PARAMETERS = "parameters";

    private final Contract contract;

    /**
     * @param contract the contract requests are checked against
     */
    public RequestValidator(Contract contract) {
        this.contract = contract;
    }

    /**
     * Validates the request of an exchange routed to an operation (exchange property
     * {@value Contract#OPERATION_ID}).
     *
     * @param exchange the exchange
     * @throws Problem a 404 when the route names no operation and none matches the request's path, a 415 for a body of
     *                  a media type the operation does not accept, a 400 listing every broken rule
     */
    public void validate(org.apache.camel.Exchange exchange) {
        org.apache.camel.Message message = exchange.getMessage();
        Request request = Request.of(message);
        // the HTTP server may have routed a concrete path (/pets/mine) to a templated one (/pets/{id}): the contract
        // decides, and the rest of the route follows the exchange property
        Contract.Operation op = contract.find(request.method(), request.path(), request.queryValues());
        if (op == null) {
            String routed = exchange.getProperty(Contract.OPERATION_ID, String.class);
            if (routed == null) {
                // a route served at a wider path than its operation's (see the routes file) that no operation matches
                throw Problems.noResource(request.method(), request.path());
            }
            op = contract.operation(routed);
        }
        exchange.setProperty(Contract.OPERATION_ID, op.id());
        java.util.List<Problem.Violation> errors = new java.util.ArrayList<>();

        String body = message.getBody(String.class);
        boolean hasBody = body != null && !body.isEmpty();
        com.fasterxml.jackson.databind.JsonNode requestBody = op.requestBody();
        String mediaType = mediaType(request.header("Content-Type"));
        if (hasBody && requestBody.isObject() && !accepts(requestBody.path("contentTypes"), mediaType)) {
            throw new Problem(415, "Unsupported Media Type", "The body's media type " + (mediaType.isEmpty()
                    ? "is not given" : mediaType + " is not one of " + requestBody.path("contentTypes")) + ".",
                    java.util.List.of());
        }

        java.util.Map<String, String> pathValues = op.match(String.valueOf(contract.relative(request.path())));
        com.fasterxml.jackson.databind.node.ObjectNode values = Json.MAPPER.createObjectNode();
        for (com.fasterxml.jackson.databind.JsonNode parameter : op.parameters()) {
            String name = parameter.path("name").asText();
            String in = parameter.path("in").asText();
            java.util.List<String> raw = switch (in) {
                case "path" -> pathValues == null || !pathValues.containsKey(name) ? java.util.List.of()
                        : java.util.List.of(pathValues.get(name));
                case "query" -> request.query(name);
                case "header" -> request.headers(name);
                default -> java.util.List.of();
            };
            com.fasterxml.jackson.databind.JsonNode schema = parameter.path("schema");
            if (raw.isEmpty()) {
                com.fasterxml.jackson.databind.JsonNode fallback = contract.resolve(schema).get("default");
                if (parameter.path("required").asBoolean()) {
                    errors.add(Problem.Violation.ofParameter(in, name, "required",
                            in + " parameter " + name + ": is required"));
                } else if (fallback != null) {
                    values.set(name, fallback);
                }
                continue;
            }
            com.fasterxml.jackson.databind.JsonNode value;
            try {
                value = coerce(raw, schema, parameter.path("style").asText(in.equals("query") ? "form" : "simple"),
                        parameter.path("explode").asBoolean(in.equals("query")));
            } catch (IllegalArgumentException e) {
                errors.add(Problem.Violation.ofParameter(in, name, "type",
                        in + " parameter " + name + ": " + e.getMessage()));
                continue;
            }
            for (com.networknt.schema.ValidationMessage broken : contract.validate(schema, value)) {
                errors.add(Problem.Violation.ofParameter(in, name, broken.getType(),
                        in + " parameter " + name + pointerText(pointer(broken)) + ": " + broken.getError()));
            }
            values.set(name, value);
        }

        if (!hasBody) {
            if (requestBody.path("required").asBoolean()) {
                errors.add(new Problem.Violation("", "required", "The request body is required."));
            }
        } else if (requestBody.isObject() && isJson(mediaType)) {
            try {
                com.fasterxml.jackson.databind.JsonNode json = Json.MAPPER.readTree(body);
                for (com.networknt.schema.ValidationMessage broken
                        : contract.validate(requestBody.path("schema"), json)) {
                    String pointer = pointer(broken);
                    errors.add(new Problem.Violation(pointer, broken.getType(),
                            "body" + pointerText(pointer) + ": " + broken.getError()));
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                errors.add(new Problem.Violation("", "type", "The body is not valid JSON: "
                        + e.getOriginalMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw Problem.badRequest(errors);
        }

        exchange.setProperty(PARAMETERS, values);
        values.fields().forEachRemaining(field -> message.setHeader(field.getKey(), toJava(field.getValue())));
    }

    /**
     * @param contentType a {@code Content-Type} header, may be {@code null}
     * @return its media type, lower case and without parameters ({@code ""} when there is none)
     */
    public static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim()
                .toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * @param mediaType a media type without parameters
     * @return whether it is JSON ({@code application/json} or a {@code +json} type)
     */
    public static boolean isJson(String mediaType) {
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    /** Whether one of the accepted types (which may be {@code *}{@code /*} or {@code type/*}) matches. */
    private static boolean accepts(com.fasterxml.jackson.databind.JsonNode contentTypes, String mediaType) {
        if (mediaType.isEmpty()) {
            return false;
        }
        for (com.fasterxml.jackson.databind.JsonNode accepted : contentTypes) {
            String type = mediaType(accepted.asText());
            if (type.equals(mediaType) || type.equals("*/*")
                    || type.endsWith("/*") && mediaType.startsWith(type.substring(0, type.length() - 1))) {
                return true;
            }
        }
        return false;
    }

    /** The JSON pointer of a broken rule: where the value is, and for {@code required} the missing property. */
    private static String pointer(com.networknt.schema.ValidationMessage broken) {
        String at = broken.getInstanceLocation() == null ? "" : broken.getInstanceLocation().toString();
        if ("required".equals(broken.getType()) && broken.getProperty() != null) {
            at = at + "/" + broken.getProperty().replace("~", "~0").replace("/", "~1");
        }
        return at;
    }

    private static String pointerText(String pointer) {
        return pointer.isEmpty() ? "" : " " + pointer;
    }

    /**
     * Coerces a parameter's values, as sent, to its schema's type.
     *
     * @param raw     the values (a query parameter may repeat), at least one
     * @param schema  the parameter's schema
     * @param style   its OpenAPI style
     * @param explode whether arrays repeat the parameter ({@code form} style)
     * @return the JSON value
     * @throws IllegalArgumentException when a value is not of the schema's type
     */
    com.fasterxml.jackson.databind.JsonNode coerce(java.util.List<String> raw,
                                                   com.fasterxml.jackson.databind.JsonNode schema,
                                                   String style, boolean explode) {
        com.fasterxml.jackson.databind.JsonNode resolved = contract.resolve(schema);
        java.util.Set<String> types = types(resolved);
        if (types.contains("array")) {
            java.util.List<String> items;
            if (style.equals("form") && explode) {
                items = raw;
            } else {
                String separator = switch (style) {
                    case "pipeDelimited" -> "\\|";
                    case "spaceDelimited" -> " ";
                    default -> ",";
                };
                String joined = raw.get(raw.size() - 1);
                items = joined.isEmpty() ? java.util.List.of() : java.util.Arrays.asList(joined.split(separator, -1));
            }
            com.fasterxml.jackson.databind.node.ArrayNode array = Json.MAPPER.createArrayNode();
            com.fasterxml.jackson.databind.JsonNode itemSchema = resolved.path("items");
            for (String item : items) {
                array.add(scalar(item, itemSchema.isMissingNode() ? Json.MAPPER.createObjectNode() : itemSchema));
            }
            return array;
        }
        return scalar(raw.get(0), resolved);
    }

    private com.fasterxml.jackson.databind.JsonNode scalar(String text, com.fasterxml.jackson.databind.JsonNode schema) {
        java.util.Set<String> types = types(contract.resolve(schema));
        if (types.contains("integer")) {
            try {
                java.math.BigInteger integer = new java.math.BigInteger(text.trim());
                return integer.bitLength() < 64 ? com.fasterxml.jackson.databind.node.LongNode.valueOf(integer.longValue())
                        : com.fasterxml.jackson.databind.node.BigIntegerNode.valueOf(integer);
            } catch (NumberFormatException e) {
                // maybe another of the types
            }
        }
        if (types.contains("number")) {
            try {
                return com.fasterxml.jackson.databind.node.DecimalNode.valueOf(new java.math.BigDecimal(text.trim()));
            } catch (NumberFormatException e) {
                // maybe another of the types
            }
        }
        if (types.contains("boolean") && (text.equals("true") || text.equals("false"))) {
            return com.fasterxml.jackson.databind.node.BooleanNode.valueOf(text.equals("true"));
        }
        if (types.contains("null") && text.equals("null")) {
            return com.fasterxml.jackson.databind.node.NullNode.getInstance();
        }
        if (types.isEmpty() || types.contains("string") || types.contains("object")) {
            return com.fasterxml.jackson.databind.node.TextNode.valueOf(text);
        }
        throw new IllegalArgumentException("'" + text + "' is not " + (types.contains("integer") ? "an integer"
                : types.contains("number") ? "a number" : types.contains("boolean") ? "a boolean" : String.join(" or ", types)));
    }

    /**
     * The JSON types a schema admits: its {@code type}, else the types of its {@code enum}/{@code const} values,
     * else those of its {@code allOf}/{@code oneOf}/{@code anyOf} branches; empty when it says nothing.
     */
    private java.util.Set<String> types(com.fasterxml.jackson.databind.JsonNode schema) {
        java.util.Set<String> types = new java.util.LinkedHashSet<>();
        com.fasterxml.jackson.databind.JsonNode type = schema.path("type");
        if (type.isTextual()) {
            types.add(type.asText());
        } else if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else if (schema.has("enum") || schema.has("const")) {
            java.util.List<com.fasterxml.jackson.databind.JsonNode> values = new java.util.ArrayList<>();
            schema.path("enum").forEach(values::add);
            if (schema.has("const")) {
                values.add(schema.get("const"));
            }
            for (com.fasterxml.jackson.databind.JsonNode value : values) {
                types.add(value.isIntegralNumber() ? "integer" : value.isNumber() ? "number" : value.isBoolean()
                        ? "boolean" : value.isNull() ? "null" : value.isTextual() ? "string" : "object");
            }
        } else {
            for (String keyword : java.util.List.of("allOf", "oneOf", "anyOf")) {
                for (com.fasterxml.jackson.databind.JsonNode branch : schema.path(keyword)) {
                    types.addAll(types(contract.resolve(branch)));
                }
            }
        }
        return types;
    }

    /** A validated parameter as the implementation reads it from its header. */
    private static Object toJava(com.fasterxml.jackson.databind.JsonNode value) {
        if (value.isArray()) {
            java.util.List<Object> items = new java.util.ArrayList<>();
            value.forEach(item -> items.add(toJava(item)));
            return items;
        }
        if (value.isIntegralNumber()) {
            return value.canConvertToLong() ? (Object) value.longValue() : value.bigIntegerValue();
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        return value.toString();
    }

    /**
     * A request as it was sent: its method, its raw path, its query parameters (decoded, repeatable) and its HTTP headers (the
     * server's request when there is one, so that a query parameter never passes for a header).
     */
    private record Request(String method, String path, java.util.Map<String, java.util.List<String>> queryValues,
                           java.util.function.Function<String, java.util.List<String>> headerValues) {

        static Request of(org.apache.camel.Message message) {
            String method;
            String path;
            String query;
            java.util.function.Function<String, java.util.List<String>> headers;
            if (message instanceof org.apache.camel.component.platform.http.vertx.HttpMessage http) {
                io.vertx.core.http.HttpServerRequest request = http.getRequest();
                method = request.method().name();
                path = request.path();
                query = request.query();
                headers = name -> request.headers().getAll(name);
            } else {
                method = message.getHeader(org.apache.camel.Exchange.HTTP_METHOD, "", String.class);
                path = message.getHeader(org.apache.camel.Exchange.HTTP_PATH, "", String.class);
                String uri = message.getHeader(org.apache.camel.Exchange.HTTP_URI, String.class);
                if (uri != null && uri.startsWith("/")) {
                    int question = uri.indexOf('?');
                    path = question < 0 ? uri : uri.substring(0, question);
                }
                query = message.getHeader(org.apache.camel.Exchange.HTTP_QUERY, String.class);
                headers = name -> {
                    String value = message.getHeader(name, String.class);
                    return value == null ? java.util.List.of() : java.util.List.of(value);
                };
            }
            return new Request(method, path == null ? "" : path, parseQuery(query), headers);
        }

        java.util.List<String> query(String name) {
            return queryValues.getOrDefault(name, java.util.List.of());
        }

        /** A header's values; repeated headers and comma-separated lists are one comma-separated value. */
        java.util.List<String> headers(String name) {
            java.util.List<String> values = headerValues.apply(name);
            return values == null || values.isEmpty() ? java.util.List.of() : java.util.List.of(String.join(",", values));
        }

        String header(String name) {
            java.util.List<String> values = headerValues.apply(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        private static java.util.Map<String, java.util.List<String>> parseQuery(String query) {
            java.util.Map<String, java.util.List<String>> values = new java.util.LinkedHashMap<>();
            if (query == null || query.isEmpty()) {
                return values;
            }
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                values.computeIfAbsent(name, n -> new java.util.ArrayList<>()).add(value);
            }
            return values;
        }

        private static String decode(String text) {
            try {
                return java.net.URLDecoder.decode(text, java.nio.charset.StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return text;
            }
        }
    }
}
