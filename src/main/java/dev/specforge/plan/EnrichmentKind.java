package dev.specforge.plan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * What an LLM (or the offline provider) can add to a generated file. A stack's outputs declare the kinds they
 * read ({@code enrich:} in {@code stack.yaml}); each kind has its answer rules and worked examples, the same for every
 * stack ({@code /llm/<id>.rules.md} in the jar), and a prompt template per stack
 * ({@code templates/<stack>/prompts/<id>.ftl}) that frames them. The answer schema of each item is built from its
 * context ({@code dev.specforge.llm.AnswerSchemas}).
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
    private final String rules;

    EnrichmentKind(String id, boolean perField) {
        this.id = id;
        this.perField = perField;
        try (InputStream in = EnrichmentKind.class.getResourceAsStream("/llm/" + id + ".rules.md")) {
            if (in == null) {
                throw new IllegalStateException("missing /llm/" + id + ".rules.md in the jar");
            }
            this.rules = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
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

    /**
     * @return the answer rules and worked examples of this kind (Markdown, byte-stable: part of every call's cached
     *         prompt prefix), for the stack's prompt template as {@code rules}
     */
    public String rules() {
        return rules;
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
