package dev.specforge.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * A multi-file spec: a zip holding a root spec and the files its relative {@code $ref}s name.
 *
 * <p>Reading ({@link #read}) refuses, before any spec text is interpreted: entries whose names are absolute, hold
 * {@code ..}, backslashes, drive letters or NUL (zip-slip), duplicate names, more than {@link Limits#maxEntries}
 * entries, and more than {@link Limits#maxBytes} bytes once inflated, counted while inflating so that a zip bomb
 * stops at the limit. Nothing is ever written to disk.
 *
 * <p>The root is the one entry named by a {@code specforge-root} entry (its text is the root's path), or else the
 * single top-level {@code .yaml}/{@code .yml}/{@code .json} entry that is a native, OpenAPI or Swagger spec (top-level
 * JSON Schemas beside it are parts it may refer to). A zip whose top-level specs are all JSON Schemas (recognised
 * by key or by shape, {@link SpecReader#detect}) has that schema as its root when there is one, and is a <em>schema
 * set</em> when there are several: one project whose types are every top-level schema, each named after its file,
 * their definitions, and what they refer to. Several native, OpenAPI or Swagger specs at the top need a
 * {@code specforge-root} entry. A zip whose entries all sit in one folder (or a chain of single folders) is read
 * as if that folder were the top.
 *
 * <p>{@link #flatten} turns the bundle into one document (the approach of swagger-parser's external reference
 * processing, and of {@code redocly bundle}): a relative {@code $ref} to a schema is moved into the root's
 * {@code components.schemas} (OpenAPI), {@code definitions} (Swagger 2.0) or {@code $defs} (JSON Schema) under a name
 * taken from its file or pointer, and the reference now points there, so cycles across files stay references;
 * any other relative {@code $ref} (a path item, parameter, response) is replaced by a copy of its target. Relative
 * references resolve inside the bundle only: one that leaves it, names a missing file, or uses a scheme
 * ({@code http:}, {@code file:}) is kept as it is and later mapped to {@code Object} with a warning, except an
 * absolute reference to the {@code $id} of a file in the bundle (JSON Schema Core 2020-12 section 8.2.1), which
 * resolves to that file. A schema file moved into the container loses its root {@code $id} ({@code id} in draft-04),
 * so that the references rewritten inside it resolve against the document, not against its old base. Two schemas
 * moved in under the same name that accept the same values once their references are rewritten (a definition every
 * file of a standard repeats, maybe with another description) become one, with a warning when their descriptions
 * differ.
 */
public final class SpecBundle {

    /** The name of the optional entry that names the root spec. */
    public static final String ROOT_ENTRY = "specforge-root";

    /** The {@code detectedBy} of a schema set: a zip of JSON Schemas without a root. */
    public static final String SCHEMA_SET = "schema set";

    /**
     * Limits on a zip's content.
     *
     * @param maxEntries most entries (files and folders) accepted
     * @param maxBytes   most bytes accepted once all entries are inflated
     */
    public record Limits(int maxEntries, long maxBytes) {
    }

    private static final Set<String> SCHEMA_DATA = Set.of("enum", "const", "default", "examples", "example");
    /** Keywords that describe a schema without changing what it accepts (JSON Schema Validation 2020-12 section 9). */
    private static final Set<String> ANNOTATIONS = Set.of("title", "description", "$comment", "comment");
    /** Keywords whose value maps names to schemas. */
    private static final Set<String> NAMED_SCHEMAS = Set.of("properties", "patternProperties", "$defs",
            "definitions", "dependentSchemas");

    /**
     * Most objects and arrays the flattened document may hold. Copying non-schema references in place can
     * multiply a small bundle (a file that refers to the next one twice, over and over: a "reference bomb"), so
     * flattening stops here, far above real specs (the 2,907-file DigitalOcean bundle flattens to 68,344).
     */
    static final int MAX_FLATTENED_NODES = 2_000_000;

    private final Map<String, byte[]> files;
    private final Function<byte[], JsonNode> parse;
    /** Each file's tree, parsed once: finding the root and flattening read the same trees. */
    private final Map<String, JsonNode> trees = new HashMap<>();
    private final String root;
    private final List<String> members;

    /** Finds the root, or the members of a schema set (see the class comment). */
    private SpecBundle(Map<String, byte[]> files, Function<byte[], JsonNode> parse) {
        this.files = files;
        this.parse = parse;
        byte[] named = files.get(ROOT_ENTRY);
        List<String> specs = named != null ? List.of(namedRoot(files, named)) : topLevelSpecs();
        this.root = specs.size() == 1 ? specs.get(0) : null;
        this.members = specs.size() == 1 ? List.of() : specs;
    }

    /**
     * @param content any bytes
     * @return whether they start like a zip (local file header {@code PK\3\4}, or an empty zip's {@code PK\5\6})
     */
    public static boolean isZip(byte[] content) {
        return content.length >= 4 && content[0] == 'P' && content[1] == 'K'
                && ((content[2] == 3 && content[3] == 4) || (content[2] == 5 && content[3] == 6));
    }

    /**
     * Reads and checks a zip, and finds its root spec.
     *
     * @param zip      the zip's bytes
     * @param limits   the size limits
     * @param parse    parses one file's bytes into a tree (any root type), with the reader's limits; each file is
     *                 parsed at most once, to recognise it ({@link SpecReader#detect}) and to flatten it
     * @return the bundle; one instance serves one read, not thread-safe
     * @throws SpecException for a corrupt zip, a zip-slip name, a duplicate name, too many entries or bytes, or no
     *                       root (no spec at the top, or several that are not all JSON Schemas); the message names
     *                       the entries
     */
    public static SpecBundle read(byte[] zip, Limits limits, Function<byte[], JsonNode> parse) {
        Map<String, byte[]> files = new TreeMap<>();
        long total = 0;
        int entries = 0;
        byte[] buffer = new byte[8192];
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (++entries > limits.maxEntries()) {
                    throw new SpecException(null, "the zip holds more than " + limits.maxEntries()
                            + " entries (specforge.bundle.max-entries)");
                }
                String name = e.getName();
                checkName(name);
                if (e.isDirectory()) {
                    continue;
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                for (int n; (n = in.read(buffer)) > 0; ) {
                    total += n;
                    if (total > limits.maxBytes()) {
                        throw new SpecException(name, "the zip inflates to more than " + limits.maxBytes()
                                + " bytes (specforge.bundle.max-bytes); refused as a possible zip bomb");
                    }
                    out.write(buffer, 0, n);
                }
                if (files.put(name, out.toByteArray()) != null) {
                    throw new SpecException(name, "the zip holds two entries named '" + name + "'");
                }
            }
        } catch (ZipException e) {
            throw new SpecException(null, "not a readable zip: " + e.getMessage());
        } catch (IOException e) {
            throw new SpecException(null, "cannot read the zip: " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw new SpecException(null, "the zip holds no files");
        }
        return new SpecBundle(stripCommonFolder(files), parse);
    }

    /** @return the root spec's path inside the bundle, or {@code null} for a schema set */
    public String root() {
        return root;
    }

    /** @return whether the bundle is a schema set: JSON Schemas without a root, each a type */
    public boolean isSchemaSet() {
        return root == null;
    }

    /** @return for a schema set, its top-level schema files in name order; otherwise empty */
    public List<String> members() {
        return members;
    }

    /**
     * @param path a file's path or name, e.g. {@code schemas/address.schema.json}
     * @return its name without folders and without a {@code .json}, {@code .yaml}, {@code .yml} or {@code .zip}
     *         extension and then a {@code .schema} one ({@code address}), the common ways to name a schema file
     */
    public static String baseName(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        for (String ext : List.of(".json", ".yaml", ".yml", ".zip", ".schema")) {
            if (name.length() > ext.length() && name.toLowerCase(Locale.ROOT).endsWith(ext)) {
                name = name.substring(0, name.length() - ext.length());
            }
        }
        return name;
    }

    /** @return the number of files in the bundle */
    public int size() {
        return files.size();
    }

    /** @return the bytes of the root spec */
    public byte[] rootBytes() {
        return files.get(root);
    }

    /**
     * Flattens the bundle into one document (see the class comment).
     *
     * @param warnings where references left unresolved are reported, as "what at file#pointer"
     * @return the root document with every reachable relative reference resolved
     * @throws SpecException when a referenced file is not well-formed; the location names the file
     */
    public JsonNode flatten(List<String> warnings) {
        return new Flattening(warnings).run();
    }

    /**
     * @return a file's tree, parsed once
     * @throws SpecException when it is not well-formed; the location names the file
     */
    private JsonNode tree(String path) {
        JsonNode t = trees.get(path);
        if (t == null) {
            try {
                t = parse.apply(files.get(path));
            } catch (SpecException e) {
                throw new SpecException(path + (e.location() == null ? "" : ", " + e.location()), e.problem());
            }
            trees.put(path, t);
        }
        return t;
    }

    /** @return how a file is recognised, or {@code null} when it is no spec or not well-formed */
    private SpecReader.Detection detection(String path) {
        try {
            return SpecReader.detect(tree(path));
        } catch (SpecException e) {
            return null;
        }
    }

    private static void checkName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        boolean bad = name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.indexOf('\0') >= 0
                || (name.length() > 1 && name.charAt(1) == ':') || lower.startsWith("file:");
        for (String segment : name.split("/")) {
            bad |= segment.equals("..");
        }
        if (bad) {
            throw new SpecException(name, "zip entry '" + name.replace("\0", "\\0") + "' is not a plain relative"
                    + " path (absolute, '..', backslash or drive letter): refused (zip-slip)");
        }
    }

    private static Map<String, byte[]> stripCommonFolder(Map<String, byte[]> files) {
        Map<String, byte[]> stripped = stripOneFolder(files);
        return stripped == files ? files : stripCommonFolder(stripped);
    }

    private static Map<String, byte[]> stripOneFolder(Map<String, byte[]> files) {
        String first = files.keySet().iterator().next();
        int slash = first.indexOf('/');
        if (slash < 0) {
            return files;
        }
        String prefix = first.substring(0, slash + 1);
        for (String name : files.keySet()) {
            if (!name.startsWith(prefix)) {
                return files;
            }
        }
        Map<String, byte[]> stripped = new TreeMap<>();
        files.forEach((k, v) -> stripped.put(k.substring(prefix.length()), v));
        return stripped;
    }

    private static String namedRoot(Map<String, byte[]> files, byte[] named) {
        String path = new String(named, java.nio.charset.StandardCharsets.UTF_8).strip();
        if (path.startsWith("./")) {
            path = path.substring(2);
        }
        if (!files.containsKey(path)) {
            throw new SpecException(ROOT_ENTRY, "the '" + ROOT_ENTRY + "' entry names '" + path
                    + "', which is not in the zip");
        }
        return path;
    }

    /**
     * @return the single top-level native, OpenAPI or Swagger spec; else every top-level JSON Schema (one: the root;
     *         several: a schema set); with no spec at the top, every JSON Schema of the zip when all its specs are
     *         JSON Schemas (a collection kept in folders)
     * @throws SpecException when there is no spec, several native, OpenAPI or Swagger specs at the top, or no spec
     *                       at the top and folders that hold more than JSON Schemas
     */
    private List<String> topLevelSpecs() {
        Map<String, SpecReader.Detection> specs = specs(true);
        boolean topLevel = !specs.isEmpty();
        if (!topLevel) {
            specs = specs(false);
        }
        List<String> others = specs.entrySet().stream().filter(e -> e.getValue().format() != SpecFormat.JSON_SCHEMA)
                .map(Map.Entry::getKey).toList();
        if (topLevel && others.size() == 1) {
            return others;
        }
        if (specs.isEmpty() || !others.isEmpty()) {
            String found = specs.isEmpty() ? "the zip has no spec file (a .yaml, .yml or .json file that is a native"
                    + " spec, OpenAPI, Swagger or JSON Schema)"
                    : (topLevel ? "the zip has " + specs.size() + " top-level spec files " + abbreviated(specs.keySet())
                    : "the zip has no top-level spec file, and its folders hold " + specs.size() + " spec files "
                    + abbreviated(specs.keySet())) + ", of which " + abbreviated(others) + " are not JSON Schemas"
                    + " (only JSON Schemas are read as one set without a root)";
            throw new SpecException(null, found + "; add an entry named '" + ROOT_ENTRY + "' whose text is the root"
                    + " spec's path");
        }
        return List.copyOf(specs.keySet());
    }

    /** @return the {@code .yaml}, {@code .yml} and {@code .json} files that are specs, top-level ones or all */
    private Map<String, SpecReader.Detection> specs(boolean topLevelOnly) {
        Map<String, SpecReader.Detection> specs = new TreeMap<>();
        for (String name : files.keySet()) {
            if ((!topLevelOnly || name.indexOf('/') < 0) && isSpecFileName(name)) {
                SpecReader.Detection d = detection(name);
                if (d != null) {
                    specs.put(name, d);
                }
            }
        }
        return specs;
    }

    private static boolean isSpecFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json");
    }

    private static String abbreviated(java.util.Collection<String> names) {
        return names.size() <= 10 ? names.toString()
                : names.stream().limit(10).toList().toString().replace("]", ", ... " + (names.size() - 10) + " more]");
    }

    /** One flattening run. */
    private final class Flattening {
        private final List<String> warnings;
        /** The files the result is made of: the root or the members, and every file a reference reached. */
        private final java.util.Set<String> used = new java.util.TreeSet<>();
        private final Map<String, String> hoisted = new HashMap<>();
        private final Map<String, JsonNode> hoistedSchemas = new LinkedHashMap<>();
        private final Deque<String> inlining = new ArrayDeque<>();
        private final java.util.Set<String> taken = new java.util.HashSet<>();
        /** Names given to schemas moved into the container, by the name they were claimed from. */
        private final Map<String, List<String>> byBase = new HashMap<>();
        /** The files of the bundle by their root {@code $id} ({@code id} in draft-04), built on first need. */
        private Map<String, String> fileById;
        /** Whether the root is a JSON Schema (then unread schemas could join it in a set). */
        private boolean rootIsSchema;
        private String container;
        private ObjectNode schemas;
        private int nodes;

        Flattening(List<String> warnings) {
            this.warnings = warnings;
        }

        JsonNode run() {
            JsonNode result = root == null ? runSet() : runRoot();
            List<String> unread = files.keySet().stream().filter(SpecBundle::isSpecFileName)
                    .filter(f -> !used.contains(f) && detection(f) != null).toList();
            if (!unread.isEmpty()) {
                warnings.add(unread.size() + " specs in the zip are neither " + (root == null
                        ? "a member of the set" : "the root") + " nor referred to from it, and were not read: "
                        + abbreviated(unread) + (root == null ? "" : rootIsSchema ? "; to generate them too, refer to"
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
                hoistedSchemas.put(name, withoutRootId(walk(tree(member), member, true), tree(member)));
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
            return SpecBundle.this.tree(path);
        }

        /** @return a copy of a node with the relative references below it resolved */
        private JsonNode walk(JsonNode node, String file, boolean inSchema) {
            if (node.isContainerNode() && ++nodes > MAX_FLATTENED_NODES) {
                throw new SpecException(file, "the references of this zip expand to more than "
                        + MAX_FLATTENED_NODES + " objects and arrays once copied in place; refused as a possible"
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
                if (inSchema && SCHEMA_DATA.contains(key)) {
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
                        || isSpecFileName(value))) {
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
                    String byId = fileById().get(filePart);
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
                if (!files.containsKey(target)) {
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
                content = withoutRootId(content, targetNode);
            }
            String base = baseOfClaim(target, pointer);
            List<String> same = byBase.computeIfAbsent(base.toLowerCase(Locale.ROOT), b -> new ArrayList<>());
            JsonNode assertions = withoutAnnotations(content, false);
            for (String earlier : same) {
                JsonNode was = hoistedSchemas.get(earlier);
                if (assertions.equals(withoutAnnotations(was, false))) {
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

        /**
         * @return a copy of a schema without its annotations ({@code title}, {@code description}, {@code $comment},
         *         {@code comment}, {@code examples}, {@code example}: JSON Schema Validation 2020-12 section 9),
         *         which do not change what it accepts; property names and data ({@code enum}, {@code default}) kept
         */
        private JsonNode withoutAnnotations(JsonNode node, boolean namesToSchemas) {
            if (node.isArray()) {
                ArrayNode out = JsonNodeFactory.instance.arrayNode(node.size());
                node.forEach(item -> out.add(withoutAnnotations(item, false)));
                return out;
            }
            if (!node.isObject()) {
                return node;
            }
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(f -> {
                String k = f.getKey();
                if (namesToSchemas) {
                    out.set(k, withoutAnnotations(f.getValue(), false));
                } else if (SCHEMA_DATA.contains(k)) {
                    if (!k.startsWith("example")) {
                        out.set(k, f.getValue());
                    }
                } else if (!ANNOTATIONS.contains(k)) {
                    out.set(k, withoutAnnotations(f.getValue(), NAMED_SCHEMAS.contains(k)));
                }
            });
            return out;
        }

        /**
         * @return a schema file's content without its root {@code $id} (or draft-04 {@code id}): inside the
         *         container it is no resource of its own, so its rewritten references resolve against the document
         */
        private JsonNode withoutRootId(JsonNode content, JsonNode original) {
            if (content instanceof ObjectNode o) {
                o.remove("$id");
                String dialect = original.path("$schema").asText("");
                if (o.path("id").isTextual() && (dialect.contains("draft-04") || dialect.contains("draft-03"))) {
                    o.remove("id");
                }
            }
            return content;
        }

        /** @return the bundle's files by their root {@code $id} or {@code id} (without a fragment) */
        private Map<String, String> fileById() {
            if (fileById == null) {
                fileById = new HashMap<>();
                for (String path : files.keySet()) {
                    if (!isSpecFileName(path)) {
                        continue;
                    }
                    JsonNode t;
                    try {
                        t = SpecBundle.this.tree(path);
                    } catch (SpecException e) {
                        continue;
                    }
                    for (String keyword : List.of("$id", "id")) {
                        String id = t.path(keyword).textValue();
                        if (id != null && id.contains(":")) {
                            fileById.putIfAbsent(id.replaceAll("#.*$", ""), path);
                        }
                    }
                }
            }
            return fileById;
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
            String base = pointer.isEmpty() ? baseName(file)
                    : pointer.substring(pointer.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
            return base.isBlank() ? "Schema" : base;
        }

        private JsonNode unresolved(String ref, String file, String why) {
            warnings.add("$ref " + ref + " in " + file + " " + why + "; left unresolved");
            return null;
        }
    }
}
