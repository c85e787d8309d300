package dev.specforge.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.Response;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An OpenAPI judge that is not specforge: Atlassian's swagger-request-validator reading the document itself, to
 * check the requests of a {@code contract.json} ({@code cases}) and the answers a generated service gives.
 *
 * <p>Two settings, both stated where they apply: security requirements are ignored (generated services do not
 * enforce authentication), and so are documented response headers (generated services do not send them yet).
 * {@code withResolveCombinators} merges {@code allOf} before validating, as Atlassian's documentation advises for
 * {@code allOf} schemas (without it, each part refuses the others' properties).
 *
 * <p>The validator reads OpenAPI 2.0 and 3.0 only; given a 3.1 document it parses parameter values as JSON. A 3.1
 * document whose schemas use no keyword that 3.0 reads differently is given to it as 3.0.3 (its {@code webhooks},
 * which no request reaches, left out); any other 3.1 document is refused with a message naming the keyword, so the
 * judge never silently reads a document differently from what it says.
 *
 * <p>The validator also refuses schema names outside OpenAPI 3's key pattern (names in other scripts): such schemas
 * are renamed consistently before it reads the document, which changes no rule.
 */
public final class OpenApiJudge {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** JSON Schema keywords OpenAPI 3.1 has and 3.0 does not (or reads differently). */
    private static final Set<String> KEYWORDS_31 = Set.of("const", "prefixItems", "$defs", "unevaluatedProperties",
            "unevaluatedItems", "dependentSchemas", "dependentRequired", "if", "then", "else", "contentMediaType",
            "contentEncoding", "$id", "$anchor", "$dynamicRef", "propertyNames", "contains");

    private final OpenApiInteractionValidator validator;
    private final String basePath;

    /**
     * @param document the OpenAPI document (JSON or YAML)
     * @param basePath the base path the service serves it under ({@code ""} for none)
     * @throws IOException when the document cannot be read
     */
    public OpenApiJudge(Path document, String basePath) throws IOException {
        this.basePath = basePath;
        String text = Files.readString(document);
        JsonNode tree = (text.trim().startsWith("{") ? JSON : YAML).readTree(text);
        if (tree.path("openapi").asText().startsWith("3.1")) {
            List<String> found = new ArrayList<>();
            find31(tree.path("components").path("schemas"), found, "/components/schemas");
            find31(tree.path("paths"), found, "/paths");
            if (!found.isEmpty()) {
                throw new IllegalArgumentException(document + " uses OpenAPI 3.1 keywords the judge cannot read: "
                        + found);
            }
            ObjectNode as30 = (ObjectNode) tree.deepCopy();
            as30.put("openapi", "3.0.3");
            as30.remove("webhooks");
            as30.remove("jsonSchemaDialect");
            text = JSON.writeValueAsString(as30);
            tree = as30;
        }
        ObjectNode renamed = withValidSchemaKeys(tree);
        if (renamed != null) {
            text = JSON.writeValueAsString(renamed);
        }
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(text)
                .withBasePathOverride(basePath.isEmpty() ? "/" : basePath)
                .withResolveCombinators(false)
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
                        .withLevel("validation.response.header", ValidationReport.Level.IGNORE)
                        .withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }

    /**
     * OpenAPI 3 requires component keys to match {@code ^[a-zA-Z0-9.\-_]+$} (3.0.3, "Components Object"), and the
     * validator refuses a document whose schema names do not; real documents (and our hostile-names fixture) have
     * names in other scripts. Such a schema is renamed {@code k_<code points in hex>}, in its key, every {@code $ref}
     * to it and every discriminator mapping: names do not change what a request or an answer must be.
     *
     * @return a renamed copy, or {@code null} when every schema name is valid
     */
    private static ObjectNode withValidSchemaKeys(JsonNode tree) {
        JsonNode schemas = tree.path("components").path("schemas");
        java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
        schemas.fieldNames().forEachRemaining(name -> {
            if (!name.matches("[a-zA-Z0-9.\\-_]+")) {
                StringBuilder key = new StringBuilder("k");
                name.codePoints().forEach(c -> key.append('_').append(Integer.toHexString(c)));
                names.put(name, key.toString());
            }
        });
        if (names.isEmpty()) {
            return null;
        }
        ObjectNode copy = (ObjectNode) tree.deepCopy();
        ObjectNode components = (ObjectNode) copy.get("components");
        ObjectNode keyed = JSON.createObjectNode();
        components.get("schemas").fields().forEachRemaining(
                e -> keyed.set(names.getOrDefault(e.getKey(), e.getKey()), e.getValue()));
        components.set("schemas", keyed);
        rewriteRefs(copy, names);
        return copy;
    }

    /** Rewrites every text {@code #/components/schemas/<renamed>} (a $ref, a discriminator mapping) under node. */
    private static void rewriteRefs(JsonNode node, java.util.Map<String, String> names) {
        String prefix = "#/components/schemas/";
        if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(e -> {
                String text = e.getValue().isTextual() ? e.getValue().asText() : "";
                String name = text.startsWith(prefix)
                        ? URLDecoder.decode(text.substring(prefix.length()), StandardCharsets.UTF_8) : null;
                if (name != null && names.containsKey(name)) {
                    e.setValue(JSON.getNodeFactory().textNode(prefix + names.get(name)));
                } else {
                    rewriteRefs(e.getValue(), names);
                }
            });
        } else if (node.isArray()) {
            node.forEach(item -> rewriteRefs(item, names));
        }
    }

    private static void find31(JsonNode node, List<String> found, String at) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                String key = e.getKey();
                boolean schemaKeyword = KEYWORDS_31.contains(key) && !at.endsWith("/properties")
                        || key.equals("type") && e.getValue().isArray()
                        || key.equals("examples") && e.getValue().isArray()
                        || key.startsWith("exclusiveM") && e.getValue().isNumber();
                if (schemaKeyword) {
                    found.add(at + "/" + key);
                }
                find31(e.getValue(), found, at + "/" + key);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                find31(node.get(i), found, at + "/" + i);
            }
        }
    }

    /**
     * @param operation a contract operation ({@code method}, {@code path})
     * @param c         one of its {@code cases} ({@code path}, {@code query}, {@code headers}, {@code contentType},
     *                  {@code body})
     * @return the request as the validator models it (full path, decoded)
     * @throws IOException when the body cannot be written
     */
    public Request request(JsonNode operation, JsonNode c) throws IOException {
        SimpleRequest.Builder b = new SimpleRequest.Builder(operation.path("method").asText(),
                URLDecoder.decode(basePath + c.path("path").asText(), StandardCharsets.UTF_8));
        for (JsonNode q : c.path("query")) {
            b.withQueryParam(q.get(0).asText(), q.get(1).asText());
        }
        c.path("headers").fields().forEachRemaining(h -> b.withHeader(h.getKey(), h.getValue().asText()));
        if (c.path("contentType").isTextual()) {
            b.withContentType(c.path("contentType").asText());
            b.withBody(body(c));
        }
        return b.build();
    }

    /**
     * @param c a contract case
     * @return its body as sent: JSON text for a JSON media type, else the string as it is
     * @throws IOException when the body cannot be written
     */
    public static String body(JsonNode c) throws IOException {
        JsonNode body = c.path("body");
        return c.path("contentType").asText().toLowerCase(Locale.ROOT).contains("json")
                ? JSON.writeValueAsString(body) : body.asText();
    }

    /**
     * @param status      the status code
     * @param contentType the Content-Type header, or empty
     * @param body        the body, or empty
     * @return the response as the validator models it
     */
    public static Response response(int status, String contentType, String body) {
        SimpleResponse.Builder b = SimpleResponse.Builder.status(status);
        if (contentType != null && !contentType.isEmpty()) {
            b.withContentType(contentType);
        }
        if (body != null && !body.isEmpty()) {
            b.withBody(body);
        }
        return b.build();
    }

    /**
     * @param request a request
     * @return its errors as "key: message", empty when the document accepts it
     */
    public List<String> requestErrors(Request request) {
        return errors(validator.validateRequest(request));
    }

    /**
     * @param request  the request answered
     * @param response the answer
     * @return its errors (documented status, content type, body schema), empty when the document accepts it
     */
    public List<String> responseErrors(Request request, Response response) {
        return errors(validator.validateResponse(request.getPath(), request.getMethod(), response));
    }

    private static List<String> errors(ValidationReport report) {
        return report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> m.getKey() + ": " + m.getMessage().replaceAll("\\s+", " ")).toList();
    }
}
