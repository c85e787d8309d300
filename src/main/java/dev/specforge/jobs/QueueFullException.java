package dev.specforge.jobs;

/** The job queue holds {@code specforge.jobs.max-queued} jobs already; the client should retry later (HTTP 429). */
public final class QueueFullException extends RuntimeException {

    private final int retryAfterSeconds;

    /**
     * @param maxQueued         the queue bound
     * @param retryAfterSeconds the suggested wait before retrying, in seconds
     */
    public QueueFullException(int maxQueued, int retryAfterSeconds) {
        super("the job queue is full (" + maxQueued + " jobs waiting, specforge.jobs.max-queued); retry in "
                + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** @return the suggested wait before retrying, in seconds (the {@code Retry-After} header) */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
