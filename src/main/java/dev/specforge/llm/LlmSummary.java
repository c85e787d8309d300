package dev.specforge.llm;

/**
 * The cost ledger of a spec's enrichment as its report carries it: the {@code llm} object of
 * {@code <base>.report.json} ({@code dev.specforge.assemble.RunReport#llm}), made by {@link LlmLedger#summary}
 * (seed 001: template ratio; seed 000: cost per generation).
 *
 * @param provider          {@code offline}, {@code openai} or {@code anthropic}
 * @param model             the model
 * @param items             enrichment items the files read
 * @param offlineItems      items answered by the offline provider as the configured provider
 * @param requests          HTTP calls made (each retry counts)
 * @param cacheHits         items answered from the L1/L2 cache or by an identical request in flight
 * @param cacheMisses       items that had to be asked
 * @param batchedItems      items asked in calls of two or more items
 * @param retries           repeated attempts after invalid answers
 * @param rateLimited       429/529 answers seen
 * @param inputTokens       input tokens, at any rate
 * @param outputTokens      output tokens
 * @param cachedInputTokens input tokens read from the provider's prompt cache
 * @param cacheWriteTokens  input tokens written to the provider's prompt cache
 * @param costUsd           cost in USD from {@code specforge.llm.price.*}
 * @param fallbacks         items answered by the offline provider after the LLM failed
 * @param templateFiles     files that read no LLM answer
 * @param llmFiles          files that read at least one LLM answer (fresh or cached)
 * @param durationMs        wall time of the enrichment stage, in ms
 */
public record LlmSummary(String provider, String model, long items, long offlineItems, long requests, long cacheHits,
                         long cacheMisses, long batchedItems, long retries, long rateLimited, long inputTokens,
                         long outputTokens, long cachedInputTokens, long cacheWriteTokens, double costUsd,
                         long fallbacks, int templateFiles, int llmFiles, long durationMs) {
}
