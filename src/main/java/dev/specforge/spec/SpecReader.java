package dev.specforge.spec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.LoaderOptions;

import io.swagger.v3.parser.converter.SwaggerConverter;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a spec of any supported format into the {@link ProjectModel}.
 *
 * <p>The format is detected from the content, never from the file name: a top-level {@code specforge} key means
 * the native spec, {@code openapi: 3.x} OpenAPI, {@code swagger: "2.0"} Swagger 2.0 (converted to OpenAPI 3 by
 * swagger-parser's converter), and {@code $schema}, {@code $defs} or {@code definitions} a JSON Schema. Bytes that
 * start like a zip are a multi-file spec ({@link SpecBundle}): its root is read after its relative references are
 * resolved inside the zip. JSON is read as YAML (YAML 1.2 is a superset of JSON). Input must be UTF-8 (a leading
 * byte order mark is skipped). Thread-safe; one instance serves the process.
 */
public final class SpecReader {

    /** Deepest nesting of mappings and sequences accepted (Jackson's {@code StreamReadConstraints}). */
    public static final int MAX_DEPTH = 256;
    /** Longest scalar accepted, in characters (a description of a thousand pages; Jackson's default is 20 M). */
    public static final int MAX_STRING_CHARS = 1_000_000;

    private final SpecDefaults defaults;
    private final ObjectMapper yaml;
    private final NativeSpecParser nativeParser;
    private final OpenApiSpecParser openApiParser;
    private final JsonSchemaSpecParser jsonSchemaParser;

    /**
     * @param defaults values for what a spec leaves out, and the size limit
     */
    public SpecReader(SpecDefaults defaults) {
        this.defaults = defaults;
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(defaults.maxBytes());
        options.setNestingDepthLimit(256);
        options.setMaxAliasesForCollections(50);
        options.setAllowDuplicateKeys(false);
        this.yaml = new ObjectMapper(YAMLFactory.builder().loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .maxStringLength(MAX_STRING_CHARS)
                        .maxDocumentLength(defaults.maxBytes())
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build())
                // decimals as written: a default of 0.10 or a bound of 12345678901234567890.5 keep their digits
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .configure(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
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
        return "the spec is " + bytes + " bytes, over the limit of " + defaults.maxBytes()
                + " bytes (specforge.spec.max-bytes)";
    }

    /**
     * Parses and normalises a spec.
     *
     * @param content the spec bytes, UTF-8, at most {@link SpecDefaults#maxBytes()}; or a zip of a multi-file spec
     * @return the project model; its warnings list every lossy mapping decision
     * @throws SpecException when the spec is empty, too large, not UTF-8, not well-formed, of an unknown or
     *                       unsupported format, or invalid for its format; for a zip also when it is corrupt, holds
     *                       zip-slip names, is over {@link SpecDefaults#bundle()}'s limits or has no single root;
     *                       the message says what and where
     */
    public ProjectModel read(byte[] content) {
        if (SpecBundle.isZip(content)) {
            if (content.length > defaults.maxBytes()) {
                throw new SpecException(null, tooLarge(content.length));
            }
            SpecBundle bundle = SpecBundle.read(content, defaults.bundle(), this::looksLikeSpec);
            List<String> notes = new ArrayList<>();
            JsonNode root = bundle.flatten(bytes -> parseText(bytes, false), notes);
            notes.add(0, "multi-file spec: root " + bundle.root() + " of " + bundle.size() + " files");
            return parse(root, notes);
        }
        return parse(tree(content));
    }

    /** @return whether the bytes are a document with a key that names a supported format */
    private boolean looksLikeSpec(byte[] bytes) {
        try {
            JsonNode t = parseText(bytes, false);
            return t.isObject() && (t.has("openapi") || t.has("swagger") || t.has("specforge") || t.has("$schema"));
        } catch (SpecException e) {
            return false;
        }
    }

    /**
     * Parses the bytes into a document tree without interpreting it.
     *
     * @param content the spec bytes
     * @return the root node (an object)
     * @throws SpecException as {@link #read(byte[])} for the syntax-level problems
     */
    public JsonNode tree(byte[] content) {
        return parseText(content, true);
    }

    private JsonNode parseText(byte[] content, boolean requireObject) {
        if (content.length == 0) {
            throw new SpecException(null, "the spec is empty (0 bytes)");
        }
        if (content.length > defaults.maxBytes()) {
            throw new SpecException(null, tooLarge(content.length));
        }
        String text = decodeUtf8(content);
        if (text.isBlank()) {
            throw new SpecException(null, "the spec holds only whitespace");
        }
        JsonNode root;
        try {
            root = yaml.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? null : "line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new SpecException(where, "not well-formed YAML/JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new SpecException(null, "cannot read the spec: " + e.getMessage());
        }
        checkStrings(root, "");
        if (requireObject && (root == null || !root.isObject())) {
            throw new SpecException("/", "the document root must be a mapping (an object), found "
                    + (root == null ? "nothing" : root.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)));
        }
        return root == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : root;
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
        if (root.has("specforge")) {
            return nativeParser.parse(root);
        }
        if (root.has("openapi")) {
            String version = root.path("openapi").asText();
            if (!version.startsWith("3.")) {
                throw new SpecException("/openapi", "OpenAPI version '" + version + "' is not supported; use 3.0.x or 3.1.x");
            }
            return openApiParser.parse(root, SpecFormat.OPENAPI, notes);
        }
        if (root.has("swagger")) {
            return swagger(root, notes);
        }
        if (root.has("$schema") || root.has("definitions") || root.has("$defs")) {
            return jsonSchemaParser.parse(root, notes);
        }
        throw new SpecException("/", "unknown spec format: expected a top-level 'specforge: 1' (native spec),"
                + " 'openapi: 3.x' (OpenAPI), 'swagger: \"2.0\"' (Swagger) or '$schema' (JSON Schema) key");
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
        return openApiParser.map(result.getOpenAPI(), converted, SpecFormat.SWAGGER, all);
    }

    /**
     * Jackson's YAML parser does not apply {@code maxStringLength} to scalars, so the limit is checked on the tree.
     *
     * @throws SpecException for a key or string value over {@link #MAX_STRING_CHARS}, naming its JSON pointer
     */
    private static void checkStrings(JsonNode node, String pointer) {
        if (node == null) {
            return;
        }
        if (node.isTextual() && node.textValue().length() > MAX_STRING_CHARS) {
            throw new SpecException(pointer.isEmpty() ? "/" : pointer, "a string of " + node.textValue().length()
                    + " characters, over the limit of " + MAX_STRING_CHARS);
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkStrings(node.get(i), pointer + "/" + i);
            }
        } else if (node.isObject()) {
            var fields = node.fields();
            while (fields.hasNext()) {
                var f = fields.next();
                String at = pointer + "/" + f.getKey().replace("~", "~0").replace("/", "~1");
                if (f.getKey().length() > MAX_STRING_CHARS) {
                    throw new SpecException(pointer.isEmpty() ? "/" : pointer, "a key of " + f.getKey().length()
                            + " characters, over the limit of " + MAX_STRING_CHARS);
                }
                checkStrings(f.getValue(), at);
            }
        }
    }

    /**
     * @return the text, after skipping a UTF-8 byte order mark
     * @throws SpecException for binary content (a NUL byte) or bytes that are not UTF-8, naming the offset and line
     */
    private static String decodeUtf8(byte[] content) {
        int offset = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF ? 3 : 0;
        for (int i = offset; i < content.length; i++) {
            if (content[i] == 0) {
                throw new SpecException("byte " + i, "the spec is binary, not text (a NUL byte at offset " + i
                        + "); a spec is YAML or JSON text in UTF-8");
            }
        }
        ByteBuffer in = ByteBuffer.wrap(content, offset, content.length - offset);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(content.length);
        var result = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            int line = 1;
            for (int i = offset; i < at; i++) {
                if (content[i] == '\n') {
                    line++;
                }
            }
            throw new SpecException("line " + line + ", byte " + at, String.format("the spec is not UTF-8 text: byte "
                    + "0x%02X at offset %d (line %d) is not valid UTF-8; save the file as UTF-8", content[at] & 0xFF,
                    at, line));
        }
        return out.flip().toString();
    }
}
