package dev.specforge.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.specforge.plan.EnrichmentKind;
import dev.specforge.plan.FileTask;
import dev.specforge.plan.StackManifest;
import dev.specforge.spec.ProjectModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The enrichment stage ({@code direct:enrich}) as plain Java (the route calls it through {@code EnrichSteps}). One
 * instance serves every spec in flight. Per spec:
 * <ol>
 *   <li>{@link #start}: the items the planned files read (a kind declared by an output, for the entity in scope),
 *       each with its filtered context ({@link ContextFilter}) and cache key ({@link ItemPlanner}); with the
 *       offline provider every item is answered here;</li>
 *   <li>the L1 lookup (camel-caffeine, in the route) feeds {@link #batches}, which reads L2 ({@link DiskAnswerCache})
 *       for the rest, joins identical requests already in flight (single-flight, across specs), and groups the
 *       remaining misses by kind into batches of {@code specforge.llm.batch-size}, items of the same answer schema
 *       together ({@link LlmBatch#split});</li>
 *   <li>{@link #ask} runs one batch (the route's Splitter runs them in parallel) and caches each item's answer on
 *       its own, so an item fetched in a batch is a hit later whatever batch asks for it;</li>
 *   <li>{@link #finish} waits for joined requests, falls back to the offline provider for anything unanswered,
 *       and returns the answers.</li>
 * </ol>
 * {@link #estimate} is the dry run of those steps ({@link CallEstimator}). Thread-safe.
 */
public final class Enricher {

    private static final Logger LOG = LoggerFactory.getLogger(Enricher.class);

    /**
     * Settings.
     *
     * @param provider      the provider
     * @param model         the model ({@code offline} for the offline provider)
     * @param prices        token prices
     * @param batchSize     items per call, at least 1
     * @param contextDepth  reference hops in a per-entity context
     * @param specTimeoutMs the per-spec deadline for enrichment, in ms ({@code specforge.spec.timeout-ms})
     * @param rpm           the limiter's requests per minute (for estimates)
     * @param concurrency   the limiter's concurrency (for estimates)
     * @param latencyMs     the expected latency of one call, in ms ({@code specforge.llm.expected-latency-ms})
     */
    public record Settings(Provider provider, String model, Prices prices, int batchSize, int contextDepth,
                           long specTimeoutMs, int rpm, int concurrency, long latencyMs) {
    }

    private final Settings settings;
    private final LlmClient client;
    private final DiskAnswerCache l2;
    private final ItemPlanner planner;
    private final CallEstimator estimator;
    private final OfflineProvider offline = new OfflineProvider();
    private final LlmMetrics metrics;
    private final Map<String, CompletableFuture<JsonNode>> inFlight = new ConcurrentHashMap<>();
    /** Held while one spec claims its misses in {@link #inFlight} (see {@link #batches}). */
    private final Object claiming = new Object();

    /**
     * @param settings settings
     * @param client   the LLM client, or {@code null} for the offline provider
     * @param l2       the durable answer cache
     * @param prompts  the renderer for {@code templates/<stack>/prompts/<kind>.ftl}
     * @param metrics  meters
     */
    public Enricher(Settings settings, LlmClient client, DiskAnswerCache l2, PromptRenderer prompts,
                    LlmMetrics metrics) {
        this.settings = settings;
        this.client = client;
        this.l2 = l2;
        this.metrics = metrics;
        this.planner = new ItemPlanner(settings, prompts);
        this.estimator = new CallEstimator(settings, client == null, l2);
    }

    /** @return the settings */
    public Settings settings() {
        return settings;
    }

    /**
     * Plans the items of a spec.
     *
     * @param model the project model
     * @param stack the stack
     * @param tasks the planned files
     * @return the spec's enrichment state; with the offline provider, already complete
     * @throws RuntimeException the {@link PromptRenderer}'s, when a prompt template fails to render
     */
    public EnrichmentRun start(ProjectModel model, StackManifest stack, List<FileTask> tasks) {
        EnrichmentRun run = planner.plan(model, stack, tasks, System.nanoTime());
        if (client == null) {
            for (EnrichmentItem item : run.items()) {
                run.answers.put(item.id(), new Enrichments.Answer(offline.answer(item.kind(), item.context()),
                        Enrichments.Source.OFFLINE));
            }
            run.ledger().offline(run.items().size());
            metrics.items("offline", run.items().size());
        }
        return run;
    }

    /**
     * Takes the L1 hits, reads L2 for the rest, joins identical requests in flight, and batches what is left.
     *
     * @param run    the spec's state
     * @param l1Hits answers found in the L1 cache, by key (may be empty)
     * @return the batches to ask, grouped by kind, in plan order
     */
    public List<LlmBatch> batches(EnrichmentRun run, Map<String, ?> l1Hits) {
        Map<EnrichmentKind, List<EnrichmentItem>> misses = new EnumMap<>(EnrichmentKind.class);
        int fromL1 = 0;
        int fromL2 = 0;
        List<EnrichmentItem> candidates = new ArrayList<>();
        for (EnrichmentItem item : run.items()) {
            if (run.answers.containsKey(item.id())) {
                continue;
            }
            Object hit = l1Hits.get(item.key());
            if (hit instanceof JsonNode answer) {
                cached(run, item, answer);
                fromL1++;
                continue;
            }
            JsonNode stored = l2.get(item.key());
            if (stored != null) {
                cached(run, item, stored);
                run.forL1.put(item.key(), stored);
                fromL2++;
                continue;
            }
            candidates.add(item);
        }
        // claim one spec's misses in one step: identical specs arriving together then join whole batches instead
        // of splitting them between themselves (more, smaller calls); only map operations happen under the lock
        Map<EnrichmentItem, CompletableFuture<JsonNode>> claimed = new LinkedHashMap<>();
        synchronized (claiming) {
            for (EnrichmentItem item : candidates) {
                CompletableFuture<JsonNode> mine = new CompletableFuture<>();
                CompletableFuture<JsonNode> theirs = inFlight.putIfAbsent(item.key(), mine);
                if (theirs != null) {
                    run.waiting.put(item, theirs);
                } else {
                    claimed.put(item, mine);
                }
            }
        }
        for (Map.Entry<EnrichmentItem, CompletableFuture<JsonNode>> c : claimed.entrySet()) {
            EnrichmentItem item = c.getKey();
            CompletableFuture<JsonNode> mine = c.getValue();
            JsonNode late = l2.get(item.key());
            if (late != null) {
                inFlight.remove(item.key(), mine);
                mine.complete(late);
                cached(run, item, late);
                fromL2++;
                continue;
            }
            run.owned.put(item.key(), mine);
            misses.computeIfAbsent(item.kind(), k -> new ArrayList<>()).add(item);
            run.ledger().cacheMiss();
        }
        metrics.cache("hit_l1", fromL1);
        metrics.cache("hit_l2", fromL2);
        List<LlmBatch> batches = new ArrayList<>();
        int missCount = 0;
        for (Map.Entry<EnrichmentKind, List<EnrichmentItem>> en : misses.entrySet()) {
            List<EnrichmentItem> list = en.getValue();
            missCount += list.size();
            for (List<EnrichmentItem> part : LlmBatch.split(list, settings.batchSize())) {
                batches.add(new LlmBatch(en.getKey(), run.systemPrompt(en.getKey()), part, run.ledger()));
                if (part.size() > 1) {
                    run.ledger().batched(part.size());
                }
            }
        }
        metrics.cache("miss", missCount);
        if (client != null) {
            LOG.info("enrichment: {} items, {} from L1, {} from L2, {} joined in flight, {} to ask in {} calls",
                    run.items().size(), fromL1, fromL2, run.waiting.size(), missCount, batches.size());
        }
        return batches;
    }

    private static void cached(EnrichmentRun run, EnrichmentItem item, JsonNode answer) {
        run.answers.put(item.id(), new Enrichments.Answer(answer, Enrichments.Source.CACHE));
        run.ledger().cacheHit();
    }

    /**
     * Asks one batch; stores each valid answer in L2 and in the run, and completes the in-flight futures so joined
     * requests get the answer. Items left unanswered fall back to the offline provider.
     *
     * @param run   the spec's state
     * @param batch one of the batches from {@link #batches}
     * @throws InterruptedException when interrupted while waiting for the limiter or a backoff
     */
    public void ask(EnrichmentRun run, LlmBatch batch) throws InterruptedException {
        Map<String, JsonNode> valid = Map.of();
        try {
            valid = client.ask(batch, run.deadlineNanos());
        } finally {
            for (EnrichmentItem item : batch.items()) {
                JsonNode answer = valid.get(item.id());
                CompletableFuture<JsonNode> future = inFlight.get(item.key());
                if (answer != null) {
                    l2.put(item.key(), item.kind(), answer);
                    run.forL1.put(item.key(), answer);
                    run.answers.put(item.id(), new Enrichments.Answer(answer, Enrichments.Source.LLM));
                } else {
                    fallback(run, item);
                }
                if (future != null) {
                    inFlight.remove(item.key(), future);
                    future.complete(answer);
                }
                run.owned.remove(item.key());
            }
            metrics.items("llm", valid.size());
        }
    }

    private void fallback(EnrichmentRun run, EnrichmentItem item) {
        run.answers.put(item.id(), new Enrichments.Answer(offline.answer(item.kind(), item.context()),
                Enrichments.Source.FALLBACK));
        run.ledger().fallback();
        metrics.items("fallback", 1);
    }

    /**
     * Releases the in-flight requests a spec claimed but never asked (its enrichment failed part-way), so specs that
     * joined them fall back at once instead of waiting for their deadline. Harmless after a normal finish.
     *
     * @param run the spec's state
     */
    public void release(EnrichmentRun run) {
        run.owned.forEach((key, future) -> {
            inFlight.remove(key, future);
            future.complete(null);
        });
        run.owned.clear();
    }

    /**
     * Waits (until the spec's deadline) for the requests this spec joined, falls back for anything unanswered, and
     * closes the ledger's wall time.
     *
     * @param run the spec's state
     * @return the answers of every planned item
     * @throws InterruptedException when interrupted while waiting
     */
    public Enrichments finish(EnrichmentRun run) throws InterruptedException {
        for (Map.Entry<EnrichmentItem, CompletableFuture<JsonNode>> en : run.waiting.entrySet()) {
            EnrichmentItem item = en.getKey();
            JsonNode answer = null;
            try {
                long left = Math.max(0, run.deadlineNanos() - System.nanoTime());
                answer = en.getValue().get(left, TimeUnit.NANOSECONDS);
            } catch (ExecutionException | TimeoutException e) {
                LOG.warn("{}: the joined request failed or passed the deadline ({}); falling back", item.subject(),
                        e.getClass().getSimpleName());
            }
            if (answer != null) {
                run.answers.put(item.id(), new Enrichments.Answer(answer, Enrichments.Source.CACHE));
                run.ledger().cacheHit();
            } else {
                fallback(run, item);
            }
        }
        for (EnrichmentItem item : run.items()) {
            if (!run.answers.containsKey(item.id())) {
                fallback(run, item);
            }
        }
        run.ledger().wall(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - run.startNanos()));
        return new Enrichments(run.answers);
    }

    /**
     * Dry run: what {@link #batches} and {@link #ask} would do, without calling anything or claiming in-flight
     * requests. Builds the exact prompts of the calls to count their tokens.
     *
     * @param run a spec's state from {@link #start}
     * @return the estimate (all zero for the offline provider)
     */
    public Estimate estimate(EnrichmentRun run) {
        return estimator.estimate(run);
    }
}
