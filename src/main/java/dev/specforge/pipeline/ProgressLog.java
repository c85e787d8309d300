package dev.specforge.pipeline;

import dev.specforge.io.DisplayText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;

/**
 * The daemon's progress log (seed 001 #7): run every {@code specforge.progress.log-interval-ms}, it logs one line
 * per spec that has been in flight for at least that long, so a short spec logs nothing and a long one logs at most
 * one line per interval. It lives beside {@link RunTracker} (not in {@code observe}, which the pipeline uses) so the
 * packages do not depend on each other in a cycle. Run as bean {@code progressLog}, method {@code run}.
 */
public final class ProgressLog implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressLog.class);

    private final RunTracker tracker;
    private final long intervalMs;

    /**
     * @param tracker    the runs in flight
     * @param intervalMs the interval the log is scheduled at, in ms
     */
    public ProgressLog(RunTracker tracker, long intervalMs) {
        this.tracker = tracker;
        this.intervalMs = intervalMs;
    }

    /** Logs one line for each run in flight for at least the interval; nothing for shorter runs. */
    @Override
    public void run() {
        for (SpecRun.Progress p : tracker.all()) {
            if (p.elapsedMs() >= intervalMs) {
                LOG.info("{}", line(p));
            }
        }
    }

    /**
     * @param p a run's progress
     * @return e.g. {@code petstore.yaml: render 120/300 files, 4 LLM calls, 3.2 s, about 5 s left}, the spec's name
     *         with control characters escaped ({@link DisplayText}): the line is printed as it is by the CLI
     */
    public static String line(SpecRun.Progress p) {
        long eta = p.etaMs();
        return String.format(Locale.ROOT, "%s: %s %d/%d files, %d LLM calls, %.1f s%s",
                DisplayText.escape(p.spec()), p.phase(),
                p.filesDone(), p.filesTotal(), p.llmRequests(), p.elapsedMs() / 1000.0,
                eta < 0 ? "" : String.format(Locale.ROOT, ", about %d s left", (eta + 999) / 1000));
    }
}
