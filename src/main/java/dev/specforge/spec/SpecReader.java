package dev.specforge.spec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a spec of any supported format into the {@link ProjectModel}.
 *
 * <p>The format is detected from the content, never from the file name: a top-level {@code specforge} key means
 * the native spec, {@code openapi: 3.x} means OpenAPI. JSON is read as YAML (YAML 1.2 is a superset of JSON).
 * Input must be UTF-8 (a leading byte order mark is skipped). Thread-safe; one instance serves the process.
 */
public final class SpecReader {

    private final SpecDefaults defaults;
    private final ObjectMapper yaml;
    private final NativeSpecParser nativeParser;
    private final OpenApiSpecParser openApiParser;

    /**
     * @param defaults values for what a spec leaves out, and the size limit
     */
    public SpecReader(SpecDefaults defaults) {
        this.defaults = defaults;
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(defaults.maxBytes());
        options.setNestingDepthLimit(256);
        options.setMaxAliasesForCollections(50);
        options.setAllowDuplicateKeys(true);
        this.yaml = new ObjectMapper(YAMLFactory.builder().loaderOptions(options).build());
        this.nativeParser = new NativeSpecParser(defaults);
        this.openApiParser = new OpenApiSpecParser(defaults);
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
     * @param content the spec bytes, UTF-8, at most {@link SpecDefaults#maxBytes()}
     * @return the project model
     * @throws SpecException when the spec is empty, too large, not UTF-8, not well-formed, of an unknown or
     *                       unsupported format, or invalid for its format; the message says what and where
     */
    public ProjectModel read(byte[] content) {
        return parse(tree(content));
    }

    /**
     * Parses the bytes into a document tree without interpreting it.
     *
     * @param content the spec bytes
     * @return the root node (an object)
     * @throws SpecException as {@link #read(byte[])} for the syntax-level problems
     */
    public JsonNode tree(byte[] content) {
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
        if (root == null || !root.isObject()) {
            throw new SpecException("/", "the document root must be a mapping (an object), found "
                    + (root == null ? "nothing" : root.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)));
        }
        return root;
    }

    /**
     * Interprets a document tree.
     *
     * @param root a tree from {@link #tree(byte[])}
     * @return the project model
     * @throws SpecException when the format is unknown or unsupported, or the spec is invalid
     */
    public ProjectModel parse(JsonNode root) {
        if (root.has("specforge")) {
            return nativeParser.parse(root);
        }
        if (root.has("openapi")) {
            String version = root.path("openapi").asText();
            if (!version.startsWith("3.")) {
                throw new SpecException("/openapi", "OpenAPI version '" + version + "' is not supported; use 3.0.x or 3.1.x");
            }
            return openApiParser.parse(root);
        }
        if (root.has("swagger")) {
            throw new SpecException("/swagger", "Swagger 2.0 documents are not supported yet; convert it to OpenAPI 3");
        }
        if (root.has("$schema") || root.has("definitions") || root.has("$defs")) {
            throw new SpecException("/", "JSON Schema documents are not supported yet; supported are the native"
                    + " specforge spec and OpenAPI 3");
        }
        throw new SpecException("/", "unknown spec format: expected a top-level 'specforge: 1' (native spec) or"
                + " 'openapi: 3.x' (OpenAPI) key");
    }

    private static String decodeUtf8(byte[] content) {
        int offset = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content, offset, content.length - offset))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new SpecException(null, "the spec is not valid UTF-8 text (" + e.getMessage() + ")");
        }
    }
}
