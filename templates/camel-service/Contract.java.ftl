package ${project.packageName}.http;

/**
 * The run-time contract of ${project.name}: {@code src/main/resources/contract.json}, written by specforge from the
 * OpenAPI document. It lists every operation (method, path, parameters, request body, default answer, the
 * in-memory resource it is wired to, and the requests the contract tests send), the resources with their seed
 * records, and the JSON Schemas (2020-12) they share under {@code $defs}. The routes, the {@link RequestValidator},
 * the {@link DefaultAnswers} and the contract tests all read it, so changing the document and regenerating changes
 * no hand-written code.
 */
public final class Contract {

    /** Where the contract is on the class path. */
    public static final String RESOURCE = "/contract.json";

    /** The exchange property that names the operation a request was routed to (the contract's {@code id}). */
    public static final String OPERATION_ID = "operationId";

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Contract.class);

    private static final com.networknt.schema.JsonSchemaFactory SCHEMAS =
            com.networknt.schema.JsonSchemaFactory.getInstance(com.networknt.schema.SpecVersion.VersionFlag.V202012);

    /** JSON pointers in messages; formats annotate only (an unknown format such as {@code int64} never fails). */
    private static final com.networknt.schema.SchemaValidatorsConfig SCHEMA_CONFIG =
            com.networknt.schema.SchemaValidatorsConfig.builder()
                    .pathType(com.networknt.schema.PathType.JSON_POINTER)
                    .formatAssertionsEnabled(false)
                    .build();

    private final com.fasterxml.jackson.databind.JsonNode root;
    private final String basePath;
    private final java.util.Map<String, Operation> operations = new java.util.LinkedHashMap<>();
    private final java.util.Map<com.fasterxml.jackson.databind.JsonNode, com.networknt.schema.JsonSchema> compiled =
            java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

    /**
     * @param root the contract's JSON
     */
    public Contract(com.fasterxml.jackson.databind.JsonNode root) {
        this.root = root;
        this.basePath = root.path("basePath").asText("");
        for (com.fasterxml.jackson.databind.JsonNode operation : root.path("operations")) {
            Operation op = new Operation(operation);
            operations.put(op.id(), op);
        }
    }

    /**
     * Reads {@value #RESOURCE} from the class path.
     *
     * @return the contract
     * @throws IllegalStateException when the resource is missing or is not JSON
     */
    public static Contract load() {
        try (java.io.InputStream in = Contract.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            return new Contract(Json.MAPPER.readTree(in));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** @return the base path every operation is served under ({@code ""} or e.g. {@code /api/v3}) */
    public String basePath() {
        return basePath;
    }

    /** @return the operations, in the contract's order */
    public java.util.Collection<Operation> operations() {
        return operations.values();
    }

    /**
     * @param id an operation's id
     * @return the operation
     * @throws IllegalArgumentException when the contract has no such operation
     */
    public Operation operation(String id) {
        Operation op = operations.get(id);
        if (op == null) {
            throw new IllegalArgumentException("the contract has no operation " + id);
        }
        return op;
    }

    /**
     * @param name a resource's name (an operation's {@code resource.name})
     * @return the resource: {@code idProperty}, {@code idType} and {@code seed}; a missing node when there is none
     */
    public com.fasterxml.jackson.databind.JsonNode resource(String name) {
        return root.path("resources").path(name);
    }

    /** @return the resources by name */
    public com.fasterxml.jackson.databind.JsonNode resources() {
        return root.path("resources");
    }

    /**
     * The methods of the operations served at a path: what a {@code 405} lists in {@code Allow}.
     *
     * @param requestPath a request's path, as sent (percent-encoded), base path included
     * @return the methods, upper case and sorted; empty when no operation is served at that path
     */
    public java.util.SortedSet<String> methodsAt(String requestPath) {
        java.util.SortedSet<String> methods = new java.util.TreeSet<>();
        String path = relative(requestPath);
        if (path != null) {
            for (Operation op : operations.values()) {
                if (op.match(path) != null) {
                    methods.add(op.method());
                }
            }
        }
        return methods;
    }

    /**
     * The operation that serves a request, as OpenAPI matches paths: of the operations with the request's method
     * whose path template matches, the one with the fewest templated segments (a concrete path such as
     * {@code /pets/mine} before {@code /pets/{id}}), then the longest literal text, then the first in the document.
     * (The HTTP server tries routes in the order they were added, which is not that one.) A path template with a
     * query ({@code /things?beta=true}, seen in real documents) serves only the requests that have that query, and
     * before the same path without it.
     *
     * @param method      the request's method
     * @param requestPath the request's path, as sent (percent-encoded), base path included
     * @param query       the request's query parameters, decoded
     * @return the operation, or {@code null} when none serves that method at that path
     */
    public Operation find(String method, String requestPath, java.util.Map<String, java.util.List<String>> query) {
        String path = relative(requestPath);
        Operation best = null;
        if (path != null) {
            for (Operation op : operations.values()) {
                if (op.method().equalsIgnoreCase(method) && op.match(path) != null && op.queryMatches(query)
                        && (best == null || op.moreSpecificThan(best))) {
                    best = op;
                }
            }
        }
        return best;
    }

    /**
     * @param requestPath a request's path, base path included
     * @return the path relative to the base path, or {@code null} when it is not under the base path
     */
    public String relative(String requestPath) {
        if (basePath.isEmpty()) {
            return requestPath;
        }
        if (requestPath.equals(basePath)) {
            return "";
        }
        return requestPath.startsWith(basePath + "/") ? requestPath.substring(basePath.length()) : null;
    }

    /**
     * Follows {@code $ref}s to {@code #/$defs/<name>} until a schema that is not a bare reference.
     *
     * @param schema a schema of the contract
     * @return the schema it refers to (itself when it is no reference); a missing node for a dangling reference
     */
    public com.fasterxml.jackson.databind.JsonNode resolve(com.fasterxml.jackson.databind.JsonNode schema) {
        com.fasterxml.jackson.databind.JsonNode current = schema;
        for (int hops = 0; hops < 64 && current != null && current.path("$ref").isTextual(); hops++) {
            String ref = current.path("$ref").asText();
            if (!ref.startsWith("#/")) {
                return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
            }
            current = root.at(ref.substring(1));
        }
        return current == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : current;
    }

    /**
     * Validates a JSON value against a schema of the contract ({@code #/$defs/...} references resolve against the
     * contract's {@code $defs}).
     *
     * @param schema a schema of the contract (an operation's parameter, body or answer schema)
     * @param value  the value
     * @return the broken rules, empty when the value is valid
     */
    public java.util.List<com.networknt.schema.ValidationMessage> validate(com.fasterxml.jackson.databind.JsonNode schema,
                                                                           com.fasterxml.jackson.databind.JsonNode value) {
        if (schema == null || schema.isNull() || schema.isMissingNode()) {
            return java.util.List.of();
        }
        java.util.List<com.networknt.schema.ValidationMessage> messages =
                new java.util.ArrayList<>(compiled.computeIfAbsent(schema, this::compile).validate(value));
        messages.sort(java.util.Comparator.comparing(m -> String.valueOf(m.getInstanceLocation())));
        return messages;
    }

    /**
     * Compiles a schema with the {@code $defs} it reaches (not all of them: a big document has hundreds, and networknt
     * reads every one it is given). A schema networknt cannot read accepts everything, with a warning in the log.
     */
    private com.networknt.schema.JsonSchema compile(com.fasterxml.jackson.databind.JsonNode schema) {
        com.fasterxml.jackson.databind.node.ObjectNode whole;
        if (schema.isObject()) {
            whole = ((com.fasterxml.jackson.databind.node.ObjectNode) schema).deepCopy();
        } else {
            // a boolean schema: true accepts everything, false nothing
            whole = Json.MAPPER.createObjectNode();
            if (!schema.asBoolean(true)) {
                whole.put("not", true);
            }
        }
        com.fasterxml.jackson.databind.JsonNode defs = root.path("$defs");
        if (!whole.has("$defs") && defs.isObject()) {
            java.util.Set<String> reached = new java.util.LinkedHashSet<>();
            collectReferences(whole, defs, reached);
            com.fasterxml.jackson.databind.node.ObjectNode used = whole.putObject("$defs");
            for (String name : reached) {
                if (defs.has(name)) {
                    used.set(name, defs.get(name));
                }
            }
        }
        try {
            return SCHEMAS.getSchema(whole, SCHEMA_CONFIG);
        } catch (RuntimeException e) {
            LOG.warn("A schema of contract.json cannot be read, so it is not checked: {} ({})", e.getMessage(),
                    schema);
            return SCHEMAS.getSchema(Json.MAPPER.createObjectNode(), SCHEMA_CONFIG);
        }
    }

    /** Adds the names of the {@code $defs} a schema refers to, directly or through other definitions. */
    private static void collectReferences(com.fasterxml.jackson.databind.JsonNode node,
                                          com.fasterxml.jackson.databind.JsonNode defs, java.util.Set<String> reached) {
        if (node.isObject()) {
            com.fasterxml.jackson.databind.JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith("#/$defs/")) {
                String name = ref.asText().substring("#/$defs/".length());
                int slash = name.indexOf('/');
                name = (slash < 0 ? name : name.substring(0, slash)).replace("~1", "/").replace("~0", "~");
                if (reached.add(name) && defs.has(name)) {
                    collectReferences(defs.get(name), defs, reached);
                }
            }
            node.elements().forEachRemaining(child -> collectReferences(child, defs, reached));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> collectReferences(child, defs, reached));
        }
    }

    /**
     * One operation of the contract.
     */
    public static final class Operation {

        private final com.fasterxml.jackson.databind.JsonNode node;
        private final String id;
        private final String method;
        private final String path;
        private final java.util.regex.Pattern pathPattern;
        private final java.util.List<String> pathNames = new java.util.ArrayList<>();
        private final java.util.Map<String, String> requiredQuery = new java.util.LinkedHashMap<>();

        Operation(com.fasterxml.jackson.databind.JsonNode node) {
            this.node = node;
            this.id = node.path("id").asText();
            this.method = node.path("method").asText().toUpperCase(java.util.Locale.ROOT);
            this.path = node.path("path").asText();
            int question = path.indexOf('?');
            String pathOnly = question < 0 ? path : path.substring(0, question);
            if (question >= 0) {
                for (String pair : path.substring(question + 1).split("&")) {
                    if (!pair.isEmpty()) {
                        int equals = pair.indexOf('=');
                        requiredQuery.put(equals < 0 ? pair : pair.substring(0, equals),
                                equals < 0 ? null : pair.substring(equals + 1));
                    }
                }
            }
            StringBuilder regex = new StringBuilder();
            java.util.regex.Matcher names = java.util.regex.Pattern.compile("\\{([^}/]+)}").matcher(pathOnly);
            int end = 0;
            while (names.find()) {
                regex.append(literal(pathOnly.substring(end, names.start()))).append("([^/]+)");
                pathNames.add(names.group(1));
                end = names.end();
            }
            regex.append(literal(pathOnly.substring(end)));
            this.pathPattern = java.util.regex.Pattern.compile(regex.toString());
        }

        /**
         * A regular expression for literal text of a path template, as a request may send it (RFC 3986, section 2):
         * letters, digits, {@code -._~} and the segment separator {@code /} as themselves, any other character as
         * itself or percent-encoded in UTF-8 (hexadecimal digits in either case), so {@code /caf\u00e9} matches
         * {@code /caf%C3%A9} (and {@code /a/b} never matches {@code /a%2Fb}).
         */
        private static String literal(String text) {
            StringBuilder regex = new StringBuilder();
            text.codePoints().forEach(c -> {
                String raw = java.util.regex.Pattern.quote(Character.toString(c));
                if (c < 128 && (Character.isLetterOrDigit(c) || "-._~/".indexOf(c) >= 0)) {
                    regex.append(raw);
                    return;
                }
                StringBuilder encoded = new StringBuilder();
                for (byte b : Character.toString(c).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                    encoded.append(String.format("%%%02X", b & 0xff));
                }
                regex.append("(?:").append(raw).append("|(?i:").append(encoded).append("))");
            });
            return regex.toString();
        }

        /** Whether a request's query has what the path template's query asks for (nothing, mostly). */
        boolean queryMatches(java.util.Map<String, java.util.List<String>> query) {
            for (java.util.Map.Entry<String, String> required : requiredQuery.entrySet()) {
                java.util.List<String> values = query.get(required.getKey());
                if (values == null || required.getValue() != null && !values.contains(required.getValue())) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Whether this operation's path is more specific than another's: a query in the template, then fewer templated
         * segments, then more literal text.
         */
        boolean moreSpecificThan(Operation other) {
            if (requiredQuery.size() != other.requiredQuery.size()) {
                return requiredQuery.size() > other.requiredQuery.size();
            }
            if (pathNames.size() != other.pathNames.size()) {
                return pathNames.size() < other.pathNames.size();
            }
            return literalLength() > other.literalLength();
        }

        private int literalLength() {
            return path.replaceAll("\\{[^}/]+}", "").length();
        }

        /** @return the operation's id: the route of a user implementation consumes {@code direct:<id>} */
        public String id() {
            return id;
        }

        /** @return the HTTP method, upper case */
        public String method() {
            return method;
        }

        /** @return the OpenAPI path template, relative to the base path */
        public String path() {
            return path;
        }

        /** @return the parameters (path, query, header), each with {@code name}, {@code in}, {@code schema}, ... */
        public com.fasterxml.jackson.databind.JsonNode parameters() {
            return node.path("parameters");
        }

        /** @return the request body ({@code required}, {@code contentTypes}, {@code schema}), or a null node */
        public com.fasterxml.jackson.databind.JsonNode requestBody() {
            return node.path("requestBody");
        }

        /** @return the default answer ({@code status}, {@code contentType}, {@code body}, {@code schema}), or a null node */
        public com.fasterxml.jackson.databind.JsonNode answer() {
            return node.path("answer");
        }

        /** @return the in-memory resource it is wired to ({@code name}, {@code role}, ...), or a null node */
        public com.fasterxml.jackson.databind.JsonNode resource() {
            return node.path("resource");
        }

        /** @return the requests the contract tests send: {@code valid} and {@code invalid} (may be null) */
        public com.fasterxml.jackson.databind.JsonNode cases() {
            return node.path("cases");
        }

        /**
         * Matches a path against the operation's path template.
         *
         * @param relativePath a request's path relative to the base path, as sent (percent-encoded)
         * @return the path parameters' values, percent-decoded, by name; {@code null} when the path does not match
         */
        public java.util.Map<String, String> match(String relativePath) {
            java.util.regex.Matcher matcher = pathPattern.matcher(relativePath);
            if (!matcher.matches()) {
                return null;
            }
            java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
            for (int i = 0; i < pathNames.size(); i++) {
                values.put(pathNames.get(i), percentDecode(matcher.group(i + 1)));
            }
            return values;
        }

        private static String percentDecode(String text) {
            try {
                return java.net.URLDecoder.decode(text.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return text;
            }
        }
    }
}
