package dev.specforge.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.specforge.assemble.RunReport;
import dev.specforge.io.HiddenJsonEscapes;
import dev.specforge.jobs.Job;
import dev.specforge.jobs.JobRegistry;
import dev.specforge.jobs.JobRequest;
import dev.specforge.pipeline.EsbHeaders;
import dev.specforge.pipeline.RunTracker;
import dev.specforge.pipeline.SpecRun;
import dev.specforge.plan.StackManifest;
import dev.specforge.plan.StackRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ExecutionException;

/**
 * The HTTP API's steps, called by {@code routes/http.camel.yaml}. Every route starts with {@link #accept} (API key,
 * request headers stripped so nothing is echoed back); every answer gets seed 003's security headers from
 * {@link HttpServerSetup}, which sets them on the router for every response. Errors become RFC 9457 problems
 * ({@link #problem}). {@link SpecRequests} says which media types a spec may come as.
 */
public final class HttpSteps {

    private static final Logger LOG = LoggerFactory.getLogger(HttpSteps.class);
    private static final String METHOD = "specforgeHttpMethod";
    private static final String PATH = "specforgeHttpPath";
    private static final String CONTENT_TYPE = "specforgeHttpContentType";
    private static final String JOB_ID = "specforgeJobId";
    private static final String STACK = "specforgeHttpStack";

    private final JobRegistry jobs;
    private final RunTracker tracker;
    private final StackRegistry stacks;
    private final byte[] apiKeyDigest;
    private final ObjectMapper json =
            HiddenJsonEscapes.install(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT));
    private final Problems problems = new Problems(json);

    /**
     * @param jobs    the job queue
     * @param tracker the runs in flight (job progress)
     * @param stacks  the installed stacks
     * @param apiKey  {@code specforge.http.api-key}; empty = the API is open
     */
    public HttpSteps(JobRegistry jobs, RunTracker tracker, StackRegistry stacks, String apiKey) {
        this.jobs = jobs;
        this.tracker = tracker;
        this.stacks = stacks;
        this.apiKeyDigest = apiKey == null || apiKey.isBlank() ? null : sha256(apiKey.trim());
    }

    /**
     * First step of every API route: keeps what the API reads (method, path, content type, the {@code id} path
     * parameter, the {@code stack} query parameter), removes every request header so none is copied to the answer,
     * and checks the API key.
     *
     * @param exchange the request
     * @throws HttpProblem 401 when {@code specforge.http.api-key} is set and neither {@code Authorization: Bearer}
     *                     nor {@code X-API-Key} carries it (compared in constant time, over SHA-256 digests so the
     *                     length does not leak either)
     */
    public void accept(Exchange exchange) {
        Message in = exchange.getMessage();
        exchange.setProperty(METHOD, in.getHeader(Exchange.HTTP_METHOD, String.class));
        exchange.setProperty(PATH, in.getHeader(Exchange.HTTP_PATH, String.class));
        exchange.setProperty(CONTENT_TYPE, in.getHeader(Exchange.CONTENT_TYPE, String.class));
        exchange.setProperty(JOB_ID, in.getHeader("id", String.class));
        exchange.setProperty(STACK, in.getHeader("stack", String.class));
        String authorization = in.getHeader("Authorization", String.class);
        String apiKey = in.getHeader("X-API-Key", String.class);
        in.removeHeaders("*");
        if (apiKeyDigest != null && !authorized(authorization, apiKey)) {
            throw new HttpProblem(401, "unauthorized", "Unauthorized",
                    "send the API key as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'");
        }
    }

    private boolean authorized(String authorization, String apiKey) {
        String given = apiKey;
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            given = authorization.substring(7);
        }
        // always one digest comparison, whether a key was sent or not
        byte[] digest = sha256(given == null ? "" : given.trim());
        return MessageDigest.isEqual(digest, apiKeyDigest) && given != null;
    }

    /**
     * {@code POST /api/generate} and {@code POST /api/jobs}, before {@code seda:jobs}: registers the spec as a queued
     * job. Out: the job's {@code direct:generate} message ({@link JobSteps#message}).
     *
     * @param exchange the request
     * @throws HttpProblem 400, 415
     */
    public void queue(Exchange exchange) {
        Job job = jobs.submit(specRequest(exchange));
        exchange.setProperty(JOB_ID, job.id());
        JobSteps.message(exchange, job);
    }

    /**
     * {@code POST /api/generate}, once the job is queued: waits for it. Out: the zip, streamed from its file, as
     * {@code application/zip} with {@code Content-Disposition: attachment; filename="<project>.zip"} and the
     * report's summary in {@code X-Specforge-*} headers.
     *
     * @param exchange the request
     * @throws Exception a problem: 400 (bad spec), 422 (invalid output), 409 (cancelled)
     */
    public void generate(Exchange exchange) throws Exception {
        Job job = queued(exchange);
        try {
            job.done().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        exchange.getMessage().setHeader("X-Specforge-Job", job.id());
        zip(exchange, job);
    }

    /**
     * {@code POST /api/jobs}, once the job is queued. Out: 202 with {@code Location: /api/jobs/{id}} and the job's
     * status.
     *
     * @param exchange the request
     */
    public void submitted(Exchange exchange) {
        Job job = queued(exchange);
        exchange.getMessage().setHeader("Location", "/api/jobs/" + job.id());
        answer(exchange, 202, "application/json", status(job));
    }

    /**
     * {@code GET /api/jobs/{id}}: the job's status; {@code DELETE /api/jobs/{id}}: cancel a queued or running job
     * (202 with its status) or remove a finished one with its files (204).
     *
     * @param exchange the request
     * @throws HttpProblem 404 for an unknown or expired job
     */
    public void job(Exchange exchange) {
        String id = exchange.getProperty(JOB_ID, String.class);
        Job job = find(id);
        if ("DELETE".equals(exchange.getProperty(METHOD, String.class))) {
            var left = jobs.cancel(job.id());
            if (left.isPresent()) {
                answer(exchange, 202, "application/json", status(left.get()));
            } else {
                answer(exchange, 204, null, null);
            }
            return;
        }
        answer(exchange, 200, "application/json", status(job));
    }

    /**
     * {@code GET /api/jobs/{id}/result}: the zip of a succeeded job (as {@link #generate}); 409 while queued or
     * running, or when cancelled; a failed job answers its own problem (e.g. 400 with the spec's error).
     *
     * @param exchange the request
     * @throws Exception the problem to answer
     */
    public void result(Exchange exchange) throws Exception {
        Job job = find(exchange.getProperty(JOB_ID, String.class));
        exchange.getMessage().setHeader("X-Specforge-Job", job.id());
        zip(exchange, job);
    }

    /**
     * {@code POST /api/plan}, before {@code direct:dry-run}: the spec as the body, named and with the stack
     * override header.
     *
     * @param exchange the request
     * @throws HttpProblem 400, 415
     */
    public void planRequest(Exchange exchange) {
        JobRequest request = specRequest(exchange);
        exchange.getMessage().setBody(request.spec());
        exchange.getMessage().setHeader(EsbHeaders.HEADER_SPEC_NAME, "api-plan." + request.extension());
        if (request.stack() != null) {
            exchange.getMessage().setHeader(EsbHeaders.HEADER_STACK, request.stack());
        }
    }

    /**
     * {@code POST /api/plan}, after {@code direct:dry-run}: answers the plan JSON.
     *
     * @param exchange the exchange holding the plan
     */
    public void plan(Exchange exchange) {
        String plan = exchange.getMessage().getBody(String.class);
        exchange.getMessage().removeHeaders("*");
        answer(exchange, 200, "application/json", plan);
    }

    /**
     * {@code GET /api/stacks}: each installed stack with its version, description, properties (as configured:
     * {@code specforge.stack.<stack>.<property>} overrides the manifest) and outputs (template, path expression,
     * scope, critical, the enrichment kinds it reads). A stack whose manifest is broken is listed with its name and
     * {@code error} only, so one bad folder does not hide the others.
     *
     * @param exchange the request
     * @throws com.fasterxml.jackson.core.JsonProcessingException never in practice
     */
    public void stacks(Exchange exchange) throws com.fasterxml.jackson.core.JsonProcessingException {
        answer(exchange, 200, "application/json", json.writeValueAsString(describe(stacks, json)));
    }

    /**
     * @param stacks the installed stacks
     * @param json   the mapper to build nodes with
     * @return the {@code GET /api/stacks} array (also part of {@code GET /}'s capabilities)
     */
    static ArrayNode describe(StackRegistry stacks, ObjectMapper json) {
        ArrayNode out = json.createArrayNode();
        for (String name : stacks.names()) {
            StackManifest m;
            try {
                m = stacks.manifest(name);
            } catch (dev.specforge.plan.PlanException e) {
                out.addObject().put("name", name).put("error", e.getMessage());
                continue;
            }
            ObjectNode s = out.addObject();
            s.put("name", m.name());
            s.put("version", m.version());
            s.put("description", m.description());
            ObjectNode properties = s.putObject("properties");
            new java.util.TreeMap<>(m.properties()).forEach(properties::put);
            ArrayNode outputs = s.putArray("outputs");
            for (StackManifest.Output o : m.outputs()) {
                ObjectNode row = outputs.addObject();
                row.put("path", o.path());
                row.put("template", o.template());
                row.put("scope", o.scope().id());
                row.put("critical", o.critical());
                o.enrich().forEach(row.putArray("enrich")::add);
            }
        }
        return out;
    }


    /**
     * The route configuration's error step: answers the caught exception as a problem. Request problems (4xx) are
     * logged at debug, unexpected ones (5xx) at error with their stack trace (never in the body).
     *
     * @param exchange the failed exchange
     * @throws com.fasterxml.jackson.core.JsonProcessingException never in practice
     */
    public void problem(Exchange exchange) throws com.fasterxml.jackson.core.JsonProcessingException {
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String path = exchange.getProperty(PATH, String.class);
        if (path == null) {
            path = exchange.getMessage().getHeader(Exchange.HTTP_PATH, String.class);
        }
        Problems.Mapped p = problems.map(error, path == null ? "/api" : path);
        if (p.status() >= 500) {
            LOG.error("{} {} failed", exchange.getProperty(METHOD), path, error);
        } else {
            LOG.debug("{} {}: {} {}", exchange.getProperty(METHOD), path, p.status(), p.body().path("detail").asText());
        }
        exchange.getMessage().removeHeaders("*");
        p.headers().forEach(exchange.getMessage()::setHeader);
        answer(exchange, p.status(), Problems.MEDIA_TYPE, json.writeValueAsString(p.body()));
    }

    /** @return the job {@link #queue} queued; the message's pipeline headers are removed (never answered) */
    private Job queued(Exchange exchange) {
        exchange.getMessage().removeHeaders("*");
        return find(exchange.getProperty(JOB_ID, String.class));
    }

    private Job find(String id) {
        return jobs.get(id).orElseThrow(() -> new HttpProblem(404, "unknown-job", "Unknown job",
                "no job '" + id + "'; finished jobs are kept for " + jobs.settings().expireAfter()));
    }

    private void zip(Exchange exchange, Job job) throws Exception {
        switch (job.state()) {
            case SUCCEEDED -> {
                Job.Result result = job.result();
                Message out = exchange.getMessage();
                RunReport report = result.run();
                out.setHeader("Content-Disposition", "attachment; filename=\"" + fileName(report.project()) + ".zip\"");
                out.setHeader("X-Specforge-Project", report.project());
                out.setHeader("X-Specforge-Files", report.counts().files());
                out.setHeader("X-Specforge-Valid", report.counts().valid());
                out.setHeader("X-Specforge-Llm-Requests", report.llm().requests());
                out.setHeader("X-Specforge-Cost-Usd", String.format(Locale.ROOT, "%.6f", report.llm().costUsd()));
                // a File body is streamed by platform-http (converted to an InputStream, sent chunked)
                answer(exchange, 200, "application/zip", result.zip().toFile());
            }
            case FAILED -> throw job.error() instanceof Exception e ? e : new IllegalStateException(job.error());
            case CANCELLED -> throw new HttpProblem(409, "cancelled", "The job was cancelled",
                    "job " + job.id() + " was cancelled; it has no result");
            default -> throw new HttpProblem(409, "not-finished", "The job has not finished",
                    "job " + job.id() + " is " + job.state().id() + "; poll /api/jobs/" + job.id());
        }
    }

    private String status(Job job) {
        ObjectNode s = json.createObjectNode();
        s.put("id", job.id());
        s.put("state", job.state().id());
        Job.State state = job.state();
        RunReport report = job.result() == null ? null : job.result().run();
        SpecRun.Progress progress = state == Job.State.RUNNING ? tracker.progress(job.id()).orElse(null) : null;
        s.put("phase", report != null ? "done" : progress != null ? progress.phase()
                : state == Job.State.RUNNING ? "parse" : state.id());
        s.put("filesDone", report != null ? report.counts().files() : progress != null ? progress.filesDone() : 0);
        s.put("filesTotal", report != null ? report.counts().files() : progress != null ? progress.filesTotal() : 0);
        s.put("llmRequests", report != null ? report.llm().requests() : progress != null ? progress.llmRequests() : 0);
        long eta = report != null ? 0 : progress != null ? progress.etaMs() : -1;
        if (eta >= 0) {
            s.put("etaSeconds", (eta + 999) / 1000);
            if (report == null) {
                s.put("eta", Instant.now().plusMillis(eta).toString());
            }
        } else {
            s.putNull("etaSeconds");
        }
        if (report != null) {
            s.put("project", report.project());
            s.put("result", "/api/jobs/" + job.id() + "/result");
        }
        s.put("cancelRequested", job.cancelRequested());
        s.put("createdAt", job.created().toString());
        if (job.started() != null) {
            s.put("startedAt", job.started().toString());
        }
        if (job.finished() != null) {
            s.put("finishedAt", job.finished().toString());
            s.put("expiresAt", job.finished().plus(jobs.settings().expireAfter()).toString());
        }
        if (state == Job.State.FAILED) {
            s.set("problem", problems.map(job.error(), "/api/jobs/" + job.id()).body());
        }
        try {
            return json.writeValueAsString(s);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JobRequest specRequest(Exchange exchange) {
        return SpecRequests.of(exchange.getProperty(CONTENT_TYPE, String.class), exchange.getMessage(),
                exchange.getProperty(STACK, String.class));
    }

    /** Sets the status, the content type (when not null) and the body of an answer. */
    static void answer(Exchange exchange, int status, String contentType, Object body) {
        Message out = exchange.getMessage();
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        if (contentType != null) {
            out.setHeader(Exchange.CONTENT_TYPE, contentType);
        }
        out.setBody(body);
    }

    /** @return the project name reduced to {@code [A-Za-z0-9._-]}, for a Content-Disposition file name */
    static String fileName(String project) {
        String safe = project == null ? "" : project.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^[.]+", "");
        return safe.isEmpty() ? "project" : safe;
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
