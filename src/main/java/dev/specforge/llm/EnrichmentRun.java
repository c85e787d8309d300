package dev.specforge.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.specforge.plan.EnrichmentKind;
import dev.specforge.plan.FileTask;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The enrichment state of one spec, between {@link Enricher#start} and {@link Enricher#finish}. Thread-safe: the
 * spec's batches complete in parallel.
 */
public final class EnrichmentRun {

    private final List<EnrichmentItem> items;
    private final List<List<String>> idsByTask;
    private final Map<EnrichmentKind, String> systemPrompts;
    private final LlmLedger ledger;
    private final long startNanos;
    private final long deadlineNanos;
    final Map<String, Enrichments.Answer> answers = new ConcurrentHashMap<>();
    /** items whose key another request (of this or another spec) was already asking: their futures */
    final Map<EnrichmentItem, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();
    /** the in-flight futures this spec claimed (single-flight owner), by key */
    final Map<String, CompletableFuture<JsonNode>> owned = new ConcurrentHashMap<>();
    /** answers fetched or read from L2 by this spec, to put into the L1 cache */
    final Map<String, Object> forL1 = new ConcurrentHashMap<>();

    EnrichmentRun(List<EnrichmentItem> items, List<List<String>> idsByTask, Map<EnrichmentKind, String> systemPrompts,
                  LlmLedger ledger, long startNanos, long deadlineNanos) {
        this.items = List.copyOf(items);
        this.idsByTask = List.copyOf(idsByTask);
        this.systemPrompts = Map.copyOf(systemPrompts);
        this.ledger = ledger;
        this.startNanos = startNanos;
        this.deadlineNanos = deadlineNanos;
    }

    /** @return every planned item, in plan order */
    public List<EnrichmentItem> items() {
        return items;
    }

    /**
     * @param task one of the spec's planned files
     * @return the ids of the items it reads ({@link EnrichmentItem#id()}), computed once at planning
     */
    public List<String> itemIds(FileTask task) {
        return idsByTask.get(task.index());
    }

    /** @return the cache keys of the items not answered yet (for the L1 lookup) */
    public Set<String> pendingKeys() {
        return items.stream().filter(i -> !answers.containsKey(i.id())).map(EnrichmentItem::key)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    /** @return the answers to put into the L1 cache, by key */
    public Map<String, Object> forL1() {
        return Map.copyOf(forL1);
    }

    /** @return the spec's ledger */
    public LlmLedger ledger() {
        return ledger;
    }

    String systemPrompt(EnrichmentKind kind) {
        return systemPrompts.get(kind);
    }

    long startNanos() {
        return startNanos;
    }

    long deadlineNanos() {
        return deadlineNanos;
    }
}
