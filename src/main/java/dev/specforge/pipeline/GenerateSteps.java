package dev.specforge.pipeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.specforge.assemble.GeneratedFile;
import dev.specforge.assemble.RunReport;
import dev.specforge.cache.ResultStore;
import dev.specforge.llm.LlmSummary;
import dev.specforge.observe.SpecforgeMetrics;
import dev.specforge.plan.FileTask;
import dev.specforge.spec.SpecException;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.InvalidPayloadException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The Camel side of the pipeline: the bean the routes in {@code routes/generate.camel.yaml} and
 * {@code routes/dead-letter.camel.yaml} call. It moves data between exchanges and the plain-Java {@link Generator}.
 *
 * <p>ESB contract of {@code direct:generate}: in, the body is the spec (String, byte[], InputStream or File) with
 * optional headers {@value #HEADER_SPEC_NAME} (the spec's file name, default the {@code CamelFileName} header, else
 * {@code spec}), {@value #HEADER_STACK} (a stack overriding the spec's own), {@value #HEADER_DRY_RUN} ({@code true}:
 * answer the plan as JSON, write nothing) and {@value #HEADER_RUN_ID} (an id to follow and cancel the run through
 * {@link RunTracker}). Out, the body is the zip {@link File} in the outbox, with headers {@value #HEADER_STATUS},
 * {@value #HEADER_PROJECT}, {@value #HEADER_FILES}, {@value #HEADER_VALID}, {@value #HEADER_LLM_REQUESTS},
 * {@value #HEADER_COST_USD} and {@value #HEADER_REPORT} (the report's path). The README documents the contract.
 */
public final class GenerateSteps {

    /** Header: the spec's file name, used for output names. */
    public static final String HEADER_SPEC_NAME = "SpecforgeSpecName";
    /** Header: a stack that overrides the spec's {@code stack:}. */
    public static final String HEADER_STACK = "SpecforgeStack";
    /** Header: {@code true} to get the dry-run plan (JSON) instead of a zip. */
    public static final String HEADER_DRY_RUN = "SpecforgeDryRun";
    /** Header: the run id for {@link RunTracker} (progress, cancel); default the exchange id. */
    public static final String HEADER_RUN_ID = "SpecforgeRunId";
    /** Out header: {@code ok}. */
    public static final String HEADER_STATUS = "SpecforgeStatus";
    /** Out header: the generated project's name. */
    public static final String HEADER_PROJECT = "SpecforgeProject";
    /** Out header: number of generated files. */
    public static final String HEADER_FILES = "SpecforgeFiles";
    /** Out header: number of valid files. */
    public static final String HEADER_VALID = "SpecforgeValid";
    /** Out header: path of the report written next to the zip. */
    public static final String HEADER_REPORT = "SpecforgeReport";
    /** Out header: LLM calls made for this spec (each retry counts). */
    public static final String HEADER_LLM_REQUESTS = "SpecforgeLlmRequests";
    /** Out header: the LLM cost of this spec in USD. */
    public static final String HEADER_COST_USD = "SpecforgeCostUsd";
    /** Out header (and exchange property): the run report, a {@link RunReport}. */
    public static final String REPORT = "specforgeReport";

    /** Exchange property: the spec's key in the result store, read by the Idempotent Consumer. */
    public static final String RESULT_KEY = "specforgeResultKey";
    /** Exchange property: redeliveries of a transient fault so far (set by {@link #countRedelivery}). */
    public static final String REDELIVERIES = "specforgeRedeliveries";
    /** Exchange property: the {@link SpecRun}, shared with the Splitter's parts. */
    public static final String RUN = "specforgeRun";
    /** Exchange property: the stage in progress, for error reports. */
    public static final String STAGE = "specforgeStage";
    /** Exchange property: {@code inbox} when the spec came from the file inbox (which moves the file itself). */
    public static final String TRIGGER = "specforgeTrigger";

    private static final Logger LOG = LoggerFactory.getLogger(GenerateSteps.class);
    private static final String ZIP = "specforgeZip";
    private static final String REPORT_PATH = "specforgeReportPath";
    private static final String INBOX_FILE = "specforgeInboxFile";

    private final Generator generator;
    private final Path workDir;
    private final RunTracker tracker;
    private final SpecforgeMetrics metrics;
    private final ResultStore results;
    private final ObjectMapper json = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    /**
     * @param generator the generation core
     * @param workDir   folder for zips being assembled ({@code specforge.work.dir}); created if missing
     * @param tracker   the runs in flight (progress and cancellation)
     * @param metrics   the spec and file meters
     * @param results   the durable result store (the Idempotent Consumer's repository)
     */
    public GenerateSteps(Generator generator, Path workDir, RunTracker tracker,
                         SpecforgeMetrics metrics, ResultStore results) {
        this.results = results;
        this.generator = generator;
        this.workDir = workDir;
        this.tracker = tracker;
        this.metrics = metrics;
    }

    /**
     * Parse and plan. In: the spec. Out: the {@code List<FileTask>} for the Splitter; the run is stored in the
     * {@value #RUN} property.
     *
     * @param exchange the exchange
     * @return the file tasks
     * @throws InvalidPayloadException when the body cannot be read as bytes
     * @throws RunCancelledException    when the run was cancelled before it started
     */
    public List<FileTask> plan(Exchange exchange) throws InvalidPayloadException {
        exchange.setProperty(STAGE, "parse");
        String id = exchange.getMessage().getHeader(HEADER_RUN_ID, exchange.getExchangeId(), String.class);
        exchange.getExchangeExtension().addOnCompletion(new org.apache.camel.support.SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                tracker.finished(id);
            }
        });
        byte[] spec = specBytes(exchange);
        String name = specName(exchange);
        SpecRun run = generator.plan(spec, name, exchange.getMessage().getHeader(HEADER_STACK, String.class));
        exchange.setProperty(RUN, run);
        exchange.setProperty(RESULT_KEY, run.resultKey());
        exchange.setProperty(STAGE, "enrich");
        tracker.started(id, run);
        LOG.info("{}: {} spec (detected by {}), project '{}', stack {}: {} entities, {} operation groups, {} files and "
                        + "{} enrichment items planned", name,
                run.model().format().id(), run.model().source().detectedBy(),
                run.model().project().name(), run.stack().name(), run.model().entities().size(),
                run.model().operationGroups().size(), run.tasks().size(), run.enrichment().items().size());
        return run.tasks();
    }

    /**
     * Dry run (seed 001 #8): parse and plan, estimate the enrichment, call nothing and write nothing. In: the spec
     * (as for {@code direct:generate}). Out: the plan as JSON ({@link DryRunPlan}).
     *
     * @param exchange the exchange
     * @throws InvalidPayloadException when the body cannot be read as bytes
     * @throws JsonProcessingException never in practice (serialising plain records)
     */
    public void dryRun(Exchange exchange) throws InvalidPayloadException, JsonProcessingException {
        byte[] spec = specBytes(exchange);
        DryRunPlan plan = generator.dryRun(spec, specName(exchange),
                exchange.getMessage().getHeader(HEADER_STACK, String.class));
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setBody(json.writeValueAsString(plan));
    }

    /**
     * @param exchange an exchange carrying a spec
     * @return the spec's bytes, after refusing a file whose declared length is over the size limit unread
     * @throws InvalidPayloadException when the body cannot be read as bytes
     */
    private byte[] specBytes(Exchange exchange) throws InvalidPayloadException {
        Long length = exchange.getMessage().getHeader(Exchange.FILE_LENGTH, Long.class);
        if (length != null) {
            generator.checkDeclaredSize(length);
        }
        return exchange.getMessage().getMandatoryBody(byte[].class);
    }

    /**
     * Render one file (a Splitter part). In: a {@link FileTask}. Out: a {@link GeneratedFile}.
     *
     * @param task the task
     * @param run  the spec's run
     * @return the rendered file
     */
    public GeneratedFile render(@Body FileTask task, @ExchangeProperty(RUN) SpecRun run) {
        if (run.cancelled()) {
            throw new RunCancelledException(run.specName());
        }
        run.phase("render");
        return generator.render(run, task);
    }

    /**
     * Validate one file (a Splitter part). In and out: a {@link GeneratedFile}.
     *
     * @param file the rendered file
     * @param run  the spec's run
     * @return the checked file
     */
    public GeneratedFile validate(@Body GeneratedFile file, @ExchangeProperty(RUN) SpecRun run) {
        GeneratedFile checked = generator.validate(file);
        run.fileDone();
        return checked;
    }

    /**
     * Judge the project and write the zip into the work folder. In: the Aggregator's {@code List<GeneratedFile>}.
     * Out: the report as JSON, named {@code <base>.report.json}; the zip waits in a property for
     * {@link #zipMessage}. The work zip is deleted when the exchange completes.
     *
     * @param exchange the exchange
     * @throws IOException when the zip cannot be written
     * @throws GenerationFailedException when validation rejects the project
     * @throws RunCancelledException     when the run was cancelled
     */
    public void assemble(Exchange exchange) throws IOException {
        exchange.setProperty(STAGE, "validate");
        SpecRun run = exchange.getProperty(RUN, SpecRun.class);
        if (run.cancelled()) {
            throw new RunCancelledException(run.specName());
        }
        run.phase("deliver");
        List<GeneratedFile> files = ((List<?>) exchange.getMessage().getBody(List.class)).stream()
                .filter(GeneratedFile.class::isInstance).map(GeneratedFile.class::cast).toList();
        Files.createDirectories(workDir);
        Path zip = workDir.resolve(UUID.randomUUID() + ".zip");
        exchange.getExchangeExtension().addOnCompletion(new DeleteOnCompletion(zip));
        RunReport report = generator.assemble(run, files, zip);
        byte[] reportJson = json.writeValueAsBytes(report);
        try {
            results.store(run.resultKey(), zip, reportJson);
        } catch (IOException e) {
            LOG.warn("{}: could not store the result in {} ({}); the zip is still delivered, and an identical spec "
                    + "will be generated again", run.specName(), results.root(), e.getMessage());
        }
        exchange.setProperty(STAGE, "deliver");
        exchange.setProperty(REPORT, report);
        exchange.setProperty(ZIP, zip.toFile());
        exchange.getMessage().setHeader(Exchange.FILE_NAME, baseName(run.specName()) + ".report.json");
        exchange.getMessage().setBody(reportJson);
    }

    /**
     * The Idempotent Consumer found the spec's result stored (an identical spec, same stack and settings, ran
     * before): take its zip and report from the {@link ResultStore} instead of enriching, rendering and checking.
     * Out: as {@link #assemble}; the report is the stored one for this spec's name, with every file's
     * {@code source} {@code cache}, no LLM calls, and this run's duration.
     *
     * @param exchange the exchange, after {@link #plan}
     * @throws IOException when the stored report cannot be read
     */
    public void replay(Exchange exchange) throws IOException {
        exchange.setProperty(STAGE, "deliver");
        SpecRun run = exchange.getProperty(RUN, SpecRun.class);
        run.phase("deliver");
        String key = run.resultKey();
        RunReport stored = json.readValue(results.report(key).toFile(), RunReport.class);
        LlmSummary was = stored.llm();
        RunReport report = new RunReport(stored.status(), run.specName(), stored.project(), stored.stack(),
                stored.format(), stored.detectedBy(), stored.inlineTypes(),
                java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - run.startNanos()),
                stored.renderThreads(), 0, stored.counts(),
                new LlmSummary(was.provider(), was.model(), was.items(), was.offlineItems(), 0, 0, 0, 0, 0, 0, 0,
                        0, 0, 0, 0, 0, was.templateFiles(), was.llmFiles(), 0),
                stored.files().stream().map(f -> new RunReport.FileRow(f.path(), f.template(), "cache", f.check(),
                        f.valid(), f.critical(), f.bytes(), f.problem())).toList(),
                stored.warnings());
        LOG.info("{}: same spec, stack and settings as an earlier run (result {}): zip from the result store, "
                + "nothing enriched or rendered", run.specName(), key.substring(0, 12));
        exchange.setProperty(REPORT, report);
        exchange.setProperty(ZIP, results.zip(key).toFile());
        exchange.getMessage().setHeader(Exchange.FILE_NAME, baseName(run.specName()) + ".report.json");
        exchange.getMessage().setBody(json.writeValueAsBytes(report));
    }

    /**
     * Out: the zip from {@link #assemble}, named {@code <base>.zip}.
     *
     * @param exchange the exchange, after the report was delivered
     */
    public void zipMessage(Exchange exchange) {
        exchange.setProperty(REPORT_PATH, exchange.getMessage().getHeader(Exchange.FILE_NAME_PRODUCED, String.class));
        SpecRun run = exchange.getProperty(RUN, SpecRun.class);
        exchange.getMessage().setHeader(Exchange.FILE_NAME, baseName(run.specName()) + ".zip");
        exchange.getMessage().setBody(exchange.getProperty(ZIP, File.class));
    }

    /**
     * Out: the delivered zip as a {@link File} (when the outbox is a folder) and the summary headers of the ESB
     * contract; logs one summary line.
     *
     * @param exchange the exchange, after the zip was delivered
     */
    public void result(Exchange exchange) {
        RunReport report = exchange.getProperty(REPORT, RunReport.class);
        String produced = exchange.getMessage().getHeader(Exchange.FILE_NAME_PRODUCED, String.class);
        if (produced != null) {
            exchange.getMessage().setBody(new File(produced));
        }
        exchange.getMessage().setHeader(HEADER_STATUS, report.status());
        exchange.getMessage().setHeader(HEADER_PROJECT, report.project());
        exchange.getMessage().setHeader(HEADER_FILES, report.counts().files());
        exchange.getMessage().setHeader(HEADER_VALID, report.counts().valid());
        exchange.getMessage().setHeader(HEADER_REPORT, exchange.getProperty(REPORT_PATH, String.class));
        exchange.getMessage().setHeader(HEADER_LLM_REQUESTS, report.llm().requests());
        exchange.getMessage().setHeader(HEADER_COST_USD, report.llm().costUsd());
        metrics.succeeded(report);
        LOG.info("{}: ok, {} files, {} valid, {} ms -> {}", report.spec(), report.counts().files(),
                report.counts().valid(), report.durationMs(), produced == null ? "outbox" : produced);
    }

    /**
     * The {@code onRedelivery} processor of the transient-fault handler (bean {@code countRedelivery}): keeps the
     * redelivery number in the {@value #REDELIVERIES} property, which survives {@code useOriginalMessage}.
     *
     * @param exchange the exchange about to be redelivered (header {@code CamelRedeliveryCounter} set)
     */
    public static void countRedelivery(Exchange exchange) {
        exchange.setProperty(REDELIVERIES, exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0,
                Integer.class));
    }

    /**
     * Dead Letter Channel, first step: whether the spec failed only because specforge is shutting down, and came
     * from the file inbox. Such a spec is left where it is, to be generated on the next start, instead of being
     * dead-lettered for a fault that is not its own. A spec problem (invalid spec, rejected project) is
     * dead-lettered even during a shutdown.
     *
     * @param exchange the failed exchange
     * @return {@code true} to leave the spec in the inbox
     */
    public boolean interruptedByShutdown(Exchange exchange) {
        boolean stopping = exchange.getContext().isStopping() || exchange.getContext().isStopped();
        return stopping && inboxFile(exchange) != null && !isSpecProblem(rootSpecificCause(caught(exchange)));
    }

    /**
     * Logs a spec left in the inbox by a shutdown ({@link #interruptedByShutdown}) and counts it as
     * {@code interrupted}.
     *
     * @param exchange the failed exchange
     */
    public void leaveInInbox(Exchange exchange) {
        metrics.ended("interrupted", exchange.getClock().elapsed());
        LOG.warn("{}: interrupted by the shutdown at {}; left in the inbox for the next start", specName(exchange),
                exchange.getProperty(STAGE, "receive", String.class));
    }

    /**
     * Dead Letter Channel: name the original spec for the dead letter (the body is the original message, so the
     * dead-letter producer writes the spec's own bytes).
     *
     * @param exchange the failed exchange, carrying the original message
     */
    public void deadLetterOriginal(Exchange exchange) {
        File local = inboxFile(exchange);
        if (local != null) {
            exchange.setProperty(INBOX_FILE, local.getAbsolutePath());
        }
        exchange.getMessage().setHeader(Exchange.FILE_NAME, specName(exchange));
    }

    /**
     * Dead Letter Channel, last step: a spec from the file inbox leaves it once its copy and error report are in
     * the dead letter (so a failure on the way leaves it in the inbox, never nowhere).
     *
     * @param exchange the failed exchange
     * @throws IOException when the inbox file cannot be deleted (it is then generated again on the next poll)
     */
    public void removeFromInbox(Exchange exchange) throws IOException {
        String path = exchange.getProperty(INBOX_FILE, String.class);
        if (path != null) {
            Files.deleteIfExists(Path.of(path));
        }
    }

    /**
     * @return the local file the inbox route consumed (the original message's body is a {@code GenericFile} over a
     *         {@link File}), else {@code null}: other triggers, and remote inboxes (ftp, sftp), whose consumers
     *         need their own {@code moveFailed}
     */
    private static File inboxFile(Exchange exchange) {
        if (!"inbox".equals(exchange.getProperty(TRIGGER, String.class))) {
            return null;
        }
        return exchange.getMessage().getBody() instanceof org.apache.camel.component.file.GenericFile<?> g
                && g.getFile() instanceof File f ? f : null;
    }

    private static Throwable caught(Exchange exchange) {
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        return error == null ? exchange.getException() : error;
    }

    /**
     * Dead Letter Channel, second half: the error report. Out: JSON with {@code spec}, {@code stage} (parse,
     * render, validate, deliver...), {@code error} (exception type), {@code message}, {@code location} (JSON
     * pointer or line/column when known), {@code time} (UTC, ISO-8601), {@code attempts} (1 plus the redeliveries
     * of a transient fault) and, when validation rejected the project, the run's {@code report}; named
     * {@code <spec name>.error.json}.
     *
     * @param exchange the failed exchange
     * @throws JsonProcessingException never in practice (serialising plain records)
     */
    public void errorReport(Exchange exchange) throws JsonProcessingException {
        Throwable error = caught(exchange);
        Throwable cause = rootSpecificCause(error);
        String name = specName(exchange);
        String stage = exchange.getProperty(STAGE, "receive", String.class);
        ObjectNode out = json.createObjectNode();
        out.put("spec", name);
        out.put("stage", stage);
        out.put("error", cause == null ? "unknown" : cause.getClass().getSimpleName());
        if (cause instanceof SpecException se) {
            out.put("message", se.problem());
            if (se.location() != null) {
                out.put("location", se.location());
            }
        } else {
            out.put("message", cause == null ? "unknown error" : String.valueOf(cause.getMessage()));
        }
        out.put("time", Instant.now().toString());
        out.put("attempts", 1 + exchange.getProperty(REDELIVERIES, 0, Integer.class));
        if (cause instanceof GenerationFailedException gf) {
            out.set("report", json.valueToTree(gf.report()));
        }
        metrics.ended("failed", exchange.getClock().elapsed());
        if (!isSpecProblem(cause)) {
            LOG.error("{}: failed at {} with an unexpected error -> dead letter", name, stage, error);
        } else {
            LOG.warn("{}: failed at {}: {} -> dead letter", name, stage, out.get("message").asText());
        }
        exchange.getMessage().setHeader(Exchange.FILE_NAME, name + ".error.json");
        exchange.getMessage().setBody(json.writeValueAsString(out));
    }

    /**
     * Dead Letter Channel for a cancelled run: nothing goes to the dead letter (the caller asked for it), the
     * cancellation is logged and counted.
     *
     * @param exchange the cancelled exchange
     */
    public void cancelled(Exchange exchange) {
        metrics.ended("cancelled", exchange.getClock().elapsed());
        LOG.info("{}: cancelled at {}", specName(exchange), exchange.getProperty(STAGE, "receive", String.class));
    }

    /** @return whether the failure is about the spec or its generated files (expected), not a specforge fault */
    private static boolean isSpecProblem(Throwable t) {
        return t instanceof SpecException || t instanceof GenerationFailedException
                || t instanceof dev.specforge.plan.PlanException;
    }

    /** @return the first spec problem in the cause chain, else {@code t} itself */
    private static Throwable rootSpecificCause(Throwable t) {
        for (Throwable cur = t; cur != null; cur = cur.getCause() == cur ? null : cur.getCause()) {
            if (isSpecProblem(cur)) {
                return cur;
            }
        }
        return t;
    }

    /**
     * @param exchange an exchange
     * @return the spec's file name: the {@value #HEADER_SPEC_NAME} header, else {@code CamelFileName}, else
     *         {@code spec}; only its last path segment, with characters outside {@code [A-Za-z0-9._-]} replaced
     */
    static String specName(Exchange exchange) {
        String name = exchange.getMessage().getHeader(HEADER_SPEC_NAME, String.class);
        if (name == null) {
            name = exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class);
        }
        return safeFileName(name);
    }

    static String safeFileName(String name) {
        if (name == null) {
            return "spec";
        }
        String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        String safe = last.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^[.]+", "");
        if (safe.length() > 200) {
            safe = safe.substring(0, 200);
        }
        return safe.isEmpty() ? "spec" : safe;
    }

    /**
     * @param specName a safe spec file name, e.g. {@code petstore.yaml}
     * @return the name without its last extension, e.g. {@code petstore}
     */
    static String baseName(String specName) {
        int dot = specName.lastIndexOf('.');
        return dot > 0 ? specName.substring(0, dot) : specName;
    }

    /** Deletes the work zip when the exchange is done, whatever the outcome. */
    private record DeleteOnCompletion(Path file) implements org.apache.camel.spi.Synchronization {
        @Override
        public void onComplete(Exchange exchange) {
            delete();
        }

        @Override
        public void onFailure(Exchange exchange) {
            delete();
        }

        private void delete() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warn("could not delete work file {}: {}", file, e.getMessage());
            }
        }
    }
}
