package dev.specforge.http;

import dev.specforge.assemble.RunReport;
import dev.specforge.jobs.Job;
import dev.specforge.jobs.JobRequest;
import dev.specforge.jobs.JobRunner;
import dev.specforge.pipeline.EsbHeaders;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.util.function.Suppliers;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Runs a job through {@code direct:generate}, the entry every trigger uses, and reads the ESB contract's answer:
 * the zip {@link File} in the outbox and the {@value EsbHeaders#HEADER_REPORT} header. The HTTP API serves
 * zips from the outbox folder, so it needs {@code specforge.outbox.uri} to be a {@code file:} endpoint.
 */
public final class CamelJobRunner implements JobRunner {

    /** Exchange property value of {@value EsbHeaders#TRIGGER} for HTTP jobs (the dead letter keeps the spec). */
    public static final String TRIGGER = "http";

    private final Supplier<ProducerTemplate> template;

    /** @param context the context whose {@code direct:generate} runs the jobs (a template is made on first use) */
    public CamelJobRunner(CamelContext context) {
        this.template = Suppliers.memorize(context::createProducerTemplate);
    }

    /**
     * @throws Exception             the pipeline's failure (spec problems, cancellation...), as the exchange holds it
     * @throws IllegalStateException when the outbox did not produce a file (a non-{@code file:} outbox)
     */
    @Override
    public Job.Result run(String runId, JobRequest request) throws Exception {
        Exchange done = template.get().send("direct:generate", ex -> {
            ex.setProperty(EsbHeaders.TRIGGER, TRIGGER);
            ex.getMessage().setBody(request.spec());
            ex.getMessage().setHeader(EsbHeaders.HEADER_SPEC_NAME, request.specName(runId));
            ex.getMessage().setHeader(EsbHeaders.HEADER_RUN_ID, runId);
            if (request.stack() != null) {
                ex.getMessage().setHeader(EsbHeaders.HEADER_STACK, request.stack());
            }
        });
        if (done.getException() != null) {
            throw done.getException();
        }
        Object body = done.getMessage().getBody();
        if (!(body instanceof File zip) || !zip.isFile()) {
            throw new IllegalStateException("the outbox (specforge.outbox.uri) produced no zip file; the HTTP API "
                    + "serves zips from a file: outbox");
        }
        String report = done.getMessage().getHeader(EsbHeaders.HEADER_REPORT, String.class);
        return new Job.Result(zip.toPath(), report == null ? null : Path.of(report),
                done.getProperty(EsbHeaders.REPORT, RunReport.class));
    }
}
