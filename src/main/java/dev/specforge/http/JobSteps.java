package dev.specforge.http;

import dev.specforge.assemble.RunReport;
import dev.specforge.jobs.Job;
import dev.specforge.jobs.JobRegistry;
import dev.specforge.jobs.JobRequest;
import dev.specforge.pipeline.EsbHeaders;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import java.io.File;
import java.nio.file.Path;

/**
 * The job worker's steps ({@code routes/http.camel.yaml}, route {@code http-job-worker}, bean {@code jobSteps}): a
 * worker takes a job's {@code direct:generate} message ({@link #message}) from {@code seda:jobs}, claims the job
 * ({@link JobRegistry#start}), and records what the pipeline answered ({@link #succeeded}:
 * the zip {@link File} in the outbox and the {@value EsbHeaders#HEADER_REPORT} header) or threw
 * ({@link #failed}). The HTTP API serves zips from the outbox folder, so it needs {@code specforge.outbox.uri} to be a
 * {@code file:} endpoint.
 */
public final class JobSteps {

    /** Exchange property value of {@value EsbHeaders#TRIGGER} for HTTP jobs (the dead letter keeps the spec). */
    public static final String TRIGGER = "http";
    /** Exchange property: the job id, kept through the pipeline (the message's headers are not). */
    static final String JOB = "specforgeJob";

    private final JobRegistry jobs;

    /** @param jobs the job states */
    public JobSteps(JobRegistry jobs) {
        this.jobs = jobs;
    }

    /**
     * The message a job waits on {@code seda:jobs} with, as {@code direct:generate} reads it: body = the spec's
     * bytes, headers {@value EsbHeaders#HEADER_SPEC_NAME} ({@code api-<job id>.<extension>}),
     * {@value EsbHeaders#HEADER_RUN_ID} (the job id) and, when the request named one,
     * {@value EsbHeaders#HEADER_STACK}; the trigger property is {@value #TRIGGER}. Made before the job is queued
     * so that it is the worker's original message, the one the dead letter keeps.
     *
     * @param exchange the exchange to queue (its message is replaced)
     * @param job      the queued job
     */
    static void message(Exchange exchange, Job job) {
        JobRequest request = job.request();
        exchange.setProperty(JOB, job.id());
        exchange.setProperty(EsbHeaders.TRIGGER, TRIGGER);
        Message m = exchange.getMessage();
        m.removeHeaders("*");
        m.setBody(request.spec());
        m.setHeader(EsbHeaders.HEADER_SPEC_NAME, request.specName(job.id()));
        m.setHeader(EsbHeaders.HEADER_RUN_ID, job.id());
        if (request.stack() != null) {
            m.setHeader(EsbHeaders.HEADER_STACK, request.stack());
        }
    }

    /**
     * After {@code direct:generate} answered: the job succeeded with the zip in the body.
     *
     * @param exchange the worker's exchange
     * @throws IllegalStateException when the outbox produced no file (a non-{@code file:} outbox)
     */
    public void succeeded(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        if (!(body instanceof File zip) || !zip.isFile()) {
            throw new IllegalStateException("the outbox (specforge.outbox.uri) produced no zip file; the HTTP API "
                    + "serves zips from a file: outbox");
        }
        String report = exchange.getMessage().getHeader(EsbHeaders.HEADER_REPORT, String.class);
        jobs.succeed(exchange.getProperty(JOB, String.class), new Job.Result(zip.toPath(),
                report == null ? null : Path.of(report), exchange.getProperty(EsbHeaders.REPORT, RunReport.class)));
    }

    /**
     * The worker's catch: the job failed (or was cancelled) with the caught exception.
     *
     * @param exchange the worker's exchange, its exception caught
     */
    public void failed(Exchange exchange) {
        jobs.fail(exchange.getProperty(JOB, String.class),
                exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
    }
}
