package dev.specforge.pipeline;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The specs in flight, by run id: what the daemon's progress log, the CLI's progress bar and the HTTP job status
 * read, and where a cancellation is posted. A run id is the {@value EsbHeaders#HEADER_RUN_ID} header of
 * {@code direct:generate} (the HTTP job id), else the exchange id. Thread-safe.
 */
public final class RunTracker {

    private final Map<String, SpecRun> active = new ConcurrentHashMap<>();
    private final Set<String> cancelled = ConcurrentHashMap.newKeySet();

    /**
     * Registers a planned run.
     *
     * @param id  the run id
     * @param run the run
     * @throws RunCancelledException when the run was cancelled before it was planned
     */
    void started(String id, SpecRun run) {
        active.put(id, run);
        if (cancelled.contains(id)) {
            run.cancel();
            throw new RunCancelledException(id);
        }
    }

    /** @param id a run id whose exchange is done (whatever the outcome) */
    void finished(String id) {
        active.remove(id);
        cancelled.remove(id);
    }

    /**
     * @param id a run id
     * @return the progress of that run, if it is in flight and planned
     */
    public Optional<SpecRun.Progress> progress(String id) {
        return Optional.ofNullable(active.get(id)).map(SpecRun::progress);
    }

    /** @return the progress of every run in flight */
    public List<SpecRun.Progress> all() {
        return active.values().stream().map(SpecRun::progress).toList();
    }

    /**
     * Asks a run to stop: it fails with {@link RunCancelledException} at its next check (before enrichment calls,
     * before each file). Calls already sent to the LLM are not interrupted. Works before the run is planned too.
     *
     * @param id the run id
     */
    public void cancel(String id) {
        cancelled.add(id);
        SpecRun run = active.get(id);
        if (run != null) {
            run.cancel();
        }
    }

    /** Forgets a cancellation that was never picked up (the run ended or never started). */
    public void forget(String id) {
        cancelled.remove(id);
    }
}
