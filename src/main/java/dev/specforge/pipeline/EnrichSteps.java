package dev.specforge.pipeline;

import dev.specforge.llm.Enricher;
import dev.specforge.llm.EnrichmentRun;
import dev.specforge.llm.LlmBatch;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;

import java.util.List;
import java.util.Map;

/**
 * The Camel side of the {@link Stage#ENRICH} stage: the bean the steps of {@code direct:enrich}
 * ({@code routes/enrich.camel.yaml}) call. The {@link SpecRun} travels in the {@value SpecRun#PROPERTY} property;
 * the body flows from the enrichment work ({@link EnrichmentRun}) to the L1 lookup (camel-caffeine
 * {@code GET_ALL}), the batches (for the {@code enrich-split} Splitter), the answers to cache ({@code PUT_ALL}) and,
 * at the end, the file tasks, ready to render.
 */
public final class EnrichSteps {

    /** camel-caffeine's action header ({@code CaffeineConstants.ACTION}). */
    static final String CACHE_ACTION = "CamelCaffeineAction";
    /** camel-caffeine's keys header for GET_ALL ({@code CaffeineConstants.KEYS}). */
    static final String CACHE_KEYS = "CamelCaffeineKeys";

    private final Generator generator;

    /** @param generator the generation core (its {@link Enricher}) */
    public EnrichSteps(Generator generator) {
        this.generator = generator;
    }

    /**
     * In: the spec's enrichment work. Out: headers for a camel-caffeine {@code GET_ALL} of the keys of the items not
     * answered yet.
     *
     * @param enrichment the enrichment work, from {@link GenerateSteps#plan}
     * @param exchange   the spec's exchange
     */
    public void lookup(@Body EnrichmentRun enrichment, Exchange exchange) {
        exchange.getMessage().setHeader(CACHE_ACTION, "GET_ALL");
        exchange.getMessage().setHeader(CACHE_KEYS, enrichment.pendingKeys());
    }

    /**
     * In: the L1 hits ({@code Map} key to answer). Out: the {@code List<LlmBatch>} for the Splitter.
     *
     * @param exchange the spec's exchange
     */
    public void batches(Exchange exchange) {
        SpecRun run = exchange.getProperty(SpecRun.PROPERTY, SpecRun.class);
        Map<?, ?> hits = exchange.getMessage().getBody(Map.class);
        @SuppressWarnings("unchecked")
        Map<String, ?> l1 = hits == null ? Map.of() : (Map<String, ?>) hits;
        List<LlmBatch> batches = generator.enricher().batches(run.enrichment(), l1);
        exchange.getExchangeExtension().addOnCompletion(new org.apache.camel.support.SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                generator.enricher().release(run.enrichment());
            }
        });
        exchange.getMessage().removeHeader(CACHE_KEYS);
        exchange.getMessage().setBody(batches);
    }

    /**
     * One Splitter part: ask one batch.
     *
     * @param batch the batch
     * @param run   the spec's run
     * @throws InterruptedException  when interrupted while waiting for the limiter or a backoff
     * @throws RunCancelledException when the run was cancelled (no further call is made)
     */
    public void ask(@Body LlmBatch batch, @ExchangeProperty(SpecRun.PROPERTY) SpecRun run) throws InterruptedException {
        if (run.cancelled()) {
            throw new RunCancelledException(run.specName());
        }
        generator.enricher().ask(run.enrichment(), batch);
    }

    /**
     * Waits for joined requests, applies fallbacks, builds the template model. Out: a camel-caffeine
     * {@code PUT_ALL} of the answers this spec fetched or read from L2.
     *
     * @param exchange the spec's exchange, after the Splitter
     * @throws InterruptedException when interrupted while waiting
     */
    public void collect(Exchange exchange) throws InterruptedException {
        SpecRun run = exchange.getProperty(SpecRun.PROPERTY, SpecRun.class);
        EnrichmentRun state = run.enrichment();
        generator.enriched(run, generator.enricher().finish(state));
        exchange.getMessage().setHeader(CACHE_ACTION, "PUT_ALL");
        exchange.getMessage().setBody(state.forL1());
    }

    /**
     * Ends the stage: the run moves to {@link Stage#RENDER}. Out: the file tasks for the render Splitter, the
     * camel-caffeine headers removed.
     *
     * @param exchange the spec's exchange, after {@code PUT_ALL}
     */
    public void tasks(Exchange exchange) {
        SpecRun run = exchange.getProperty(SpecRun.PROPERTY, SpecRun.class);
        exchange.getMessage().removeHeaders("CamelCaffeine*");
        run.stage(Stage.RENDER);
        exchange.getMessage().setBody(run.tasks());
    }
}
