package dev.specforge.pipeline;

import dev.specforge.assemble.RunReport;
import dev.specforge.observe.SpecforgeMetrics;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;

/**
 * {@code direct:deliver} ({@code routes/generate.camel.yaml}): the report, then the zip, to the outbox
 * ({@code specforge.outbox.uri}), then the answer of the ESB contract ({@link EsbHeaders}). In: the report as JSON,
 * with the {@link SpecRun}'s result set by {@link GenerateSteps#assemble} or {@link ReplaySteps#replay}.
 */
public final class DeliverSteps {

    private static final Logger LOG = LoggerFactory.getLogger(DeliverSteps.class);

    private final SpecforgeMetrics metrics;

    /** @param metrics the spec and file meters ({@code specforge_specs_total}, {@code specforge_files_total}) */
    public DeliverSteps(SpecforgeMetrics metrics) {
        this.metrics = metrics;
    }

    /**
     * Names the report ({@link Stage#DELIVER}). In and out: the report as JSON, out named
     * {@code <base>.report.json} ({@link SpecNames#baseName}).
     *
     * @param exchange the spec's exchange
     */
    public void report(Exchange exchange) {
        SpecRun run = run(exchange);
        run.stage(Stage.DELIVER);
        exchange.getMessage().setHeader(Exchange.FILE_NAME, SpecNames.baseName(run.specName()) + ".report.json");
    }

    /**
     * Out: the zip, named {@code <base>.zip}; the report's delivered path is kept on the run.
     *
     * @param exchange the spec's exchange, after the report was delivered
     */
    public void zip(Exchange exchange) {
        SpecRun run = run(exchange);
        run.reportDelivered(exchange.getMessage().getHeader(Exchange.FILE_NAME_PRODUCED, String.class));
        exchange.getMessage().setHeader(Exchange.FILE_NAME, SpecNames.baseName(run.specName()) + ".zip");
        exchange.getMessage().setBody(run.result().zip());
    }

    /**
     * Out: the delivered zip as a {@link File} (when the outbox is a folder), the summary headers of the ESB contract
     * and the {@value EsbHeaders#REPORT} property; counts the spec and its files and logs one summary line.
     *
     * @param exchange the spec's exchange, after the zip was delivered
     */
    public void result(Exchange exchange) {
        SpecRun run = run(exchange);
        RunReport report = run.result().report();
        String produced = exchange.getMessage().getHeader(Exchange.FILE_NAME_PRODUCED, String.class);
        if (produced != null) {
            exchange.getMessage().setBody(new File(produced));
        }
        exchange.setProperty(EsbHeaders.REPORT, report);
        exchange.getMessage().setHeader(EsbHeaders.HEADER_STATUS, report.status());
        exchange.getMessage().setHeader(EsbHeaders.HEADER_PROJECT, report.project());
        exchange.getMessage().setHeader(EsbHeaders.HEADER_FILES, report.counts().files());
        exchange.getMessage().setHeader(EsbHeaders.HEADER_VALID, report.counts().valid());
        exchange.getMessage().setHeader(EsbHeaders.HEADER_REPORT, run.reportPath());
        exchange.getMessage().setHeader(EsbHeaders.HEADER_LLM_REQUESTS, report.llm().requests());
        exchange.getMessage().setHeader(EsbHeaders.HEADER_COST_USD, report.llm().costUsd());
        metrics.succeeded(report);
        LOG.info("{}: ok, {} files, {} valid, {} ms -> {}", report.spec(), report.counts().files(),
                report.counts().valid(), report.durationMs(), produced == null ? "outbox" : produced);
    }

    private static SpecRun run(Exchange exchange) {
        return exchange.getProperty(SpecRun.PROPERTY, SpecRun.class);
    }
}
