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
 * single top-level {@code .yaml}/{@code .yml}/{@code .json} entry that is a spec (has an {@code openapi},
 * {@code swagger}, {@code specforge} or {@code $schema} key). A zip whose entries all sit in one folder is read as
 * if that folder were the top.
 *
 * <p>{@link #flatten} turns the bundle into one document (the approach of swagger-parser's external reference
 * processing, and of {@code redocly bundle}): a relative {@code $ref} to a schema is moved into the root's
 * {@code components.schemas} (OpenAPI), {@code definitions} (Swagger 2.0) or {@code $defs} (JSON Schema) under a name
 * taken from its file or pointer, and the reference now points there, so cycles across files stay references;
 * any other relative {@code $ref} (a path item, parameter, response) is replaced by a copy of its target. Relative
 * references resolve inside the bundle only: one that leaves it, names a missing file, or uses a scheme
 * ({@code http:}, {@code file:}) is kept as it is and later mapped to {@code Object} with a warning.
 */
public final class SpecBundle {

    /** The name of the optional entry that names the root spec. */
    public static final String ROOT_ENTRY = "specforge-root";

    /**
     * Limits on a zip's content.
     *
     * @param maxEntries most entries (files and folders) accepted
     * @param maxBytes   most bytes accepted once all entries are inflated
     */
    public record Limits(int maxEntries, long maxBytes) {
    }

    private static final Set<String> SCHEMA_DATA = Set.of("enum", "const", "default", "examples", "example");

    /**
     * Most objects and arrays the flattened document may hold. Copying non-schema references in place can
     * multiply a small bundle (a file that refers to the next one twice, over and over: a "reference bomb"), so
     * flattening stops here, far above real specs (the 2,907-file DigitalOcean bundle flattens to 68,344).
     */
    static final int MAX_FLATTENED_NODES = 2_000_000;

    private final Map<String, byte[]> files;
    private final String root;

    private SpecBundle(Map<String, byte[]> files, String root) {
        this.files = files;
        this.root = root;
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
     * @param isSpec   tells whether a top-level entry's bytes are a spec (used when there is no
     *                 {@code specforge-root} entry)
     * @return the bundle
     * @throws SpecException for a corrupt zip, a zip-slip name, a duplicate name, too many entries or bytes, or no
     *                       single root; the message names the entry
     */
    public static SpecBundle read(byte[] zip, Limits limits, Function<byte[], Boolean> isSpec) {
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
        files = stripCommonFolder(files);
        return new SpecBundle(files, findRoot(files, isSpec));
    }

    /** @return the root spec's path inside the bundle */
    public String root() {
        return root;
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
     * @param parse    parses one file's bytes into a tree (any root type), with the reader's limits
     * @param warnings where references left unresolved are reported, as "what at file#pointer"
     * @return the root document with every reachable relative reference resolved
     * @throws SpecException when a referenced file is not well-formed; the location names the file
     */
    public JsonNode flatten(Function<byte[], JsonNode> parse, List<String> warnings) {
        return new Flattening(parse, warnings).run();
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

    private static String findRoot(Map<String, byte[]> files, Function<byte[], Boolean> isSpec) {
        byte[] named = files.get(ROOT_ENTRY);
        if (named != null) {
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
        List<String> candidates = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            String name = e.getKey();
            String lower = name.toLowerCase(Locale.ROOT);
            if (name.indexOf('/') < 0 && (lower.endsWith(".yaml") || lower.endsWith(".yml")
                    || lower.endsWith(".json")) && Boolean.TRUE.equals(isSpec.apply(e.getValue()))) {
                candidates.add(name);
            }
        }
        if (candidates.size() != 1) {
            throw new SpecException(null, (candidates.isEmpty() ? "the zip has no top-level spec file"
                    : "the zip has " + candidates.size() + " top-level spec files " + candidates)
                    + "; add an entry named '" + ROOT_ENTRY + "' whose text is the root spec's path");
        }
        return candidates.get(0);
    }

    /** One flattening run. */
    private final class Flattening {
        private final Function<byte[], JsonNode> parse;
        private final List<String> warnings;
        private final Map<String, JsonNode> trees = new HashMap<>();
        private final Map<String, String> hoisted = new HashMap<>();
        private final Map<String, JsonNode> hoistedSchemas = new LinkedHashMap<>();
        private final Deque<String> inlining = new ArrayDeque<>();
        private final java.util.Set<String> taken = new java.util.HashSet<>();
        private String container;
        private ObjectNode schemas;
        private int nodes;

        Flattening(Function<byte[], JsonNode> parse, List<String> warnings) {
            this.parse = parse;
            this.warnings = warnings;
        }

        JsonNode run() {
            JsonNode rootTree = tree(root);
            if (!rootTree.isObject()) {
                throw new SpecException(root, "the root spec is not a mapping");
            }
            boolean jsonSchema = !rootTree.has("openapi") && !rootTree.has("swagger") && !rootTree.has("specforge");
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
                boolean childInSchema = inSchema || key.equals("schema") || key.equals("schemas")
                        || key.equals("definitions") || key.equals("$defs");
                out.set(key, walk(f.getValue(), file, childInSchema));
            }
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
                    return unresolved(ref, file, "is not a relative reference and is never fetched");
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
                    name = claim(target, pointer);
                    hoisted.put(key, name);
                    hoistedSchemas.put(name, JsonNodeFactory.instance.objectNode());
                    hoistedSchemas.put(name, walk(targetNode, target, true));
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

        private String claim(String file, String pointer) {
            String base;
            if (!pointer.isEmpty()) {
                base = pointer.substring(pointer.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
            } else {
                String name = file.substring(file.lastIndexOf('/') + 1);
                base = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
            }
            if (base.isBlank()) {
                base = "Schema";
            }
            String candidate = base;
            for (int n = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); n++) {
                candidate = base + n;
            }
            return candidate;
        }

        private JsonNode unresolved(String ref, String file, String why) {
            warnings.add("$ref " + ref + " in " + file + " " + why + "; left unresolved");
            return null;
        }
    }
}
