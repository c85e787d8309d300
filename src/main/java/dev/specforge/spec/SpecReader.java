package dev.specforge.spec;

import com.fasterxml.jackson.databind.JsonNode;

import io.swagger.v3.parser.converter.SwaggerConverter;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a spec of any supported format into the {@link ProjectModel}.
 *
 * <p>The syntax is detected from the bytes: text that starts (after a byte order mark and white space) with
 * {@code [}, or with <code>{</code> followed by a quoted key or <code>}</code>, is JSON and is read by Jackson's JSON
 * parser (RFC 8259: every JSON escape, such as {@code \/}, {@code \u2028} and surrogate pairs, which YAML 1.1 parsers
 * refuse); anything else, including a YAML flow mapping with unquoted keys, is YAML. Both parsers refuse duplicate
 * keys and apply the same limits: {@link #MAX_DEPTH}, {@link #MAX_STRING_CHARS} and
 * {@link SpecDefaults#maxBytes()}; YAML also limits aliases (a "billion laughs" bomb stops at 50 aliases per
 * collection). Input must be UTF-8 text (a leading byte order mark is skipped; a NUL byte means binary).
 *
 * <p>The format is detected from the content, never from the file name ({@link #detect}): a top-level
 * {@code specforge} key means the native spec, {@code openapi: 3.x} OpenAPI, {@code swagger: "2.0"} Swagger 2.0
 * (converted to OpenAPI 3 by swagger-parser's converter), and a JSON Schema is recognised by its {@code $schema} key
 * or, when it has none, by the shape of its root. Bytes that start like a zip are a multi-file spec
 * ({@link SpecBundle}): its root is read after its relative references are resolved inside the zip, and a zip of
 * JSON Schemas without a root is one project of all of them. Thread-safe; one instance serves the process.
 */
public final class SpecReader {

    /** Deepest nesting of mappings and sequences accepted (Jackson's {@code StreamReadConstraints}). */
    public static final int MAX_DEPTH = 256;
    /** Longest scalar accepted, in characters (a description of a thousand pages; Jackson's default is 20 M). */
    public static final int MAX_STRING_CHARS = 1_000_000;

    /** What {@link #detect} looked for, for the refusal of a document that is none of the formats. */
    static final String LOOKED_FOR = "a top-level 'specforge: 1' (native spec), 'openapi: 3.x' (OpenAPI) or"
            + " 'swagger: \"2.0\"' (Swagger) key, or a JSON Schema: a '$schema', '$defs' or 'definitions' key, or a"
            + " root schema ('type: object' or a 'title' with 'properties', 'type: array' with 'items', '$ref',"
            + " 'allOf', 'oneOf', 'anyOf' or 'enum')";

    /**
     * How a document was recognised.
     *
     * @param format the format
     * @param rule   the rule that recognised it, as the report's {@code detectedBy} says it: the key for keyed
     *               formats ({@code specforge}, {@code openapi}, {@code swagger}, {@code $schema}), else the shape
     *               ({@code $defs}, {@code definitions}, {@code type: object with properties}, {@code title with
     *               properties}, {@code type: array with items}, {@code $ref}, {@code allOf}, {@code oneOf},
     *               {@code anyOf}, {@code enum})
     */
    public record Detection(SpecFormat format, String rule) {
    }

    private final SpecDefaults defaults;
    private final SpecText text;
    private final NativeSpecParser nativeParser;
    private final OpenApiSpecParser openApiParser;
    private final JsonSchemaSpecParser jsonSchemaParser;

    /**
     * @param defaults values for what a spec leaves out, and the size limit
     */
    public SpecReader(SpecDefaults defaults) {
        this.defaults = defaults;
        this.text = new SpecText(defaults.maxBytes());
        this.nativeParser = new NativeSpecParser(defaults);
        this.openApiParser = new OpenApiSpecParser(defaults);
        this.jsonSchemaParser = new JsonSchemaSpecParser(defaults);
    }

    /**
     * Checks a spec's size before it is read (e.g. from the file consumer's length header), so an over-size file
     * is refused without loading it.
     *
     * @param bytes the spec's declared size, in bytes
     * @throws SpecException when it is over {@link SpecDefaults#maxBytes()}
     */
    public void checkDeclaredSize(long bytes) {
        if (bytes > defaults.maxBytes()) {
            throw new SpecException(null, tooLarge(bytes) + "; it was not read");
        }
    }

    private String tooLarge(long bytes) {
        return SpecText.tooLarge(bytes, defaults.maxBytes());
    }

    /**
     * Parses and normalises a spec whose file name is not known ({@link #read(byte[], String)} without one).
     *
     * @param content the spec bytes
     * @return the project model
     * @throws SpecException as {@link #read(byte[], String)}
     */
    public ProjectModel read(byte[] content) {
        return read(content, null);
    }

    /**
     * Parses and normalises a spec.
     *
     * @param content  the spec bytes, UTF-8, at most {@link SpecDefaults#maxBytes()}; or a zip of a multi-file spec
     * @param fileName the spec's file name, or {@code null}: names the project of a zip of JSON Schemas without a
     *                 root (its base name, {@code schemas.zip} gives {@code schemas}); never used to detect the format
     * @return the project model; its warnings list every lossy mapping decision
     * @throws SpecException when the spec is empty, too large, not UTF-8, not well-formed, of an unknown or
     *                       unsupported format, or invalid for its format; for a zip also when it is corrupt, holds
     *                       zip-slip names, is over {@link SpecDefaults#bundle()}'s limits or has no root (several
     *                       specs that are not all JSON Schemas, and no {@code specforge-root} entry); the message
     *                       says what and where
     */
    public ProjectModel read(byte[] content, String fileName) {
        if (SpecBundle.isZip(content)) {
            if (content.length > defaults.maxBytes()) {
                throw new SpecException(null, tooLarge(content.length));
            }
            SpecBundle bundle = SpecBundle.read(content, defaults.bundle(), bytes -> text.parse(bytes, false));
            List<String> notes = new ArrayList<>();
            JsonNode root = bundle.flatten(notes);
            if (bundle.isSchemaSet()) {
                notes.add(0, "multi-file spec: a set of " + bundle.members().size() + " JSON Schemas without a root,"
                        + " each a type (" + bundle.size() + " files)");
                String name = fileName == null ? null : SpecBundle.baseName(fileName.replace('\\', '/'));
                return jsonSchemaParser.parse(root, notes, SpecBundle.SCHEMA_SET,
                        name == null || Names.words(name).isEmpty() ? "json-schemas" : name);
            }
            notes.add(0, "multi-file spec: root " + bundle.root() + " of " + bundle.size() + " files");
            return parse(root, notes);
        }
        return parse(tree(content));
    }

    /**
     * Recognises a document's format from its top-level keys and, for a JSON Schema without {@code $schema}, from
     * the shape of its root: a schema object is what JSON Schema Core 2020-12 section 4.3.1 calls a schema, and
     * these keywords at the root of a mapping say it is one (the rules in order; the first that holds is reported):
     * {@code $schema}; {@code $defs} or {@code definitions} holding a mapping; {@code type: object} (or a type list
     * with {@code object}) with a {@code properties} mapping; a {@code title} with a {@code properties} mapping;
     * {@code type: array} with {@code items}; a {@code $ref} string; an {@code allOf}, {@code oneOf} or
     * {@code anyOf} list; an {@code enum} list.
     *
     * @param root a document tree
     * @return the format and the rule that recognised it, or {@code null} when it is none of the formats
     */
    public static Detection detect(JsonNode root) {
        if (root == null || !root.isObject()) {
            return null;
        }
        for (String key : List.of("specforge", "openapi", "swagger")) {
            if (root.has(key)) {
                return new Detection(key.equals("specforge") ? SpecFormat.NATIVE
                        : key.equals("openapi") ? SpecFormat.OPENAPI : SpecFormat.SWAGGER, key);
            }
        }
        String rule = schemaShape(root);
        return rule == null ? null : new Detection(SpecFormat.JSON_SCHEMA, rule);
    }

    private static String schemaShape(JsonNode root) {
        if (root.path("$schema").isTextual()) {
            return "$schema";
        }
        for (String defs : List.of("$defs", "definitions")) {
            if (root.path(defs).isObject()) {
                return defs;
            }
        }
        boolean properties = root.path("properties").isObject();
        if (properties && typeIs(root, "object")) {
            return "type: object with properties";
        }
        if (properties && root.path("title").isTextual()) {
            return "title with properties";
        }
        if (typeIs(root, "array") && (root.path("items").isObject() || root.path("items").isArray()
                || root.path("items").isBoolean())) {
            return "type: array with items";
        }
        if (root.path("$ref").isTextual()) {
            return "$ref";
        }
        for (String union : List.of("allOf", "oneOf", "anyOf", "enum")) {
            if (root.path(union).isArray()) {
                return union;
            }
        }
        return null;
    }

    /** @return whether the schema's {@code type} is the given type name, or a list holding it */
    private static boolean typeIs(JsonNode s, String type) {
        JsonNode t = s.get("type");
        if (t == null) {
            return false;
        }
        if (t.isArray()) {
            for (JsonNode item : t) {
                if (type.equals(item.textValue())) {
                    return true;
                }
            }
            return false;
        }
        return type.equals(t.textValue());
    }

    /**
     * Parses the bytes into a document tree without interpreting it.
     *
     * @param content the spec bytes
     * @return the root node (an object)
     * @throws SpecException as {@link #read(byte[])} for the syntax-level problems
     */
    public JsonNode tree(byte[] content) {
        return text.parse(content, true);
    }

    /**
     * Interprets a document tree.
     *
     * @param root a tree from {@link #tree(byte[])}
     * @return the project model
     * @throws SpecException when the format is unknown or unsupported, or the spec is invalid
     */
    public ProjectModel parse(JsonNode root) {
        return parse(root, List.of());
    }

    private ProjectModel parse(JsonNode root, List<String> notes) {
        Detection detected = detect(root);
        if (detected == null) {
            throw new SpecException("/", "unknown spec format: expected " + LOOKED_FOR + "; the top-level keys are "
                    + keys(root));
        }
        return switch (detected.format()) {
            case NATIVE -> nativeParser.parse(root);
            case OPENAPI -> {
                String version = root.path("openapi").asText();
                if (!version.startsWith("3.")) {
                    throw new SpecException("/openapi", "OpenAPI version '" + version
                            + "' is not supported; use 3.0.x or 3.1.x");
                }
                yield openApiParser.parse(root, SpecFormat.OPENAPI, notes);
            }
            case SWAGGER -> swagger(root, notes);
            case JSON_SCHEMA -> jsonSchemaParser.parse(root, notes, detected.rule(), null);
        };
    }

    /** @return the first top-level keys, for a refusal: at most 8, each at most 40 characters, controls shown as ? */
    private static String keys(JsonNode root) {
        List<String> keys = new ArrayList<>();
        root.fieldNames().forEachRemaining(k -> {
            if (keys.size() < 8) {
                String shown = k.length() > 40 ? k.substring(0, 40) + "..." : k;
                keys.add("'" + shown.codePoints().map(c -> Character.isISOControl(c)
                        || Character.getType(c) == Character.FORMAT ? '?' : c)
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append) + "'");
            }
        });
        return keys.isEmpty() ? "none" : String.join(", ", keys) + (root.size() > keys.size() ? ", ..." : "");
    }

    /**
     * Converts a Swagger 2.0 document with swagger-parser's {@code SwaggerConverter} (reference resolution off, so
     * nothing is fetched) and reads the result as OpenAPI 3.0.
     */
    private ProjectModel swagger(JsonNode root, List<String> notes) {
        String version = root.path("swagger").asText();
        if (!version.equals("2.0")) {
            throw new SpecException("/swagger", "Swagger version '" + version + "' is not supported; use 2.0");
        }
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        SwaggerParseResult result;
        try {
            result = new SwaggerConverter().readContents(root.toString(), null, options);
        } catch (RuntimeException e) {
            throw new SpecException("/", "the Swagger 2.0 document cannot be converted to OpenAPI 3: " + e);
        }
        if (result == null || result.getOpenAPI() == null) {
            List<String> messages = result == null || result.getMessages() == null ? List.of() : result.getMessages();
            throw new SpecException("/", "not a valid Swagger 2.0 document: " + String.join("; ", messages));
        }
        JsonNode converted = io.swagger.v3.core.util.Json.mapper().valueToTree(result.getOpenAPI());
        List<String> all = new ArrayList<>(notes);
        all.add("Swagger 2.0 converted to OpenAPI 3.0 by swagger-parser; schemas are at #/components/schemas");
        return openApiParser.map(result.getOpenAPI(), converted, root, SpecFormat.SWAGGER, all);
    }

}
