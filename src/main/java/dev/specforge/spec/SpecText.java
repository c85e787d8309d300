package dev.specforge.spec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Spec text to a document tree: the syntax (JSON or YAML) and its limits, as {@link SpecReader}'s class comment
 * describes them. Thread-safe.
 */
final class SpecText {

    private final int maxBytes;
    private final ObjectMapper yaml;
    private final ObjectMapper json;

    /**
     * @param maxBytes the largest text accepted, in bytes ({@code specforge.spec.max-bytes})
     */
    SpecText(int maxBytes) {
        this.maxBytes = maxBytes;
        StreamReadConstraints limits = StreamReadConstraints.builder()
                .maxNestingDepth(SpecReader.MAX_DEPTH)
                .maxStringLength(SpecReader.MAX_STRING_CHARS)
                .maxNameLength(SpecReader.MAX_STRING_CHARS)
                .maxDocumentLength(maxBytes)
                .build();
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(maxBytes);
        options.setNestingDepthLimit(SpecReader.MAX_DEPTH);
        options.setMaxAliasesForCollections(50);
        options.setAllowDuplicateKeys(false);
        this.yaml = numbersAsWritten(new ObjectMapper(YAMLFactory.builder().loaderOptions(options)
                .streamReadConstraints(limits)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build()));
        this.json = numbersAsWritten(new ObjectMapper(JsonFactory.builder()
                .streamReadConstraints(limits)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build()))
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /**
     * @param bytes    a spec's size, in bytes
     * @param maxBytes the limit, in bytes
     * @return the refusal's text, naming the setting
     */
    static String tooLarge(long bytes, long maxBytes) {
        return "the spec is " + bytes + " bytes, over the limit of " + maxBytes + " bytes (specforge.spec.max-bytes)";
    }

    /** Decimals as written: a default of 0.10 or a bound of 12345678901234567890.5 keep their digits. */
    private static ObjectMapper numbersAsWritten(ObjectMapper mapper) {
        return mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    }

    /**
     * Parses spec text into a tree, without interpreting it.
     *
     * @param content       the bytes: UTF-8 text (a leading byte order mark is skipped), at most the size limit
     * @param requireObject whether the root must be a mapping
     * @return the root node; {@code MissingNode} for a document without content when no mapping is required
     * @throws SpecException when the bytes are empty, only whitespace, over the limit, binary or not UTF-8, not
     *                       well-formed JSON or YAML, over a nesting, string or alias limit, hold a duplicate key,
     *                       or (when required) the root is no mapping; the location says where
     */
    JsonNode parse(byte[] content, boolean requireObject) {
        if (content.length == 0) {
            throw new SpecException(null, "the spec is empty (0 bytes)");
        }
        if (content.length > maxBytes) {
            throw new SpecException(null, tooLarge(content.length, maxBytes));
        }
        String text = decodeUtf8(content);
        if (text.isBlank()) {
            throw new SpecException(null, "the spec holds only whitespace");
        }
        JsonNode root = isJson(text) ? readJson(text) : readYaml(text);
        checkStrings(root, "");
        if (requireObject && (root == null || !root.isObject())) {
            throw new SpecException("/", "the document root must be a mapping (an object), found "
                    + (root == null ? "nothing" : root.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)));
        }
        return root == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : root;
    }

    /**
     * @return whether the text is JSON: it starts with an array, or with an object whose first key is quoted or that
     *         is empty (RFC 8259 sections 2 and 4: names are strings); an object whose first key is unquoted is a YAML
     *         flow mapping (<code>{openapi: 3.0.3, ...}</code>), read as YAML as before
     */
    private static boolean isJson(String text) {
        int i = skipWhitespace(text, 0);
        if (i < text.length() && text.charAt(i) == '[') {
            return true;
        }
        if (i >= text.length() || text.charAt(i) != '{') {
            return false;
        }
        int next = skipWhitespace(text, i + 1);
        return next >= text.length() || text.charAt(next) == '"' || text.charAt(next) == '}';
    }

    private static int skipWhitespace(String text, int from) {
        int i = from;
        while (i < text.length() && " \t\r\n\uFEFF".indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }

    private JsonNode readJson(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw notWellFormed("JSON", e);
        }
    }

    private JsonNode readYaml(String text) {
        try {
            return yaml.readTree(text);
        } catch (JsonProcessingException e) {
            throw notWellFormed("YAML", e);
        } catch (IOException e) {
            throw new SpecException(null, "cannot read the spec: " + e.getMessage());
        }
    }

    private static SpecException notWellFormed(String syntax, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 0 ? null : "line " + at.getLineNr() + ", column "
                + at.getColumnNr();
        return new SpecException(where, "not well-formed " + syntax + ": " + e.getOriginalMessage());
    }

    /**
     * Jackson's YAML parser does not apply {@code maxStringLength} to scalars, so the limit is checked on the tree.
     *
     * @throws SpecException for a key or string value over {@link #SpecReader.MAX_STRING_CHARS}, naming its JSON pointer
     */
    private static void checkStrings(JsonNode node, String pointer) {
        if (node == null) {
            return;
        }
        if (node.isTextual() && node.textValue().length() > SpecReader.MAX_STRING_CHARS) {
            throw new SpecException(pointer.isEmpty() ? "/" : pointer, "a string of " + node.textValue().length()
                    + " characters, over the limit of " + SpecReader.MAX_STRING_CHARS);
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
                if (f.getKey().length() > SpecReader.MAX_STRING_CHARS) {
                    throw new SpecException(pointer.isEmpty() ? "/" : pointer, "a key of " + f.getKey().length()
                            + " characters, over the limit of " + SpecReader.MAX_STRING_CHARS);
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
