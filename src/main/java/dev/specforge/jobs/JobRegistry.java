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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP API's jobs: a bounded queue in front of a fixed pool of workers, each running one spec through the
 * pipeline. {@code specforge.jobs.max-queued} bounds the jobs waiting (beyond it {@link #submit} refuses with
 * {@link QueueFullException}, HTTP 429), {@code specforge.jobs.workers} the jobs running at once, and finished jobs,
 * with their zip and report files, are forgotten {@code specforge.jobs.expire-after} after they finished: by the
 * scheduled {@link #expire()} sweep, or at once when an expired job is looked up. Thread-safe.
 */
public final class JobRegistry {

    /**
     * @param workers           jobs generated at once (the size of {@code workerPool})
     * @param maxQueued         jobs that may wait for a worker; one more is refused
     * @param expireAfter       how long a finished job and its files are kept
     * @param retryAfterSeconds the {@code Retry-After} suggested when the queue is full, in seconds
     */
    public record Settings(int workers, int maxQueued, Duration expireAfter, int retryAfterSeconds) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(JobRegistry.class);

    private final Settings settings;
    private final JobRunner runner;
    private final RunTracker tracker;
    private final ExecutorService workerPool;
    private final Clock clock;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();

    /**
     * @param settings   bounds and expiry
     * @param runner     runs a job through {@code direct:generate}
     * @param tracker    the pipeline's runs in flight (a job's run id is its job id)
     * @param workerPool a pool of {@code settings.workers()} threads with an unbounded queue (the bound is ours)
     * @param clock      the clock for timestamps and expiry
     */
    public JobRegistry(Settings settings, JobRunner runner, RunTracker tracker, ExecutorService workerPool,
                       Clock clock) {
        this.settings = settings;
        this.runner = runner;
        this.tracker = tracker;
        this.workerPool = workerPool;
        this.clock = clock;
    }

    /** @return the bounds and expiry in use */
    public Settings settings() {
        return settings;
    }

    /**
     * Accepts a job, unless the queue is full.
     *
     * @param request what to generate
     * @return the queued job
     * @throws QueueFullException when {@code max-queued} jobs are waiting already
     */
    public Job submit(JobRequest request) {
        if (queued.incrementAndGet() > settings.maxQueued()) {
            queued.decrementAndGet();
            throw new QueueFullException(settings.maxQueued(), settings.retryAfterSeconds());
        }
        Job job = new Job(UUID.randomUUID().toString(), request, clock.instant());
        jobs.put(job.id(), job);
        LOG.info("job {}: queued {} ({} bytes)", job.id(), request.specName(job.id()), request.spec().length);
        workerPool.execute(() -> run(job));
        return job;
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
            queued.decrementAndGet();
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
        return queued.get();
    }

    /** @return jobs being generated */
    public int running() {
        return running.get();
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

    private void run(Job job) {
        if (!job.start(clock.instant())) {
            tracker.forget(job.id());
            return;
        }
        queued.decrementAndGet();
        running.incrementAndGet();
        try {
            Job.Result result = runner.run(job.id(), job.request());
            job.succeed(result, clock.instant());
            LOG.info("job {}: succeeded -> {}", job.id(), result.zip());
        } catch (Exception e) {
            boolean cancelled = ObjectHelper.getException(RunCancelledException.class, e) != null;
            job.fail(e, cancelled, clock.instant());
            LOG.info("job {}: {}", job.id(), cancelled ? "cancelled" : "failed: " + e.getMessage());
        } finally {
            running.decrementAndGet();
            tracker.forget(job.id());
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
