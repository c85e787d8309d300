package dev.specforge.pipeline;

import dev.specforge.assemble.RunReport;
import dev.specforge.cache.ResultStore;
import dev.specforge.llm.LlmSummary;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * The replay branch of {@code direct:generate}: the Idempotent Consumer {@code known-spec} found the spec's result
 * in the durable {@link ResultStore} (an identical spec, with the same stack and settings, ran before), so its zip
 * and report are delivered instead of enriching, rendering and checking again.
 */
public final class ReplaySteps {

    private static final Logger LOG = LoggerFactory.getLogger(ReplaySteps.class);

    private final ResultStore results;

    /** @param results the durable result store (the Idempotent Consumer's repository) */
    public ReplaySteps(ResultStore results) {
        this.results = results;
    }

    /**
     * Takes the stored result ({@link Stage#DELIVER}). Out: as {@link GenerateSteps#assemble}, the report as JSON
     * (bytes), with the report and the stored zip on the run for {@link DeliverSteps}. The report is the stored one
     * for this spec's name, with every file's {@code source} {@code cache}, no LLM calls, and this run's duration.
     *
     * @param run the spec's run, planned
     * @return the report as JSON
     * @throws IOException when the stored report cannot be read
     */
    public byte[] replay(@ExchangeProperty(SpecRun.PROPERTY) SpecRun run) throws IOException {
        run.stage(Stage.DELIVER);
        String key = run.resultKey();
        RunReport stored = ReportJson.MAPPER.readValue(results.report(key).toFile(), RunReport.class);
        LlmSummary was = stored.llm();
        RunReport report = new RunReport(stored.status(), run.specName(), stored.project(), stored.stack(),
                stored.format(), stored.detectedBy(), stored.inlineTypes(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - run.startNanos()),
                stored.renderThreads(), 0, stored.counts(),
                new LlmSummary(was.provider(), was.model(), was.items(), was.offlineItems(), 0, 0, 0, 0, 0, 0, 0,
                        0, 0, 0, 0, 0, was.templateFiles(), was.llmFiles(), 0),
                stored.files().stream().map(f -> new RunReport.FileRow(f.path(), f.template(), "cache", f.check(),
                        f.valid(), f.critical(), f.bytes(), f.problem())).toList(),
                stored.warnings(), stored.enforcedSuggestions());
        LOG.info("{}: same spec, stack and settings as an earlier run (result {}): zip from the result store, "
                + "nothing enriched or rendered", run.specName(), key.substring(0, 12));
        run.result(new SpecRun.Result(report, results.zip(key).toFile()));
        return ReportJson.MAPPER.writeValueAsBytes(report);
    }
}
