package dev.specforge.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.specforge.io.HiddenJsonEscapes;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the run-time contract of a service generated from an OpenAPI document ({@link HttpContract}): for every
 * operation its parameters and request body with JSON Schema 2020-12 schemas ({@link SchemaNormalizer}), its
 * default answer, its place in a stateful resource, and a valid and an invalid request for contract tests. The
 * format is documented in docs/stacks.md ("contract.json"); every stack's generated service is driven by it.
 *
 * <p>Rules and their sources:
 * <ul>
 *   <li>base path: the path of {@code servers[0].url} with its variables replaced by their defaults (OpenAPI 3.0.3
 *       section 4.7.5, Server Object); none when there is no server or its URL has no path;</li>
 *   <li>parameters: path-item and operation parameters merged, the operation's winning by name and location
 *       (section 4.7.9); {@code style} and {@code explode} defaults of section 4.7.12.1 filled in; header
 *       parameters {@code Accept}, {@code Content-Type} and {@code Authorization} are ignored, as that section
 *       says; cookie parameters are left out;</li>
 *   <li>answer: the first 2xx response as written ({@code 2XX} answers 200), its first JSON media type (else its
 *       first; none for a 204, which has no content, RFC 9110 section 15.3.5), and a body chosen in this order, the first that validates against the response schema: the media
 *       type's {@code example}, its first {@code examples} value, then instances built from the schema
 *       ({@link SampleInstances}: the schema's and its properties' examples, else values from type and format). A
 *       document whose examples all fail gets a warning naming the operation;</li>
 *   <li>resources: a collection path with {@code POST} whose JSON body is a named schema S and an item path
 *       {@code <collection>/{id}} whose {@code GET} answers S; the collection's {@code GET} (an array of S, or an
 *       object with one array-of-S property) lists, the item's {@code PUT}/{@code PATCH}/{@code DELETE} replace,
 *       update and delete. The id property is the path parameter's name, else {@code id}. The resource is seeded
 *       with the read operation's answer, its id set to the value the contract tests use.</li>
 * </ul>
 * Not thread-safe; one instance per document.
 */
final class HttpContracts {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Writes the contract and the document; hidden characters of the spec stay data, as visible escapes. */
    private static final ObjectMapper WRITER = HiddenJsonEscapes.install(new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT));
    private static final Set<String> IGNORED_HEADERS = Set.of("accept", "content-type", "authorization");
    private static final Pattern TEMPLATE_PARAM = Pattern.compile("\\{([^}/]+)}");
    /** An item path: a collection path and one more segment that is a single path parameter. */
    private static final Pattern ITEM_PATH = Pattern.compile("(.*)/\\{([^}/]+)}");

    private final JsonNode root;
    private final List<String> warnings;
    private final SchemaNormalizer normalizer;
    private final ObjectNode defs;
    private final ContractValidator validator;
    private final SampleInstances samples;
    private final ArrayNode operations = JSON.arrayNode();
    /** The value each path parameter gets in the valid requests, by path template and name: ops on one path agree. */
    private final Map<String, String> pathValues = new HashMap<>();

    /**
     * @param root     the OpenAPI 3.x document (a Swagger 2.0 one after conversion)
     * @param warnings where warnings go (the model's)
     */
    HttpContracts(JsonNode root, List<String> warnings) {
        this.root = root;
        this.warnings = warnings;
        this.normalizer = new SchemaNormalizer(root, warnings);
        this.defs = normalizer.defs();
        this.validator = new ContractValidator(defs);
        this.samples = new SampleInstances(defs, validator::valid);
    }

    /**
     * Adds one operation, in document order.
     *
     * @param id     the operation's neutral id ({@link Operation#id()})
     * @param method the HTTP method, lower case
     * @param path   the path template as written
     */
    void add(String id, String method, String path) {
        JsonNode item = root.path("paths").path(path);
        JsonNode op = item.path(method);
        String where = "/paths/" + SchemaMapper.escape(path) + "/" + method;
        ObjectNode out = operations.addObject();
        out.put("id", id);
        out.put("method", method.toUpperCase(Locale.ROOT));
        out.put("path", path);
        ArrayNode params = out.putArray("parameters");
        parameters(item, op, where).forEach(params::add);
        out.set("requestBody", requestBody(op, where));
        out.set("answer", answer(op, where, id));
        out.putNull("resource");
        out.set("cases", cases(out));
    }

    /**
     * @param document the input document as it is served ({@code GET /openapi.json}): the bundled input, not the
     *                 Swagger 2.0 conversion
     * @param types    the entities the operations use ({@link HttpContract#types()})
     * @return the contract: base path, operations, resources and {@code $defs}
     */
    HttpContract build(JsonNode document, java.util.Set<String> types) {
        ObjectNode contract = JSON.objectNode();
        String basePath = basePath();
        contract.put("basePath", basePath);
        contract.set("operations", operations);
        contract.set("resources", resources());
        contract.set("$defs", defs);
        try {
            return new HttpContract(basePath, WRITER.writeValueAsString(contract) + "\n",
                    WRITER.writeValueAsString(document) + "\n", types);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("contract.json cannot be written", e);
        }
    }

    /** The path of servers[0].url, variables at their defaults; "" when none. */
    String basePath() {
        JsonNode server = root.path("servers").path(0);
        String url = server.path("url").asText("");
        Matcher m = TEMPLATE_PARAM.matcher(url);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String value = server.path("variables").path(m.group(1)).path("default").asText("");
            m.appendReplacement(b, Matcher.quoteReplacement(value));
        }
        m.appendTail(b);
        String path;
        try {
            path = URI.create(b.toString().replace(" ", "%20")).getRawPath();
        } catch (IllegalArgumentException e) {
            warnings.add("/servers/0/url: '" + url + "' is not a URL; the service is served at /");
            path = "";
        }
        if (path == null) {
            path = "";
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path.isEmpty() || path.startsWith("/") ? path : "/" + path;
    }

    // ---- parameters -------------------------------------------------------------------------------------------

    private List<ObjectNode> parameters(JsonNode item, JsonNode op, String where) {
        Map<String, ObjectNode> byKey = new LinkedHashMap<>();
        for (JsonNode list : List.of(item.path("parameters"), op.path("parameters"))) {
            for (int i = 0; i < list.size(); i++) {
                JsonNode p = deref(list.get(i));
                String name = p.path("name").asText(null);
                String in = p.path("in").asText("");
                if (name == null || !Set.of("path", "query", "header").contains(in)
                        || in.equals("header") && IGNORED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                    continue;
                }
                ObjectNode param = JSON.objectNode();
                param.put("name", name);
                param.put("in", in);
                param.put("required", in.equals("path") || p.path("required").asBoolean(false));
                String style = p.path("style").asText(in.equals("query") ? "form" : "simple");
                param.put("style", style);
                param.put("explode", p.path("explode").asBoolean(style.equals("form")));
                JsonNode schema = p.has("schema") ? p.get("schema")
                        : p.path("content").elements().hasNext() ? p.path("content").elements().next().path("schema")
                        : null;
                param.set("schema", normalizer.normalize(schema, where + "/parameters"));
                JsonNode example = p.has("example") ? p.get("example")
                        : p.path("examples").elements().hasNext()
                        ? deref(p.path("examples").elements().next()).path("value") : null;
                if (example != null && !example.isMissingNode()) {
                    param.set("example", example);
                }
                byKey.put(in + ":" + name, param);
            }
        }
        return new ArrayList<>(byKey.values());
    }

    // ---- bodies -----------------------------------------------------------------------------------------------

    private JsonNode requestBody(JsonNode op, String where) {
        JsonNode body = deref(op.path("requestBody"));
        if (!body.isObject() || !body.path("content").isObject() || body.path("content").isEmpty()) {
            return JSON.nullNode();
        }
        ObjectNode out = JSON.objectNode();
        out.put("required", body.path("required").asBoolean(false));
        ArrayNode types = out.putArray("contentTypes");
        body.path("content").fieldNames().forEachRemaining(types::add);
        String json = jsonMediaType(body.path("content"));
        out.set("schema", json == null ? JSON.nullNode()
                : normalizer.normalize(body.path("content").path(json).path("schema"),
                where + "/requestBody/content/" + SchemaMapper.escape(json) + "/schema"));
        return out;
    }

    private JsonNode answer(JsonNode op, String where, String id) {
        JsonNode responses = op.path("responses");
        for (java.util.Iterator<String> it = responses.fieldNames(); it.hasNext(); ) {
            String status = it.next();
            if (!status.matches("2(\\d\\d|XX|xx)")) {
                continue;
            }
            JsonNode response = deref(responses.get(status));
            ObjectNode out = JSON.objectNode();
            out.put("status", status.matches("2\\d\\d") ? Integer.parseInt(status) : 200);
            JsonNode content = response.path("content");
            if (out.get("status").asInt() == 204) {
                content = JSON.objectNode(); // RFC 9110 section 15.3.5: a 204 has no content, whatever is declared
            }
            String mediaType = jsonMediaType(content);
            if (mediaType == null && content.isObject() && content.fieldNames().hasNext()) {
                mediaType = content.fieldNames().next();
            }
            if (mediaType == null) {
                out.putNull("contentType");
                out.putNull("body");
                out.putNull("schema");
                return out;
            }
            out.put("contentType", mediaType.equals("*/*") ? "application/json" : mediaType);
            JsonNode media = content.path(mediaType);
            String at = where + "/responses/" + SchemaMapper.escape(status) + "/content/"
                    + SchemaMapper.escape(mediaType);
            JsonNode schema = normalizer.normalize(media.path("schema"), at + "/schema");
            boolean json = isJson(mediaType);
            out.set("body", json ? choose(media, schema, at, "the answer of " + id)
                    : JSON.textNode(textBody(media)));
            out.set("schema", json ? schema : JSON.nullNode());
            return out;
        }
        return JSON.nullNode();
    }

    private static String textBody(JsonNode media) {
        JsonNode example = media.path("example");
        return example.isTextual() ? example.asText() : "OK";
    }

    /**
     * The first of the media type's examples and the schema's built instances that validates; warns when the
     * document's own examples do not.
     */
    private JsonNode choose(JsonNode media, JsonNode schema, String at, String what) {
        List<JsonNode> documented = new ArrayList<>();
        if (media.has("example")) {
            documented.add(media.get("example"));
        }
        media.path("examples").elements().forEachRemaining(e -> {
            JsonNode value = deref(e).path("value");
            if (!value.isMissingNode()) {
                documented.add(value);
            }
        });
        String firstError = null;
        for (JsonNode candidate : documented) {
            List<String> errors = validator.errors(schema, candidate);
            if (errors.isEmpty()) {
                return candidate;
            }
            firstError = firstError == null ? errors.get(0) : firstError;
        }
        List<JsonNode> built = samples.candidates(schema);
        for (JsonNode candidate : built) {
            if (validator.valid(schema, candidate)) {
                if (firstError != null) {
                    warnings.add(at + ": the document's example does not validate against its schema (" + firstError
                            + "); " + what + " is built from the schema instead");
                }
                return candidate;
            }
        }
        warnings.add(at + ": no example of the document and no instance built from the schema validates ("
                + validator.errors(schema, built.get(0)).stream().findFirst().orElse("?") + "); " + what
                + " may not validate");
        return documented.isEmpty() ? built.get(0) : documented.get(0);
    }

    // ---- requests for contract tests ---------------------------------------------------------------------------

    private ObjectNode cases(ObjectNode op) {
        ObjectNode cases = JSON.objectNode();
        ObjectNode valid = request(op, null);
        cases.set("valid", valid);
        cases.set("invalid", invalid(op, valid));
        return cases;
    }

    /** A request with every parameter valid; {@code skip} names one query/header parameter to leave out. */
    private ObjectNode request(ObjectNode op, String skip) {
        ObjectNode r = JSON.objectNode();
        String path = op.get("path").asText();
        ArrayNode query = JSON.arrayNode();
        ObjectNode headers = JSON.objectNode();
        for (JsonNode p : op.get("parameters")) {
            String name = p.get("name").asText();
            String in = p.get("in").asText();
            if ((in + ":" + name).equals(skip)) {
                continue;
            }
            JsonNode schema = p.get("schema");
            boolean array = "array".equals(SampleInstances.type(samples.resolve(schema, 0)));
            if (in.equals("path")) {
                String value = pathValues.computeIfAbsent(path + " " + name, k -> text(paramValue(p)));
                path = path.replace("{" + name + "}", encode(value));
            } else if (p.get("required").asBoolean() || simple(schema)) {
                JsonNode value = paramValue(p);
                if (in.equals("query") && array && value.isArray() && p.get("explode").asBoolean()) {
                    value.forEach(item -> query.addArray().add(name).add(text(item))); // form, explode: repeated
                } else if (in.equals("query")) {
                    query.addArray().add(name).add(text(value));
                } else {
                    headers.put(name, text(value));
                }
            }
        }
        r.put("path", fillUndeclared(path, op.get("path").asText()));
        r.set("query", query);
        r.set("headers", headers);
        JsonNode body = op.get("requestBody");
        if (body.isObject()) {
            String json = null;
            for (JsonNode t : body.get("contentTypes")) {
                if (isJson(t.asText())) {
                    json = t.asText();
                    break;
                }
            }
            if (json != null) {
                r.put("contentType", json.equals("*/*") ? "application/json" : json);
                r.set("body", requestBodyValue(op, json));
            } else if (body.get("required").asBoolean()) {
                r.put("contentType", body.get("contentTypes").get(0).asText());
                r.put("body", "data");
            } else {
                r.putNull("contentType");
                r.putNull("body");
            }
        } else {
            r.putNull("contentType");
            r.putNull("body");
        }
        return r;
    }

    private JsonNode requestBodyValue(ObjectNode op, String mediaType) {
        JsonNode schema = op.get("requestBody").get("schema");
        JsonNode media = deref(root.path("paths").path(op.get("path").asText())
                .path(op.get("method").asText().toLowerCase(Locale.ROOT)).path("requestBody"))
                .path("content").path(mediaType);
        return choose(media, schema, "/paths/" + SchemaMapper.escape(op.get("path").asText()) + "/"
                + op.get("method").asText().toLowerCase(Locale.ROOT) + "/requestBody", "the test request's body");
    }

    /** Scalars and arrays of scalars: the parameters a test sends even when optional. */
    private boolean simple(JsonNode schema) {
        JsonNode s = samples.resolve(schema, 0);
        String type = SampleInstances.type(s);
        if ("array".equals(type)) {
            return simple(s.path("items"));
        }
        return type != null && Set.of("string", "integer", "number", "boolean").contains(type)
                && !s.has("pattern");
    }

    private JsonNode paramValue(JsonNode p) {
        JsonNode schema = p.get("schema");
        if (p.has("example") && validator.valid(schema, p.get("example"))) {
            return p.get("example");
        }
        for (JsonNode candidate : samples.candidates(schema)) {
            if (validator.valid(schema, candidate)) {
                return candidate;
            }
        }
        return samples.scalar(schema);
    }

    /** An array parameter's value is its items joined by commas (style simple, or form without explode). */
    private static String text(JsonNode value) {
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(v -> items.add(v.isTextual() ? v.asText() : v.toString()));
            return String.join(",", items);
        }
        return value.isTextual() ? value.asText() : value.toString();
    }

    /** A path template variable no parameter declares (a document error) gets a plain value, warned once. */
    private String fillUndeclared(String path, String template) {
        Matcher m = TEMPLATE_PARAM.matcher(path);
        if (!m.find()) {
            return path;
        }
        String filled = TEMPLATE_PARAM.matcher(path).replaceAll("value");
        if (pathValues.putIfAbsent(template + " {undeclared}", "value") == null) {
            warnings.add("/paths/" + SchemaMapper.escape(template) + ": path parameter '" + m.group(1)
                    + "' is not declared; the service takes any value there");
        }
        return filled;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * One request that the document rejects, the valid request with one thing wrong, in order of preference: a
     * JSON body that the schema refuses ({@code {}}, then a string, a number, an array), a required query or
     * header parameter left out, a path parameter that does not coerce to its type, an optional typed query
     * parameter that does not coerce.
     */
    private JsonNode invalid(ObjectNode op, ObjectNode valid) {
        JsonNode body = op.get("requestBody");
        if (body.isObject() && valid.get("contentType").isTextual() && isJson(valid.get("contentType").asText())
                && body.get("schema").isObject()) {
            JsonNode schema = body.get("schema");
            for (JsonNode wrong : List.of(JSON.objectNode(), JSON.textNode("not a valid body"), JSON.numberNode(12345),
                    JSON.arrayNode(), JSON.booleanNode(true))) {
                List<String> errors = validator.errors(schema, wrong);
                if (!errors.isEmpty() && !errors.get(0).startsWith("schema: ")) {
                    ObjectNode r = valid.deepCopy();
                    r.set("body", wrong);
                    r.put("reason", "request body " + wrong + ": " + errors.get(0));
                    return r;
                }
            }
        }
        for (JsonNode p : op.get("parameters")) {
            String in = p.get("in").asText();
            if (!in.equals("path") && p.get("required").asBoolean()) {
                ObjectNode r = request(op, in + ":" + p.get("name").asText());
                r.put("reason", in + " parameter " + p.get("name").asText() + " is required");
                return r;
            }
        }
        for (String location : List.of("path", "query")) {
            for (JsonNode p : op.get("parameters")) {
                if (!p.get("in").asText().equals(location)) {
                    continue;
                }
                String type = SampleInstances.type(samples.resolve(p.get("schema"), 0));
                if (!Set.of("integer", "number", "boolean").contains(type == null ? "" : type)) {
                    continue;
                }
                ObjectNode r = valid.deepCopy();
                String name = p.get("name").asText();
                if (location.equals("path")) {
                    String template = op.get("path").asText();
                    String path = template;
                    for (JsonNode other : op.get("parameters")) {
                        if (other.get("in").asText().equals("path")) {
                            String n = other.get("name").asText();
                            path = path.replace("{" + n + "}", n.equals(name) ? "not-a-" + type
                                    : encode(pathValues.getOrDefault(template + " " + n, "value")));
                        }
                    }
                    r.put("path", fillUndeclared(path, template));
                } else {
                    ArrayNode query = JSON.arrayNode();
                    valid.get("query").forEach(q -> {
                        if (!q.get(0).asText().equals(name)) {
                            query.add(q);
                        }
                    });
                    query.addArray().add(name).add("not-a-" + type);
                    r.set("query", query);
                }
                r.put("reason", location + " parameter " + name + ": not a valid " + type);
                return r;
            }
        }
        return JSON.nullNode();
    }

    // ---- resources ---------------------------------------------------------------------------------------------

    private ObjectNode resources() {
        ObjectNode resources = JSON.objectNode();
        Map<String, List<ObjectNode>> byPath = new LinkedHashMap<>();
        operations.forEach(o -> byPath.computeIfAbsent(o.get("path").asText(), k -> new ArrayList<>())
                .add((ObjectNode) o));
        // item paths by their collection path: "/pets/{id}" under "/pets"
        Map<String, List<Map.Entry<String, List<ObjectNode>>>> itemPaths = new HashMap<>();
        for (Map.Entry<String, List<ObjectNode>> path : byPath.entrySet()) {
            Matcher m = ITEM_PATH.matcher(path.getKey());
            if (m.matches()) {
                itemPaths.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(path);
            }
        }
        for (Map.Entry<String, List<ObjectNode>> collection : byPath.entrySet()) {
            ObjectNode create = find(collection.getValue(), "POST");
            String schemaRef = create == null ? null : bodyRef(create);
            if (schemaRef == null) {
                continue;
            }
            String name = schemaRef.substring("#/$defs/".length());
            if (resources.has(name)) {
                continue;
            }
            for (Map.Entry<String, List<ObjectNode>> itemPath : itemPaths.getOrDefault(collection.getKey(), List.of())) {
                Matcher m = ITEM_PATH.matcher(itemPath.getKey());
                ObjectNode read = find(itemPath.getValue(), "GET");
                if (!m.matches() || read == null || !schemaRef.equals(answerRef(read))) {
                    continue;
                }
                String idParam = m.group(2);
                JsonNode entity = samples.resolve(defs.path(name), 0);
                ObjectNode props = JSON.objectNode();
                collectProperties(entity, props, 0);
                String idProperty = props.has(idParam) ? idParam : props.has("id") ? "id" : null;
                if (idProperty == null) {
                    continue;
                }
                String idType = "integer".equals(SampleInstances.type(samples.resolve(props.get(idProperty), 0)))
                        ? "integer" : "string";
                wire(create, name, "create", null, null);
                ObjectNode list = find(collection.getValue(), "GET");
                if (list != null) {
                    String listProperty = listProperty(list, schemaRef);
                    if (listProperty != null) {
                        wire(list, name, "list", null, listProperty.isEmpty() ? null : listProperty);
                    }
                }
                wire(read, name, "read", idParam, null);
                ObjectNode replace = find(itemPath.getValue(), "PUT");
                if (replace != null && schemaRef.equals(bodyRef(replace))) {
                    wire(replace, name, "replace", idParam, null);
                }
                ObjectNode update = find(itemPath.getValue(), "PATCH");
                if (update != null && update.get("requestBody").isObject()) {
                    wire(update, name, "update", idParam, null);
                }
                ObjectNode delete = find(itemPath.getValue(), "DELETE");
                if (delete != null) {
                    wire(delete, name, "delete", idParam, null);
                }
                ObjectNode resource = resources.putObject(name);
                resource.put("idProperty", idProperty);
                resource.put("idType", idType);
                ArrayNode seed = resource.putArray("seed");
                JsonNode record = read.get("answer").get("body");
                String id = pathValues.get(itemPath.getKey() + " " + idParam);
                if (record.isObject() && id != null) {
                    ObjectNode copy = record.deepCopy();
                    copy.set(idProperty, idType.equals("integer") && id.matches("-?\\d+")
                            ? JSON.numberNode(new java.math.BigInteger(id)) : JSON.textNode(id));
                    if (validator.valid(defs.path(name).isMissingNode() ? JSON.objectNode()
                            : JSON.objectNode().put("$ref", schemaRef), copy)) {
                        seed.add(copy);
                    }
                }
                break;
            }
        }
        return resources;
    }

    private void collectProperties(JsonNode schema, ObjectNode props, int guard) {
        JsonNode s = samples.resolve(schema, 0);
        if (guard > 16) {
            return;
        }
        s.path("properties").fields().forEachRemaining(e -> props.set(e.getKey(), e.getValue()));
        s.path("allOf").forEach(part -> collectProperties(part, props, guard + 1));
    }

    private static void wire(ObjectNode op, String name, String role, String idParam, String listProperty) {
        ObjectNode resource = op.putObject("resource");
        resource.put("name", name);
        resource.put("role", role);
        if (idParam == null) {
            resource.putNull("idParameter");
        } else {
            resource.put("idParameter", idParam);
        }
        if (listProperty == null) {
            resource.putNull("listProperty");
        } else {
            resource.put("listProperty", listProperty);
        }
    }

    private static ObjectNode find(List<ObjectNode> ops, String method) {
        return ops.stream().filter(o -> o.get("method").asText().equals(method)).findFirst().orElse(null);
    }

    private static String bodyRef(ObjectNode op) {
        JsonNode body = op.get("requestBody");
        return body.isObject() ? body.path("schema").path("$ref").asText(null) : null;
    }

    private static String answerRef(ObjectNode op) {
        return op.get("answer").path("schema").path("$ref").asText(null);
    }

    /** "" for a bare array of the resource, a property name for an object holding one, null otherwise. */
    private String listProperty(ObjectNode op, String schemaRef) {
        JsonNode schema = samples.resolve(op.get("answer").path("schema"), 0);
        if ("array".equals(SampleInstances.type(schema)) && schemaRef.equals(schema.path("items").path("$ref").asText())) {
            return "";
        }
        if (op.get("answer").path("body").isObject()) {
            for (java.util.Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields();
                 it.hasNext(); ) {
                Map.Entry<String, JsonNode> p = it.next();
                JsonNode prop = samples.resolve(p.getValue(), 0);
                if ("array".equals(SampleInstances.type(prop))
                        && schemaRef.equals(prop.path("items").path("$ref").asText())) {
                    return p.getKey();
                }
            }
        }
        return null;
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    /** Follows a local {@code $ref} (parameters, request bodies, responses, examples), up to 8 hops. */
    private JsonNode deref(JsonNode node) {
        JsonNode n = node;
        for (int i = 0; i < 8 && n != null && n.has("$ref"); i++) {
            String ref = n.get("$ref").asText();
            n = ref.startsWith("#") ? root.at(ref.substring(1)) : JSON.missingNode();
        }
        return n == null ? JSON.missingNode() : n;
    }

    private static String jsonMediaType(JsonNode content) {
        for (java.util.Iterator<String> it = content.fieldNames(); it.hasNext(); ) {
            String type = it.next();
            if (isJson(type)) {
                return type;
            }
        }
        return null;
    }

    /** {@code application/json}, {@code application/problem+json}, {@code text/json} and the like (RFC 6839). */
    static boolean isJson(String mediaType) {
        String t = mediaType.toLowerCase(Locale.ROOT).split(";")[0].trim();
        return t.endsWith("/json") || t.endsWith("+json") || t.equals("*/*");
    }
}
