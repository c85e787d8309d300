package dev.specforge.jobs;

import dev.specforge.assemble.RunReport;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * One generation job: a spec submitted over HTTP ({@code POST /api/jobs} or, waited for, {@code POST /api/generate}).
 * Mutable state is guarded by the job's monitor; {@link #done()} completes once the job is finished.
 */
public final class Job {

    /** The life of a job: {@code queued -> running -> succeeded | failed | cancelled}; a queued job may be cancelled. */
    public enum State {
        /** accepted, waiting for a worker */
        QUEUED,
        /** being generated */
        RUNNING,
        /** the zip is ready */
        SUCCEEDED,
        /** the spec failed (its error is kept, the spec is in the dead letter) */
        FAILED,
        /** cancelled by the client */
        CANCELLED;

        /** @return the lower-case name used in JSON, e.g. {@code running} */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** @return whether the job is over */
        public boolean finished() {
            return this == SUCCEEDED || this == FAILED || this == CANCELLED;
        }
    }

    /**
     * What a successful job produced.
     *
     * @param zip    the zip in the outbox
     * @param report the run report's file in the outbox, or {@code null} when the outbox is not a folder
     * @param run    the run report
     */
    public record Result(Path zip, Path report, RunReport run) {
    }

    private final String id;
    private final JobRequest request;
    private final Instant created;
    private final CompletableFuture<Job> done = new CompletableFuture<>();
    private State state = State.QUEUED;
    private Instant started;
    private Instant finished;
    private Result result;
    private Throwable error;
    private boolean cancelRequested;

    Job(String id, JobRequest request, Instant created) {
        this.id = id;
        this.request = request;
        this.created = created;
    }

    /** @return the job id (a random UUID) */
    public String id() {
        return id;
    }

    /** @return what was submitted */
    public JobRequest request() {
        return request;
    }

    /** @return when the job was accepted */
    public Instant created() {
        return created;
    }

    /** @return completes with this job once it is finished (never exceptionally) */
    public CompletableFuture<Job> done() {
        return done;
    }

    /** @return the current state */
    public synchronized State state() {
        return state;
    }

    /** @return when a worker took the job, or {@code null} */
    public synchronized Instant started() {
        return started;
    }

    /** @return when the job finished, or {@code null} */
    public synchronized Instant finished() {
        return finished;
    }

    /** @return the result of a succeeded job, or {@code null} */
    public synchronized Result result() {
        return result;
    }

    /** @return why a failed job failed, or {@code null} */
    public synchronized Throwable error() {
        return error;
    }

    /** @return whether a cancel was asked while the job was running */
    public synchronized boolean cancelRequested() {
        return cancelRequested;
    }

    synchronized boolean start(Instant now) {
        if (state != State.QUEUED) {
            return false;
        }
        state = State.RUNNING;
        started = now;
        return true;
    }

    synchronized boolean cancelQueued(Instant now) {
        if (state != State.QUEUED) {
            return false;
        }
        finish(State.CANCELLED, now);
        return true;
    }

    synchronized void requestCancel() {
        cancelRequested = true;
    }

    synchronized void succeed(Result result, Instant now) {
        this.result = result;
        finish(State.SUCCEEDED, now);
    }

    synchronized void fail(Throwable error, boolean cancelled, Instant now) {
        this.error = cancelled ? null : error;
        finish(cancelled ? State.CANCELLED : State.FAILED, now);
    }

    private void finish(State end, Instant now) {
        state = end;
        finished = now;
        done.complete(this);
    }
}
