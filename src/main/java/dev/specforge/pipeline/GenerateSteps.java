package dev.specforge.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.specforge.assemble.GeneratedFile;
import dev.specforge.assemble.RunReport;
import dev.specforge.cache.ResultStore;
import dev.specforge.llm.EnrichmentRun;
import dev.specforge.plan.FileTask;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.spi.Synchronization;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * The happy path of {@code direct:generate} ({@code routes/generate.camel.yaml}): parse and plan, render and
 * validate each file (the render Splitter's parts), assemble. It moves data between the exchange and the plain-Java
 * {@link Generator}; the run's state travels in the {@link SpecRun} (exchange property {@value SpecRun#PROPERTY}),
 * the body carries what flows: spec, enrichment work, file tasks, generated files, report. The names of the ESB
 * contract are {@link EsbHeaders}; a stored result is {@link ReplaySteps}, delivery {@link DeliverSteps}, failures
 * {@link DeadLetterSteps}.
 */
public final class GenerateSteps {

    private static final Logger LOG = LoggerFactory.getLogger(GenerateSteps.class);

    private final Generator generator;
    private final Path workDir;
    private final RunTracker tracker;
    private final ResultStore results;

    /**
     * @param generator the generation core
     * @param workDir   folder for zips being assembled ({@code specforge.work.dir}); created if missing
     * @param tracker   the runs in flight (progress and cancellation)
     * @param results   the durable result store (the Idempotent Consumer's repository), where a new zip is stored
     */
    public GenerateSteps(Generator generator, Path workDir, RunTracker tracker, ResultStore results) {
        this.generator = generator;
        this.workDir = workDir;
        this.tracker = tracker;
        this.results = results;
    }

    /**
     * Parse and plan ({@link Stage#PARSE}). In: the spec (String, byte[], InputStream or File). Out: the spec's
     * {@link EnrichmentRun}, the work of {@code direct:enrich}; the {@link SpecRun} is created first and kept in the
     * {@value SpecRun#PROPERTY} property, registered with the {@link RunTracker} under the
     * {@value EsbHeaders#HEADER_RUN_ID} header (default the exchange id) until the exchange is done.
     *
     * @param exchange the exchange
     * @return the enrichment work
     * @throws InvalidPayloadException when the body cannot be read as bytes
     * @throws dev.specforge.spec.SpecException when the spec is over the size limit, invalid or names an unknown stack
     * @throws RunCancelledException    when the run was cancelled before it was planned
     */
    public EnrichmentRun plan(Exchange exchange) throws InvalidPayloadException {
        String name = SpecNames.specName(exchange);
        SpecRun run = new SpecRun(name);
        exchange.setProperty(SpecRun.PROPERTY, run);
        String id = exchange.getMessage().getHeader(EsbHeaders.HEADER_RUN_ID, exchange.getExchangeId(), String.class);
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                tracker.finished(id);
            }
        });
        String stack = exchange.getMessage().getHeader(EsbHeaders.HEADER_STACK, String.class);
        generator.plan(run, specBytes(exchange), stack);
        tracker.started(id, run);
        LOG.info("{}: {} spec (detected by {}), project '{}', stack {}: {} entities, {} operation groups, {} files and "
                        + "{} enrichment items planned", name,
                run.model().format().id(), run.model().source().detectedBy(),
                run.model().project().name(), run.stack().name(), run.model().entities().size(),
                run.model().operationGroups().size(), run.tasks().size(), run.enrichment().items().size());
        return run.enrichment();
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
        DryRunPlan plan = generator.dryRun(specBytes(exchange), SpecNames.specName(exchange),
                exchange.getMessage().getHeader(EsbHeaders.HEADER_STACK, String.class));
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setBody(ReportJson.MAPPER.writeValueAsString(plan));
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
     * Render one file (a part of {@code render-split}). In: a {@link FileTask}. Out: a {@link GeneratedFile}.
     *
     * @param task the task
     * @param run  the spec's run
     * @return the rendered file
     * @throws RunCancelledException when the run was cancelled
     */
    public GeneratedFile render(@Body FileTask task, @ExchangeProperty(SpecRun.PROPERTY) SpecRun run) {
        if (run.cancelled()) {
            throw new RunCancelledException(run.specName());
        }
        return generator.render(run, task);
    }

    /**
     * Validate one file (a part of {@code render-split}). In and out: a {@link GeneratedFile}.
     *
     * @param file the rendered file
     * @param run  the spec's run
     * @return the checked file
     */
    public GeneratedFile validate(@Body GeneratedFile file, @ExchangeProperty(SpecRun.PROPERTY) SpecRun run) {
        GeneratedFile checked = generator.validate(file);
        run.fileDone();
        return checked;
    }

    /**
     * Judge the project and write the zip into the work folder ({@link Stage#VALIDATE}), then store both in the
     * result store. In: the Aggregator's {@code List<GeneratedFile>}. Out: the report as JSON (bytes); the
     * {@link RunReport} and the zip wait on the run for {@link DeliverSteps}. The work zip is deleted when the
     * exchange completes, whatever the outcome.
     *
     * @param files    the generated files, in any order
     * @param run      the spec's run
     * @param exchange the exchange (for the work zip's clean-up)
     * @return the report as JSON
     * @throws IOException               when the zip cannot be written
     * @throws GenerationFailedException when validation rejects the project
     * @throws RunCancelledException     when the run was cancelled
     */
    public byte[] assemble(@Body List<?> files, @ExchangeProperty(SpecRun.PROPERTY) SpecRun run, Exchange exchange)
            throws IOException {
        run.stage(Stage.VALIDATE);
        if (run.cancelled()) {
            throw new RunCancelledException(run.specName());
        }
        List<GeneratedFile> generated = files.stream()
                .filter(GeneratedFile.class::isInstance).map(GeneratedFile.class::cast).toList();
        Files.createDirectories(workDir);
        Path zip = workDir.resolve(UUID.randomUUID() + ".zip");
        exchange.getExchangeExtension().addOnCompletion(new DeleteOnCompletion(zip));
        RunReport report = generator.assemble(run, generated, zip);
        byte[] reportJson = ReportJson.MAPPER.writeValueAsBytes(report);
        try {
            results.store(run.resultKey(), zip, reportJson);
        } catch (IOException e) {
            LOG.warn("{}: could not store the result in {} ({}); the zip is still delivered, and an identical spec "
                    + "will be generated again", run.specName(), results.root(), e.getMessage());
        }
        run.result(new SpecRun.Result(report, zip.toFile()));
        return reportJson;
    }

    /** Deletes the work zip when the exchange is done, whatever the outcome. */
    private record DeleteOnCompletion(Path file) implements Synchronization {
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
