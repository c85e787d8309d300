package dev.specforge.llm;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The ledger's figures as Micrometer meters, process-wide (all specs), tagged with the provider:
 * {@code specforge.llm.requests} (tag {@code outcome}: ok, invalid, rate_limited, error), {@code specforge.llm.tokens}
 * (tag {@code type}: input, output, cached_input, cache_write), {@code specforge.llm.cost} (USD),
 * {@code specforge.llm.cache} (tag {@code result}: hit_l1, hit_l2, miss), {@code specforge.llm.items} (tag
 * {@code source}: llm, offline, fallback, batched). Thread-safe.
 */
public final class LlmMetrics {

    private final MeterRegistry registry;
    private final String provider;

    /**
     * @param registry the registry (bound as {@code metricsRegistry}, camel-micrometer's default name)
     * @param provider the provider id, a tag on every meter
     */
    public LlmMetrics(MeterRegistry registry, Provider provider) {
        this.registry = registry;
        this.provider = provider.id();
    }

    void request(String outcome) {
        counter("specforge.llm.requests", "outcome", outcome).increment();
    }

    void usage(Usage u, Prices prices) {
        counter("specforge.llm.tokens", "type", "input").increment(u.inputTokens());
        counter("specforge.llm.tokens", "type", "output").increment(u.outputTokens());
        counter("specforge.llm.tokens", "type", "cached_input").increment(u.cachedInputTokens());
        counter("specforge.llm.tokens", "type", "cache_write").increment(u.cacheWriteTokens());
        Counter.builder("specforge.llm.cost").baseUnit("usd").tag("provider", provider).register(registry)
                .increment(prices.costUsd(u));
    }

    void cache(String result, int n) {
        counter("specforge.llm.cache", "result", result).increment(n);
    }

    void items(String source, int n) {
        counter("specforge.llm.items", "source", source).increment(n);
    }

    private Counter counter(String name, String tag, String value) {
        return Counter.builder(name).tag("provider", provider).tag(tag, value).register(registry);
    }
}
