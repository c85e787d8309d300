package dev.specforge.llm;

import dev.specforge.plan.EnrichmentKind;

import java.util.List;

/**
 * Up to {@code specforge.llm.batch-size} cache-missing items of one kind, asked in one call (seed 001 #4, batch
 * generation). The Splitter of the enrichment stage runs batches in parallel; the limiter bounds them.
 *
 * @param kind   the items' kind
 * @param system the stable prompt prefix for the kind (instructions, schema, examples), rendered once per spec
 * @param items  the items, in plan order
 * @param ledger the spec's ledger the call's usage is booked to
 */
public record LlmBatch(EnrichmentKind kind, String system, List<EnrichmentItem> items, LlmLedger ledger) {

    public LlmBatch {
        items = List.copyOf(items);
    }
}
