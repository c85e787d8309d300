package dev.specforge.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One run of {@link SpecBundle#flatten}: walks the root (or every member of a schema set), moves each schema a
 * relative reference reaches into the document's container under a name of its own, and copies any other
 * referenced part in place (see {@link SpecBundle}'s class comment for the rules). Not thread-safe; one per call.
 */
final class BundleFlattening {
    private final SpecBundle bundle;
    private final String root;
    private final List<String> members;
    private final List<String> warnings;
    /** The files the result is made of: the root or the members, and every file a reference reached. */
    private final Set<String> used = new TreeSet<>();
    private final Map<String, String> hoisted = new HashMap<>();
    private final Map<String, JsonNode> hoistedSchemas = new LinkedHashMap<>();
    private final Deque<String> inlining = new ArrayDeque<>();
    private final Set<String> taken = new HashSet<>();
    /** Names given to schemas moved into the container, by the name they were claimed from. */
    private final Map<String, List<String>> byBase = new HashMap<>();
    /** Whether the root is a JSON Schema (then unread schemas could join it in a set). */
    private boolean rootIsSchema;
    private String container;
    private ObjectNode schemas;
    private int nodes;

    /**
     * @param bundle   the bundle to flatten
     * @param warnings where references left unresolved and merged or unread schemas are reported
     */
    BundleFlattening(SpecBundle bundle, List<String> warnings) {
        this.bundle = bundle;
        this.root = bundle.root();
        this.members = bundle.members();
        this.warnings = warnings;
    }

    /** @return the flattened document (see {@link SpecBundle#flatten}) */
    JsonNode run() {
        JsonNode result = root == null ? runSet() : runRoot();
        List<String> unread = bundle.fileNames().stream().filter(SpecBundle::isSpecFileName)
                .filter(f -> !used.contains(f) && bundle.detection(f) != null).toList();
        if (!unread.isEmpty()) {
            warnings.add(unread.size() + " specs in the zip are neither " + (root == null
                    ? "a member of the set" : "the root") + " nor referred to from it, and were not read: "
                    + SpecBundle.abbreviated(unread) + (root == null ? "" : rootIsSchema ? "; to generate them too, refer to"
                    + " them from the root, or put them at the top of the zip beside it (several JSON Schemas at"
                    + " the top are read as one set)" : "; to generate them too, refer to them from the root"));
        }
        return result;
    }

    /**
     * A schema set: a document that is only {@code $defs}, one per member named after its file (claimed
     * before any reference is followed, so a member keeps its file's name), with the members' most common
     * {@code $schema} (the first in name order on a tie).
     */
    private JsonNode runSet() {
        container = "#/$defs/";
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Integer> dialects = new TreeMap<>();
        for (String member : members) {
            JsonNode t = tree(member);
            if (t.path("$schema").isTextual()) {
                dialects.merge(t.get("$schema").textValue(), 1, Integer::sum);
            }
            String name = claim(member, "");
            hoisted.put(member + "#", name);
            names.put(member, name);
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        if (!dialects.isEmpty()) {
            String most = dialects.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            result.put("$schema", most);
            if (dialects.size() > 1) {
                warnings.add("the schemas of the set declare " + dialects.size() + " dialects (files per dialect: "
                        + dialects + "); all are read as " + most + " (the most files; on a tie the first in"
                        + " name order)");
            }
        }
        names.forEach((member, name) -> {
            hoistedSchemas.put(name, JsonNodeFactory.instance.objectNode());
            hoistedSchemas.put(name, SchemaAnnotations.withoutRootId(walk(tree(member), member, true), tree(member)));
        });
        // a member's own definitions are top-level schemas too, as they are of a single document
        for (String member : members) {
            for (String defs : List.of("$defs", "definitions")) {
                JsonNode container = tree(member).path(defs);
                container.fieldNames().forEachRemaining(def -> {
                    String pointer = "/" + defs + "/" + SchemaMapper.escape(def);
                    if (!hoisted.containsKey(member + "#" + pointer) && container.get(def).isObject()) {
                        hoist(member + "#" + pointer, member, pointer, container.get(def));
                    }
                });
            }
        }
        result.set("$defs", JsonNodeFactory.instance.objectNode().setAll(hoistedSchemas));
        return result;
    }

    private JsonNode runRoot() {
        JsonNode rootTree = tree(root);
        if (!rootTree.isObject()) {
            throw new SpecException(root, "the root spec is not a mapping");
        }
        boolean jsonSchema = !rootTree.has("openapi") && !rootTree.has("swagger") && !rootTree.has("specforge");
        rootIsSchema = jsonSchema;
        container = rootTree.has("openapi") ? "#/components/schemas/" : rootTree.has("swagger")
                ? "#/definitions/" : rootTree.has("$defs") || !rootTree.has("definitions") ? "#/$defs/"
                : "#/definitions/";
        ObjectNode existing = containerNode(rootTree);
        if (existing != null) {
            existing.fieldNames().forEachRemaining(n -> taken.add(n.toLowerCase(Locale.ROOT)));
        }
        ObjectNode result = (ObjectNode) walk(rootTree, root, jsonSchema);
        schemas = containerNode(result);
        if (!hoistedSchemas.isEmpty()) {
            if (schemas == null) {
                schemas = createContainer(result);
            }
            hoistedSchemas.forEach(schemas::set);
        }
        return result;
    }

    private ObjectNode containerNode(JsonNode doc) {
        JsonNode n = doc;
        for (String part : container.substring(2, container.length() - 1).split("/")) {
            n = n.get(part);
            if (n == null || !n.isObject()) {
                return null;
            }
        }
        return (ObjectNode) n;
    }

    private ObjectNode createContainer(ObjectNode doc) {
        ObjectNode n = doc;
        for (String part : container.substring(2, container.length() - 1).split("/")) {
            n = n.has(part) && n.get(part).isObject() ? (ObjectNode) n.get(part) : n.putObject(part);
        }
        return n;
    }

    /** @return a file's tree, marking it used */
    private JsonNode tree(String path) {
        used.add(path);
        return bundle.tree(path);
    }

    /** @return a copy of a node with the relative references below it resolved */
    private JsonNode walk(JsonNode node, String file, boolean inSchema) {
        if (node.isContainerNode() && ++nodes > SpecBundle.MAX_FLATTENED_NODES) {
            throw new SpecException(file, "the references of this zip expand to more than "
                    + SpecBundle.MAX_FLATTENED_NODES + " objects and arrays once copied in place; refused as a possible"
                    + " reference bomb (refer to shared parts from schemas, which are never copied)");
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode(node.size());
            for (JsonNode item : node) {
                out.add(walk(item, file, inSchema));
            }
            return out;
        }
        if (!node.isObject()) {
            return node;
        }
        JsonNode ref = node.get("$ref");
        if (ref != null && ref.isTextual() && !(file.equals(root) && ref.textValue().startsWith("#"))) {
            JsonNode resolved = reference(node, ref.textValue(), file, inSchema);
            if (resolved != null) {
                return resolved;
            }
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String key = f.getKey();
            if (inSchema && SchemaAnnotations.SCHEMA_DATA.contains(key)) {
                out.set(key, f.getValue());
                continue;
            }
            if (inSchema && key.equals("discriminator") && f.getValue().path("mapping").isObject()) {
                out.set(key, discriminator((ObjectNode) f.getValue(), file));
                continue;
            }
            boolean childInSchema = inSchema || key.equals("schema") || key.equals("schemas")
                    || key.equals("definitions") || key.equals("$defs");
            out.set(key, walk(f.getValue(), file, childInSchema));
        }
        return out;
    }

    /**
     * @return a copy of a Discriminator Object whose {@code mapping} values that are references to other files
     *         (OpenAPI 3.0.3 section 4.7.25: a value is a schema name or a reference) point where those schemas
     *         now are, as a {@code $ref} to them would
     */
    private ObjectNode discriminator(ObjectNode discriminator, String file) {
        ObjectNode out = discriminator.deepCopy();
        ObjectNode mapping = (ObjectNode) out.get("mapping");
        mapping.fields().forEachRemaining(m -> {
            String value = m.getValue().textValue();
            if (value != null && !value.startsWith("#") && (value.contains("/") || value.contains("#")
                    || SpecBundle.isSpecFileName(value))) {
                JsonNode moved = reference(JsonNodeFactory.instance.objectNode().put("$ref", value), value, file,
                        true);
                if (moved != null && moved.path("$ref").isTextual()) {
                    m.setValue(moved.get("$ref"));
                }
            }
        });
        return out;
    }

    /** @return the node that replaces a reference, or {@code null} to keep the reference as it is */
    private JsonNode reference(JsonNode node, String ref, String file, boolean inSchema) {
        int hash = ref.indexOf('#');
        String filePart = hash < 0 ? ref : ref.substring(0, hash);
        String fragment = hash < 0 ? "" : ref.substring(hash + 1);
        String target;
        if (filePart.isEmpty()) {
            target = file;
        } else {
            if (filePart.contains(":") || filePart.startsWith("/") || filePart.startsWith("\\")) {
                String byId = bundle.fileById().get(filePart);
                if (root != null && root.equals(byId)) {
                    return null; // the root keeps its $id: the schema mapping resolves it
                }
                if (byId == null) {
                    return unresolved(ref, file, "is not a relative reference and is never fetched");
                }
                return resolved(node, ref, file, byId, fragment, inSchema);
            }
            String dir = file.contains("/") ? file.substring(0, file.lastIndexOf('/') + 1) : "";
            String decoded;
            try {
                decoded = java.net.URLDecoder.decode(filePart.replace("+", "%2B"),
                        java.nio.charset.StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return unresolved(ref, file, "is not a valid reference");
            }
            Deque<String> parts = new ArrayDeque<>();
            for (String segment : (dir + decoded).split("/")) {
                if (segment.isEmpty() || segment.equals(".")) {
                    continue;
                }
                if (segment.equals("..")) {
                    if (parts.isEmpty()) {
                        return unresolved(ref, file, "leaves the bundle");
                    }
                    parts.removeLast();
                } else {
                    parts.addLast(segment);
                }
            }
            String normal = "/" + String.join("/", parts);
            target = normal.substring(1);
            if (!bundle.hasFile(target)) {
                return unresolved(ref, file, "names '" + target + "', which is not in the bundle");
            }
        }
        return resolved(node, ref, file, target, fragment, inSchema);
    }

    /** @return the node that replaces a reference to a file of the bundle, or {@code null} to keep it */
    private JsonNode resolved(JsonNode node, String ref, String file, String target, String fragment,
                              boolean inSchema) {
        String pointer = java.net.URLDecoder.decode(fragment.replace("+", "%2B"),
                java.nio.charset.StandardCharsets.UTF_8);
        JsonNode targetNode;
        try {
            targetNode = tree(target).at(pointer);
        } catch (IllegalArgumentException e) {
            return unresolved(ref, file, "has a fragment that is not a JSON pointer");
        }
        if (targetNode.isMissingNode()) {
            return unresolved(ref, file, "names nothing in '" + target + "'");
        }
        String key = target + "#" + pointer;
        if (inSchema && targetNode.isObject()) {
            String name = hoisted.get(key);
            if (name == null) {
                name = hoist(key, target, pointer, targetNode);
            }
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(f -> {
                if (!f.getKey().equals("$ref")) {
                    out.set(f.getKey(), f.getValue());
                }
            });
            out.put("$ref", container + SchemaMapper.escape(name));
            return out;
        }
        if (inlining.contains(key)) {
            return unresolved(ref, file, "is circular outside of schemas");
        }
        inlining.push(key);
        try {
            return walk(targetNode, target, inSchema);
        } finally {
            inlining.pop();
        }
    }

    /**
     * Moves a schema into the container under a new name; when a schema claimed from the same name has the
     * same content once its references are rewritten, that one is used instead. Nothing can refer to the new
     * name before the walk ends except through this schema's own content, which then differs from any earlier
     * schema's, so dropping the name is safe.
     *
     * @return the schema's name in the container
     */
    private String hoist(String key, String target, String pointer, JsonNode targetNode) {
        String name = claim(target, pointer);
        hoisted.put(key, name);
        hoistedSchemas.put(name, JsonNodeFactory.instance.objectNode());
        JsonNode content = walk(targetNode, target, true);
        if (pointer.isEmpty()) {
            content = SchemaAnnotations.withoutRootId(content, targetNode);
        }
        String base = baseOfClaim(target, pointer);
        List<String> same = byBase.computeIfAbsent(base.toLowerCase(Locale.ROOT), b -> new ArrayList<>());
        JsonNode assertions = SchemaAnnotations.withoutAnnotations(content, false);
        for (String earlier : same) {
            JsonNode was = hoistedSchemas.get(earlier);
            if (assertions.equals(SchemaAnnotations.withoutAnnotations(was, false))) {
                if (!content.equals(was)) {
                    warnings.add(target + (pointer.isEmpty() ? "" : "#" + pointer) + " differs from " + earlier
                            + " only in its title, description or examples: one type " + earlier
                            + ", documented as first seen");
                }
                hoistedSchemas.remove(name);
                taken.remove(name.toLowerCase(Locale.ROOT));
                hoisted.put(key, earlier);
                return earlier;
            }
        }
        same.add(name);
        hoistedSchemas.put(name, content);
        return name;
    }

    private String claim(String file, String pointer) {
        String base = baseOfClaim(file, pointer);
        String candidate = base;
        for (int n = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); n++) {
            candidate = base + n;
        }
        return candidate;
    }

    /** @return the name a schema is claimed from: its pointer's last segment, or its file's base name */
    private String baseOfClaim(String file, String pointer) {
        String base = pointer.isEmpty() ? SpecBundle.baseName(file)
                : pointer.substring(pointer.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
        return base.isBlank() ? "Schema" : base;
    }

    private JsonNode unresolved(String ref, String file, String why) {
        warnings.add("$ref " + ref + " in " + file + " " + why + "; left unresolved");
        return null;
    }
}
