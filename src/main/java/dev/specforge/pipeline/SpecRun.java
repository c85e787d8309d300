package dev.specforge.pipeline;

import dev.specforge.assemble.RunReport;
import dev.specforge.llm.EnrichmentRun;
import dev.specforge.llm.Enrichments;
import dev.specforge.plan.FileTask;
import dev.specforge.plan.StackManifest;
import dev.specforge.render.TemplateModels;
import dev.specforge.spec.ProjectModel;

import java.io.File;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The state of one spec going through the pipeline, shared (by reference) by the Splitter's parallel parts and
 * carried in the exchange property {@value #PROPERTY}. Created when parsing starts (so a failure while parsing
 * knows its stage), planned once by {@link Generator#plan}, enriched once (before the render Splitter starts) by
 * {@link Generator#enriched}, given its report and zip once by {@code assemble} or {@code replay}; the stage and
 * the concurrency gauges change as it goes. The plan's accessors ({@link #model}, {@link #stack}, {@link #tasks},
 * {@link #enrichment}, {@link #resultKey}) throw {@link IllegalStateException} before planning. Thread-safe: the
 * fields set once are volatile, the gauges atomic.
 */
public final class SpecRun {

    /** The exchange property that carries the run through {@code direct:generate} and its sub-routes. */
    public static final String PROPERTY = "specforgeRun";

    private final String specName;
    private final long startNanos;
    private volatile Plan plan;
    private volatile Stage stage = Stage.PARSE;
    private volatile Enrichments enrichments = Enrichments.NONE;
    private volatile TemplateModels.Base templateModel;
    private volatile Result result;
    private volatile String reportPath;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final AtomicInteger filesDone = new AtomicInteger();
    private volatile long renderStartNanos;
    private volatile boolean cancelled;

    /** What planning decided: fixed for the rest of the run. */
    private record Plan(ProjectModel model, StackManifest stack, List<FileTask> tasks, EnrichmentRun enrichment,
                        String resultKey) {
    }

    /**
     * What the run delivers.
     *
     * @param report the run report
     * @param zip    the zip to deliver (in the work folder, or the result store's copy on a replay)
     */
    record Result(RunReport report, File zip) {
    }

    /**
     * A run whose parsing starts now (stage {@link Stage#PARSE}).
     *
     * @param specName the spec's file name, e.g. {@code petstore.yaml}
     */
    SpecRun(String specName) {
        this.specName = specName;
        this.startNanos = System.nanoTime();
    }

    /**
     * Records the plan and moves on to {@link Stage#ENRICH}.
     *
     * @param model      the parsed project model
     * @param stack      the stack in use
     * @param tasks      the planned files, in plan order
     * @param enrichment the spec's enrichment state
     * @param resultKey  the spec's key in the result store
     */
    void planned(ProjectModel model, StackManifest stack, List<FileTask> tasks, EnrichmentRun enrichment,
                 String resultKey) {
        this.plan = new Plan(model, stack, List.copyOf(tasks), enrichment, resultKey);
        stage(Stage.ENRICH);
    }

    private Plan plan() {
        Plan p = plan;
        if (p == null) {
            throw new IllegalStateException(specName + ": not planned yet");
        }
        return p;
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
        return plan().resultKey();
    }

    /** @return the parsed project model */
    public ProjectModel model() {
        return plan().model();
    }

    /** @return the stack in use */
    public StackManifest stack() {
        return plan().stack();
    }

    /** @return the planned files, in plan order */
    public List<FileTask> tasks() {
        return plan().tasks();
    }

    /** @return the spec's enrichment state (items, ledger) */
    public EnrichmentRun enrichment() {
        return plan().enrichment();
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

    /**
     * Moves the run to a stage; the first move to {@link Stage#RENDER} starts the render clock of the ETA.
     *
     * @param next the stage now in progress
     */
    void stage(Stage next) {
        if (next == Stage.RENDER && renderStartNanos == 0) {
            renderStartNanos = System.nanoTime();
        }
        this.stage = next;
    }

    /** @return the stage in progress (for the progress reports and the dead letter's {@code error.json}) */
    public Stage stage() {
        return stage;
    }

    /** @param result what assembling (or replaying a stored result) produced, to deliver */
    void result(Result result) {
        this.result = result;
    }

    /** @return what to deliver, set by {@code assemble} or {@code replay} */
    Result result() {
        if (result == null) {
            throw new IllegalStateException(specName + ": nothing to deliver yet");
        }
        return result;
    }

    /** @param path the path the outbox gave the report ({@code CamelFileNameProduced}), or {@code null} */
    void reportDelivered(String path) {
        this.reportPath = path;
    }

    /** @return the delivered report's path, {@code null} before (or when the outbox names none) */
    String reportPath() {
        return reportPath;
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
     * @return a snapshot of the run's progress: the phase ({@link #stage()} on the wire: {@code enrich},
     *         {@code render}, {@code validate}, {@code deliver}), files rendered and checked out of the planned
     *         total, LLM calls made so far and the time since the spec was received, in ms
     * @throws IllegalStateException when the run is not planned yet (the {@link RunTracker} holds planned runs only)
     */
    public Progress progress() {
        long now = System.nanoTime();
        long render = renderStartNanos;
        Plan p = plan();
        return new Progress(specName, stage.wire(), filesDone.get(), p.tasks().size(),
                p.enrichment().ledger().requests(),
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
