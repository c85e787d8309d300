package dev.specforge.llm;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The cost ledger of one spec: what its enrichment asked, what came from caches, what it cost. Thread-safe (the
 * batches of a spec run in parallel).
 */
public final class LlmLedger {

    private final Provider provider;
    private final String model;
    private final Prices prices;
    private final LongAdder items = new LongAdder();
    private final LongAdder offlineItems = new LongAdder();
    private final LongAdder requests = new LongAdder();
    private final LongAdder cacheHits = new LongAdder();
    private final LongAdder cacheMisses = new LongAdder();
    private final LongAdder batchedItems = new LongAdder();
    private final LongAdder fallbacks = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder rateLimited = new LongAdder();
    private final LongAdder inputTokens = new LongAdder();
    private final LongAdder outputTokens = new LongAdder();
    private final LongAdder cachedInputTokens = new LongAdder();
    private final LongAdder cacheWriteTokens = new LongAdder();
    private final AtomicLong wallMs = new AtomicLong();

    /**
     * @param provider the provider in use
     * @param model    the model ({@code offline} for the offline provider)
     * @param prices   prices to cost the usage with
     */
    public LlmLedger(Provider provider, String model, Prices prices) {
        this.provider = provider;
        this.model = model;
        this.prices = prices;
    }

    void items(int n) {
        items.add(n);
    }

    void offline(int n) {
        offlineItems.add(n);
    }

    void cacheHit() {
        cacheHits.increment();
    }

    void cacheMiss() {
        cacheMisses.increment();
    }

    void batched(int n) {
        batchedItems.add(n);
    }

    void fallback() {
        fallbacks.increment();
    }

    void retry() {
        retries.increment();
    }

    void rateLimited() {
        rateLimited.increment();
    }

    void request(Usage u) {
        requests.increment();
        inputTokens.add(u.inputTokens());
        outputTokens.add(u.outputTokens());
        cachedInputTokens.add(u.cachedInputTokens());
        cacheWriteTokens.add(u.cacheWriteTokens());
    }

    void wall(long ms) {
        wallMs.set(ms);
    }

    /** @return the token usage so far */
    public Usage usage() {
        return new Usage(inputTokens.sum(), outputTokens.sum(), cachedInputTokens.sum(), cacheWriteTokens.sum());
    }

    /** @return the HTTP calls made so far (each attempt counts) */
    public long requests() {
        return requests.sum();
    }

    /**
     * @param templateFiles files whose content needed no LLM answer
     * @param llmFiles      files that read at least one LLM answer (fresh or cached)
     * @return the report's {@code llm} object
     */
    public LlmSummary summary(int templateFiles, int llmFiles) {
        Usage u = usage();
        return new LlmSummary(provider.id(), model, items.sum(), offlineItems.sum(), requests.sum(), cacheHits.sum(),
                cacheMisses.sum(), batchedItems.sum(), retries.sum(), rateLimited.sum(), u.inputTokens(),
                u.outputTokens(), u.cachedInputTokens(), u.cacheWriteTokens(),
                Math.round(prices.costUsd(u) * 1_000_000d) / 1_000_000d, fallbacks.sum(), templateFiles, llmFiles,
                wallMs.get());
    }
}
