package dev.specforge.spec;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
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
    /** The files of the bundle by their root {@code $id} ({@code id} in draft-04), built on first need. */
    private Map<String, String> fileById;
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
        return new BundleFlattening(this, warnings).run();
    }

    /**
     * @return a file's tree, parsed once
     * @throws SpecException when it is not well-formed; the location names the file
     */
    JsonNode tree(String path) {
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
    SpecReader.Detection detection(String path) {
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

    static boolean isSpecFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json");
    }

    static String abbreviated(java.util.Collection<String> names) {
        return names.size() <= 10 ? names.toString()
                : names.stream().limit(10).toList().toString().replace("]", ", ... " + (names.size() - 10) + " more]");
    }

    /** @return every file name in the bundle */
    Set<String> fileNames() {
        return files.keySet();
    }

    /** @return whether the bundle holds a file of that path */
    boolean hasFile(String path) {
        return files.containsKey(path);
    }

    /** @return the bundle's files by their root {@code $id} or {@code id} (without a fragment) */
    Map<String, String> fileById() {
        if (fileById == null) {
            fileById = new HashMap<>();
            for (String path : files.keySet()) {
                if (!isSpecFileName(path)) {
                    continue;
                }
                JsonNode t;
                try {
                    t = tree(path);
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
}
