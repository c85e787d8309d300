package dev.specforge.pipeline;

import dev.specforge.llm.EnrichmentRun;
import dev.specforge.llm.Enrichments;
import dev.specforge.plan.FileTask;
import dev.specforge.plan.StackManifest;
import dev.specforge.render.TemplateModels;
import dev.specforge.spec.ProjectModel;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The state of one spec going through the pipeline, shared (by reference) by the Splitter's parallel parts.
 * Everything is immutable except the concurrency gauges, which are atomic, and the enrichment answers with the
 * template model built from them, which are set once (before the Splitter starts) by {@link Generator#enriched}.
 */
public final class SpecRun {

    private final String specName;
    private final ProjectModel model;
    private final StackManifest stack;
    private final List<FileTask> tasks;
    private final EnrichmentRun enrichment;
    private final long startNanos;
    private volatile Enrichments enrichments = Enrichments.NONE;
    private volatile TemplateModels.Base templateModel;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final AtomicInteger filesDone = new AtomicInteger();
    private volatile String phase = "enrich";
    private volatile long renderStartNanos;
    private volatile boolean cancelled;
    private final String resultKey;

    SpecRun(String specName, ProjectModel model, StackManifest stack, List<FileTask> tasks,
            EnrichmentRun enrichment, long startNanos, String resultKey) {
        this.resultKey = resultKey;
        this.specName = specName;
        this.model = model;
        this.stack = stack;
        this.tasks = List.copyOf(tasks);
        this.enrichment = enrichment;
        this.startNanos = startNanos;
    }

    /** @return the spec's file name, e.g. {@code petstore.yaml} */
    public String specName() {
        return specName;
    }

    /**
     * @return the spec's key in the durable result store and Idempotent Consumer: SHA-256 over the spec's bytes, the
     *         stack (name, version, every file of its folder), the output-changing settings and the engine version
     */
    public String resultKey() {
        return resultKey;
    }

    /** @return the parsed project model */
    public ProjectModel model() {
        return model;
    }

    /** @return the stack in use */
    public StackManifest stack() {
        return stack;
    }

    /** @return the planned files, in plan order */
    public List<FileTask> tasks() {
        return tasks;
    }

    /** @return the spec's enrichment state (items, ledger) */
    public EnrichmentRun enrichment() {
        return enrichment;
    }

    /** @return the enrichment answers ({@link Enrichments#NONE} until the enrichment stage finished) */
    public Enrichments enrichments() {
        return enrichments;
    }

    void enriched(Enrichments answers, TemplateModels.Base model) {
        this.enrichments = answers;
        this.templateModel = model;
    }

    TemplateModels.Base templateModel() {
        if (templateModel == null) {
            throw new IllegalStateException("render before the enrichment stage finished");
        }
        return templateModel;
    }

    long startNanos() {
        return startNanos;
    }

    void renderStarted() {
        int now = inFlight.incrementAndGet();
        peak.accumulateAndGet(now, Math::max);
    }

    void renderFinished() {
        inFlight.decrementAndGet();
    }

    void phase(String phase) {
        if (renderStartNanos == 0 && phase.equals("render")) {
            renderStartNanos = System.nanoTime();
        }
        this.phase = phase;
    }

    void fileDone() {
        filesDone.incrementAndGet();
    }

    void cancel() {
        cancelled = true;
    }

    /** @return whether the run was asked to stop ({@link RunTracker#cancel}) */
    public boolean cancelled() {
        return cancelled;
    }

    /**
     * @return a snapshot of the run's progress: phase ({@code enrich}, {@code render}, {@code validate},
     *         {@code deliver}), files rendered and checked out of the planned total, LLM calls made so far and the
     *         time since the spec was received, in ms
     */
    public Progress progress() {
        long now = System.nanoTime();
        long render = renderStartNanos;
        return new Progress(specName, phase, filesDone.get(), tasks.size(), enrichment.ledger().requests(),
                (now - startNanos) / 1_000_000, render == 0 ? 0 : (now - render) / 1_000_000);
    }

    /**
     * A run's progress at one moment.
     *
     * @param spec        the spec's file name
     * @param phase       the stage in progress
     * @param filesDone   files rendered and checked
     * @param filesTotal  files planned
     * @param llmRequests LLM calls made so far (each retry counts)
     * @param elapsedMs   time since the spec was received, in ms
     * @param renderMs    time since the first file started rendering, in ms (0 before)
     */
    public record Progress(String spec, String phase, int filesDone, int filesTotal, long llmRequests,
                           long elapsedMs, long renderMs) {

        /**
         * A linear estimate from the render rate so far: {@code render time x remaining / done}. The first files
         * also pay for JIT warm-up and template loading, so it is pessimistic early on and tightens as files finish.
         *
         * @return the estimated time to finish in ms, or {@code -1} while no file is done yet
         */
        public long etaMs() {
            if (filesDone <= 0) {
                return -1;
            }
            return renderMs * (filesTotal - filesDone) / filesDone;
        }
    }

    /** @return the most files of this spec that were rendering at the same moment */
    public int peakConcurrency() {
        return peak.get();
    }
}
