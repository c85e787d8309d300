package dev.specforge.llm;

import dev.specforge.plan.EnrichmentKind;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dry run of {@link Enricher}: what its batching and calls would do for a planned spec, without calling
 * anything or claiming in-flight requests. Builds the exact prompts of the calls to count their tokens. Thread-safe.
 */
final class CallEstimator {

    private final Enricher.Settings settings;
    private final boolean offlineOnly;
    private final DiskAnswerCache l2;
    private final OfflineProvider offline = new OfflineProvider();

    /**
     * @param settings    the enrichment's settings
     * @param offlineOnly whether the offline provider answers everything (no LLM client)
     * @param l2          the durable answer cache, to count what would be a hit
     */
    CallEstimator(Enricher.Settings settings, boolean offlineOnly, DiskAnswerCache l2) {
        this.settings = settings;
        this.offlineOnly = offlineOnly;
        this.l2 = l2;
    }

    /**
     * @param run a spec's state from {@link Enricher#start}
     * @return the estimate (all zero for the offline provider)
     */
    Estimate estimate(EnrichmentRun run) {
        int rpm = settings.rpm();
        int concurrency = settings.concurrency();
        long latencyMs = settings.latencyMs();
        Map<String, Integer> byKind = new LinkedHashMap<>();
        run.items().forEach(i -> byKind.merge(i.kind().id(), 1, Integer::sum));
        if (offlineOnly) {
            return new Estimate(settings.provider().id(), settings.model(), run.items().size(), byKind, 0, 0, 0, 0,
                    0, 0, 0, 0);
        }
        Map<EnrichmentKind, List<EnrichmentItem>> misses = new EnumMap<>(EnrichmentKind.class);
        int hits = 0;
        for (EnrichmentItem item : run.items()) {
            if (l2.get(item.key()) != null) {
                hits++;
            } else {
                misses.computeIfAbsent(item.kind(), k -> new ArrayList<>()).add(item);
            }
        }
        int calls = 0;
        Usage usage = Usage.NONE;
        boolean anthropic = settings.provider() == Provider.ANTHROPIC;
        Set<String> seenPrefixes = new HashSet<>();
        for (Map.Entry<EnrichmentKind, List<EnrichmentItem>> en : misses.entrySet()) {
            EnrichmentKind kind = en.getKey();
            String system = run.systemPrompt(kind);
            for (List<EnrichmentItem> part : LlmBatch.split(en.getValue(), settings.batchSize())) {
                Map<String, EnrichmentItem> byId = new LinkedHashMap<>();
                StringBuilder answers = new StringBuilder();
                for (EnrichmentItem item : part) {
                    String id = "i" + (byId.size() + 1);
                    byId.put(id, item);
                    answers.append('"').append(id).append("\":")
                            .append(offline.answer(kind, item.context()).toString()).append(',');
                }
                String schema = AnswerSchemas.batch(part.stream().map(EnrichmentItem::schema).toList()).toString();
                // both providers' cached prefix starts with the answer schema, then the system prompt
                long prefix = tokens(schema + system);
                boolean repeat = !seenPrefixes.add(schema + system);
                long input = tokens(schema + system + LlmClient.userMessage(byId, null));
                long cached = !repeat ? 0 : anthropic ? (prefix >= 1024 ? prefix : 0) : openAiCached(prefix);
                long written = !repeat && anthropic && prefix >= 1024 ? prefix : 0;
                usage = usage.plus(new Usage(input, tokens("{" + answers + "}"), cached, written));
                calls++;
            }
        }
        long latency = Math.max(0, latencyMs);
        long rateBound = Math.max(0, calls - rpm) * 60_000L / rpm + (calls > 0 ? latency : 0);
        long concurrencyBound = (calls + concurrency - 1) / concurrency * latency;
        return new Estimate(settings.provider().id(), settings.model(), run.items().size(), byKind, hits, calls,
                usage.inputTokens(), usage.outputTokens(), usage.cachedInputTokens(), usage.cacheWriteTokens(),
                Math.round(settings.prices().costUsd(usage) * 1_000_000d) / 1_000_000d,
                Math.max(rateBound, concurrencyBound));
    }

    /**
     * @param prefixTokens tokens of a stable prompt prefix
     * @return the tokens OpenAI serves from its prompt cache for it: none under 1,024, else in 128-token steps
     *         (OpenAI guide "Prompt caching")
     */
    static long openAiCached(long prefixTokens) {
        return prefixTokens < 1024 ? 0 : prefixTokens / 128 * 128;
    }

    /**
     * @param text some text
     * @return its approximate token count: characters / 4, rounded up (OpenAI, "What are tokens and how to count
     *         them": one token is about 4 characters of English text)
     */
    static long tokens(String text) {
        return (text.length() + 3) / 4;
    }
}
