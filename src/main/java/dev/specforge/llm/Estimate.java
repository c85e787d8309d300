package dev.specforge.llm;

import java.util.Map;

/**
 * What a spec's enrichment would cost, computed without calling any LLM (seed 001 #8, dry run).
 *
 * @param provider          the provider
 * @param model             the model
 * @param items             planned items
 * @param itemsByKind       planned items per kind id
 * @param expectedCacheHits items already in the durable (L2) cache
 * @param calls             calls after cache hits and batching ({@code specforge.llm.batch-size})
 * @param inputTokens       estimated input tokens (about 4 characters per token, OpenAI's rule of thumb, over the
 *                          exact prompts the calls would send)
 * @param outputTokens      estimated output tokens (the same rule over answers shaped like the offline provider's)
 * @param cachedInputTokens estimated prompt-cache reads: the stable prefix of every call after the first per kind
 * @param cacheWriteTokens  estimated prompt-cache writes (Anthropic: the prefix of the first call per kind)
 * @param costUsd           estimated cost in USD, from the configured prices
 * @param durationMs        estimated wall time in ms: the larger of the rate bound
 *                          (max(0, calls - rpm) x 60 000 / rpm + latency) and calls / concurrency x latency,
 *                          with {@code specforge.llm.expected-latency-ms}
 */
public record Estimate(String provider, String model, int items, Map<String, Integer> itemsByKind,
                       int expectedCacheHits, int calls, long inputTokens, long outputTokens, long cachedInputTokens,
                       long cacheWriteTokens, double costUsd, long durationMs) {
}
