package dev.specforge.llm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.specforge.plan.EnrichmentKind;

/**
 * One thing to ask: a kind applied to an entity or to one of its fields, with the filtered context the question
 * carries (never the whole spec; see {@link ContextFilter}).
 *
 * @param kind    the enrichment kind
 * @param entity  the entity's name in the project model
 * @param field   the field's name for per-field kinds, else {@code null}
 * @param context the item's context as sent to the provider (treat as immutable)
 * @param key     the cache key: SHA-256 (hex) of provider, model, system prompt, answer schema and context
 */
public record EnrichmentItem(EnrichmentKind kind, String entity, String field, ObjectNode context, String key) {

    /**
     * @return the item's answer schema, built from its context ({@link AnswerSchemas#item}) on each call rather than
     *         held: a spec of 10,000 entities plans tens of thousands of items, and only calls to a provider need
     *         their schemas (treat as immutable)
     */
    public ObjectNode schema() {
        return AnswerSchemas.item(kind, context);
    }

    /** @return {@code Entity} or {@code Entity.field}: unique per kind within a spec */
    public String subject() {
        return field == null ? entity : entity + "." + field;
    }

    /**
     * @param kind   a kind
     * @param entity an entity name
     * @param field  a field name or {@code null}
     * @return the lookup id of an item, {@code kind:Entity[.field]}
     */
    public static String id(EnrichmentKind kind, String entity, String field) {
        return kind.id() + ":" + (field == null ? entity : entity + "." + field);
    }

    /** @return {@link #id(EnrichmentKind, String, String)} of this item */
    public String id() {
        return id(kind, entity, field);
    }
}
