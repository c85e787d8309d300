package dev.specforge.support;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an input document itself says about its named schemas, read straight from its tree and independent of
 * specforge's own schema mapping (so tests compare the mapping with the document, not with itself): the properties a
 * schema has after {@code allOf} composition (JSON Schema Core 2020-12 section 10.2.1.1; OpenAPI 3.0.3 section
 * 4.7.24), which named schemas extend which, and a JSON instance of a schema. Only local references ({@code #/...})
 * are followed.
 */
public final class DocumentSchemas {

    private static final List<String> CONTAINERS = List.of("/components/schemas", "/definitions", "/$defs");

    private final JsonNode root;

    /** @param root the whole document */
    public DocumentSchemas(JsonNode root) {
        this.root = root;
    }

    /**
     * @param file a JSON or YAML document
     * @return its schemas
     * @throws IOException when it cannot be read or parsed
     */
    public static DocumentSchemas read(Path file) throws IOException {
        String name = file.getFileName().toString();
        ObjectMapper mapper = name.endsWith(".json") ? new ObjectMapper() : new ObjectMapper(new YAMLFactory());
        return new DocumentSchemas(mapper.readTree(Files.readAllBytes(file)));
    }

    /** @return the pointers of the named schemas ({@code components.schemas}, {@code definitions}, {@code $defs}) */
    public List<String> named() {
        List<String> out = new ArrayList<>();
        for (String container : CONTAINERS) {
            JsonNode c = root.at(container);
            c.fieldNames().forEachRemaining(n -> out.add(container + "/" + n.replace("~", "~0").replace("/", "~1")));
        }
        return out;
    }

    /** @return the schema at a pointer (missing node when there is none) */
    public JsonNode at(String pointer) {
        return root.at(JsonPointer.compile(pointer));
    }

    /**
     * @param pointer a schema's pointer
     * @return its properties after composition, by name, in document order (later {@code allOf} parts restate
     *         earlier ones); {@code $ref}s that are not local are skipped
     */
    public Map<String, JsonNode> properties(String pointer) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        walk(at(pointer), pointer, new HashSet<>(), s -> s.path("properties").fields()
                .forEachRemaining(e -> out.put(e.getKey(), e.getValue())));
        return out;
    }

    /** @return the named schemas that extend the one at a pointer through an {@code allOf} {@code $ref} part */
    public List<String> children(String pointer) {
        List<String> out = new ArrayList<>();
        for (String n : named()) {
            for (JsonNode part : at(n).path("allOf")) {
                if (pointer.equals(local(part.path("$ref").asText(null)))) {
                    out.add(n);
                }
            }
        }
        return out;
    }

    /**
     * @param ref a {@code $ref} value, or {@code null}
     * @return the pointer a local {@code $ref} names (percent-decoded), else {@code null}
     */
    public static String local(String ref) {
        if (ref == null || !ref.startsWith("#/")) {
            return null;
        }
        return URLDecoder.decode(ref.substring(1).replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /**
     * A JSON instance of a schema with every property set (after composition), values by type: strings
     * {@code "text-<name>"} (or the first enum value, a date, a date-time, a UUID for their formats), integers
     * {@code 3}, numbers {@code 1.5}, booleans {@code true}, arrays of one item, objects recursively (two levels).
     *
     * @param pointer a schema's pointer
     * @param fixed   properties to set to given values (a discriminator)
     * @return the instance
     */
    public ObjectNode instance(String pointer, Map<String, String> fixed) {
        ObjectNode out = object(pointer, 0);
        fixed.forEach(out::put);
        return out;
    }

    private ObjectNode object(String pointer, int depth) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        properties(pointer).forEach((name, schema) -> {
            JsonNode v = value(schema, name, depth);
            if (v != null) {
                out.set(name, v);
            }
        });
        return out;
    }

    private JsonNode value(JsonNode s, String name, int depth) {
        String ref = local(s.path("$ref").asText(null));
        if (ref != null) {
            JsonNode target = at(ref);
            if (target.has("properties") || target.has("allOf")) {
                return depth < 2 ? object(ref, depth + 1) : null;
            }
            return value(target, name, depth);
        }
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (s.has("enum") && s.get("enum").size() > 0) {
            return s.get("enum").get(0);
        }
        if (s.has("const")) {
            return s.get("const");
        }
        String format = s.path("format").asText("");
        return switch (s.path("type").asText("")) {
            case "integer" -> f.numberNode(3);
            case "number" -> f.numberNode(1.5);
            case "boolean" -> f.booleanNode(true);
            case "array" -> {
                JsonNode item = value(s.path("items"), name, depth);
                ArrayNode a = f.arrayNode();
                if (item != null) {
                    a.add(item);
                }
                yield a;
            }
            case "object" -> depth < 2 && s.has("properties") ? inlineObject(s, depth) : null;
            case "string" -> switch (format) {
                case "date" -> f.textNode("2024-05-17");
                case "date-time" -> f.textNode("2024-05-17T10:15:30Z");
                case "uuid" -> f.textNode("3fa85f64-5717-4562-b3fc-2c963f66afa6");
                default -> f.textNode("text-" + name);
            };
            default -> null;
        };
    }

    private ObjectNode inlineObject(JsonNode s, int depth) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        s.path("properties").fields().forEachRemaining(e -> {
            JsonNode v = value(e.getValue(), e.getKey(), depth + 1);
            if (v != null) {
                out.set(e.getKey(), v);
            }
        });
        return out;
    }

    /** Visits a schema and, through {@code $ref}s and {@code allOf} parts, every schema it is composed of. */
    private void walk(JsonNode s, String at, Set<String> seen, java.util.function.Consumer<JsonNode> visit) {
        if (!s.isObject() || !seen.add(at)) {
            return;
        }
        String ref = local(s.path("$ref").asText(null));
        if (ref != null) {
            walk(at(ref), ref, seen, visit);
            return;
        }
        JsonNode allOf = s.path("allOf");
        for (int i = 0; i < allOf.size(); i++) {
            walk(allOf.get(i), at + "/allOf/" + i, seen, visit);
        }
        visit.accept(s);
    }
}
