package dev.specforge.jobs;

import dev.specforge.pipeline.RunCancelledException;
import dev.specforge.pipeline.RunTracker;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The HTTP API's jobs and their states (queued, running, finished; cancel requests; expiry). The registry runs
 * nothing: {@code routes/http.camel.yaml} queues each job's id on a bounded Camel queue ({@code seda:jobs},
 * {@code specforge.jobs.max-queued} waiting at most; one more is refused with {@link QueueFullException}, HTTP 429)
 * whose {@code specforge.jobs.workers} consumers claim the job here ({@link #start}), send it to
 * {@code direct:generate} and record the outcome ({@link #succeed}, {@link #fail}). Finished jobs, with their zip and
 * report files, are forgotten {@code specforge.jobs.expire-after} after they finished: by {@link #expire()}, which
 * {@code routes/housekeeping.camel.yaml} runs on a schedule, or at once when an expired job is looked up.
 * Thread-safe.
 */
public final class JobRegistry {

    /**
     * @param workers           jobs generated at once (the queue's consumers)
     * @param maxQueued         jobs that may wait for a worker (the queue's size); one more is refused
     * @param expireAfter       how long a finished job and its files are kept
     * @param retryAfterSeconds the {@code Retry-After} suggested when the queue is full, in seconds
     */
    public record Settings(int workers, int maxQueued, Duration expireAfter, int retryAfterSeconds) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(JobRegistry.class);

    private final Settings settings;
    private final RunTracker tracker;
    private final Clock clock;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private volatile Predicate<String> dequeue = id -> false;

    /**
     * @param settings bounds and expiry
     * @param tracker  the pipeline's runs in flight (a job's run id is its job id)
     * @param clock    the clock for timestamps and expiry
     */
    public JobRegistry(Settings settings, RunTracker tracker, Clock clock) {
        this.settings = settings;
        this.tracker = tracker;
        this.clock = clock;
    }

    /**
     * @param dequeue removes a job id from the queue the workers read, answering whether it was there; a job
     *                cancelled while queued is taken out so it frees its place at once
     */
    public void dequeueWith(Predicate<String> dequeue) {
        this.dequeue = dequeue;
    }

    /** @return the bounds and expiry in use */
    public Settings settings() {
        return settings;
    }

    /**
     * Registers a job as queued; the caller then puts its id on the queue, and calls {@link #refuse} when the queue
     * is full.
     *
     * @param request what to generate
     * @return the queued job
     */
    public Job submit(JobRequest request) {
        Job job = new Job(UUID.randomUUID().toString(), request, clock.instant());
        jobs.put(job.id(), job);
        LOG.info("job {}: queued {} ({} bytes)", job.id(), request.specName(job.id()), request.spec().length);
        return job;
    }

    /**
     * Forgets a job the queue had no room for.
     *
     * @param id the job id
     * @throws QueueFullException always (HTTP 429 with {@code Retry-After})
     */
    public void refuse(String id) {
        jobs.remove(id);
        throw new QueueFullException(settings.maxQueued(), settings.retryAfterSeconds());
    }

    /**
     * @param id a job id
     * @return the job, unless unknown or expired
     */
    public Optional<Job> get(String id) {
        Job job = jobs.get(id);
        if (job != null && expired(job, clock.instant().minus(settings.expireAfter()))) {
            remove(job);
            return Optional.empty();
        }
        return Optional.ofNullable(job);
    }

    /**
     * Cancels a job: a queued job is cancelled at once; a running one is asked to stop (it ends {@code cancelled}
     * at the pipeline's next check, or {@code succeeded} when it was already delivering); a finished one is
     * removed with its files.
     *
     * @param id a job id
     * @return the job after the request, or empty when unknown, expired or removed
     */
    public Optional<Job> cancel(String id) {
        Job job = jobs.get(id);
        if (job == null) {
            return Optional.empty();
        }
        if (job.cancelQueued(clock.instant())) {
            dequeue.test(id);
            LOG.info("job {}: cancelled while queued", id);
            return Optional.of(job);
        }
        if (job.state() == Job.State.RUNNING) {
            job.requestCancel();
            tracker.cancel(id);
            LOG.info("job {}: cancel requested while running", id);
            return Optional.of(job);
        }
        remove(job);
        return Optional.empty();
    }

    /** @return jobs waiting for a worker */
    public int queued() {
        return count(Job.State.QUEUED);
    }

    /** @return jobs being generated */
    public int running() {
        return count(Job.State.RUNNING);
    }

    private int count(Job.State state) {
        return (int) jobs.values().stream().filter(j -> j.state() == state).count();
    }

    /** Forgets finished jobs older than {@code expire-after} and deletes their zip and report. */
    public void expire() {
        Instant cutoff = clock.instant().minus(settings.expireAfter());
        for (Job job : jobs.values()) {
            if (expired(job, cutoff)) {
                remove(job);
            }
        }
    }

    private static boolean expired(Job job, Instant cutoff) {
        Instant finished = job.finished();
        return finished != null && !finished.isAfter(cutoff);
    }

    private void remove(Job job) {
        if (jobs.remove(job.id(), job)) {
            Job.Result result = job.result();
            if (result != null) {
                delete(result.zip());
                delete(result.report());
            }
            LOG.debug("job {}: removed", job.id());
        }
    }

    /**
     * A worker claims a job it took from the queue.
     *
     * @param id the job id
     * @return whether the job is to run: {@code false} when it is unknown or no longer queued (cancelled)
     */
    public boolean start(String id) {
        Job job = jobs.get(id);
        if (job != null && job.start(clock.instant())) {
            return true;
        }
        tracker.forget(id);
        return false;
    }

    /**
     * @param id     a running job's id
     * @param result its zip and report
     */
    public void succeed(String id, Job.Result result) {
        Job job = jobs.get(id);
        tracker.forget(id);
        if (job != null) {
            job.succeed(result, clock.instant());
            LOG.info("job {}: succeeded -> {}", id, result.zip());
        }
    }

    /**
     * @param id    a running job's id
     * @param error what the pipeline failed with; a {@code RunCancelledException} in its causes ends the job
     *              {@code cancelled}, anything else {@code failed}
     */
    public void fail(String id, Throwable error) {
        Job job = jobs.get(id);
        tracker.forget(id);
        if (job != null) {
            boolean cancelled = ObjectHelper.getException(RunCancelledException.class, error) != null;
            job.fail(error, cancelled, clock.instant());
            LOG.info("job {}: {}", id, cancelled ? "cancelled" : "failed: " + error.getMessage());
        }
    }

    private static void delete(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("could not delete expired job file {}: {}", file, e.getMessage());
        }
    }
}
