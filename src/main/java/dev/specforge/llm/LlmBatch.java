package dev.specforge.llm;

import dev.specforge.plan.EnrichmentKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Up to {@code specforge.llm.batch-size} cache-missing items of one kind, asked in one call (seed 001 #4, batch
 * generation). The Splitter of the enrichment stage runs batches in parallel; the limiter bounds them.
 *
 * @param kind   the items' kind
 * @param system the stable prompt prefix for the kind (instructions, the kind's rules, worked examples), rendered
 *               once per stack and kind
 * @param items  the items, in the order {@link #split} gives
 * @param ledger the spec's ledger the call's usage is booked to
 */
public record LlmBatch(EnrichmentKind kind, String system, List<EnrichmentItem> items, LlmLedger ledger) {

    public LlmBatch {
        items = List.copyOf(items);
    }

    /**
     * Splits one kind's items into batches so that as many calls as possible send the same answer schema: items are
     * grouped by their answer schema, each group gives full batches of its own, and the groups' remainders are
     * batched together in plan order. Both providers put the answer schema before the system prompt in the cached
     * prefix ({@link AnswerSchemas#batch}), so only calls with byte-identical schemas can read each other's cache;
     * field-validators items share one schema per field type, and entity-docs items all share one. The number of
     * calls is the same as plain slicing, {@code ceil(items / size)}, plus at most one per group.
     *
     * @param items one kind's items, in plan order
     * @param size  items per batch, at least 1 ({@code specforge.llm.batch-size})
     * @return the batches' items
     */
    static List<List<EnrichmentItem>> split(List<EnrichmentItem> items, int size) {
        Map<String, List<EnrichmentItem>> bySchema = new LinkedHashMap<>();
        for (EnrichmentItem item : items) {
            bySchema.computeIfAbsent(item.schema().toString(), k -> new ArrayList<>()).add(item);
        }
        List<List<EnrichmentItem>> out = new ArrayList<>();
        List<EnrichmentItem> rest = new ArrayList<>();
        for (List<EnrichmentItem> group : bySchema.values()) {
            int full = group.size() / size * size;
            for (int i = 0; i < full; i += size) {
                out.add(group.subList(i, i + size));
            }
            rest.addAll(group.subList(full, group.size()));
        }
        for (int i = 0; i < rest.size(); i += size) {
            out.add(rest.subList(i, Math.min(rest.size(), i + size)));
        }
        return out;
    }
}
