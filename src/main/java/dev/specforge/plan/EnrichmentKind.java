package dev.specforge.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;

/**
 * What an LLM (or the offline provider) can add to a generated file. A stack's outputs declare the kinds they
 * read ({@code enrich:} in {@code stack.yaml}); each kind has a strict, closed JSON Schema for the answer of one item
 * ({@code /llm/<id>.schema.json} in the jar) and a prompt template per stack ({@code templates/<stack>/prompts/<id>.ftl}).
 */
public enum EnrichmentKind {

    /** Per field: Bean Validation constraints and an example value; feeds the record's annotations and Javadoc. */
    FIELD_VALIDATORS("field-validators", true),
    /** Per entity: a description; feeds Javadoc and the README. Only asked for entities the spec leaves undescribed. */
    ENTITY_DOCS("entity-docs", false),
    /** Per entity: a few realistic JSON instances; feeds test fixtures. */
    SAMPLE_DATA("sample-data", false);

    private final String id;
    private final boolean perField;
    private final JsonNode schema;

    EnrichmentKind(String id, boolean perField) {
        this.id = id;
        this.perField = perField;
        try (InputStream in = EnrichmentKind.class.getResourceAsStream("/llm/" + id + ".schema.json")) {
            if (in == null) {
                throw new IllegalStateException("missing /llm/" + id + ".schema.json in the jar");
            }
            JsonNode s = new ObjectMapper().readTree(in);
            ((com.fasterxml.jackson.databind.node.ObjectNode) s).remove("$comment");
            this.schema = s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the id used in {@code stack.yaml}, prompts and reports, e.g. {@code field-validators} */
    public String id() {
        return id;
    }

    /** @return the name of the structured-output schema / forced tool, e.g. {@code field_validators} */
    public String toolName() {
        return id.replace('-', '_');
    }

    /** @return {@code true} for one item per field, {@code false} for one item per entity */
    public boolean perField() {
        return perField;
    }

    /** @return the JSON Schema of one item's answer (shared, do not modify) */
    public JsonNode schema() {
        return schema;
    }

    /**
     * @param id a kind id such as {@code entity-docs}
     * @return the kind
     * @throws IllegalArgumentException naming the known kinds when {@code id} is not one
     */
    public static EnrichmentKind of(String id) {
        for (EnrichmentKind k : values()) {
            if (k.id.equals(id.toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown enrichment kind '" + id + "'; known kinds: "
                + String.join(", ", Arrays.stream(values()).map(EnrichmentKind::id).toList()));
    }
}
