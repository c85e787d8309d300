package dev.specforge.llm;

import io.github.bucket4j.Bucket;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one LLM limiter of the process, shared by every spec in flight: a token bucket for the rate and a semaphore
 * for the concurrency.
 *
 * <p>Providers describe their rate limits as a token bucket whose capacity is the per-minute limit, refilled
 * continuously (OpenAI "Rate limits"; Anthropic "Rate limits": "token bucket algorithm"). The bucket here
 * (Bucket4j, greedy refill, nanosecond clock) has the same shape and starts full, so the schedule is the fastest one
 * that never sees a 429: up to {@code rpm} calls at once (less a small reserve for calls in flight, see
 * {@link #reserve}), then one every 60/rpm seconds. For C calls the wall time is bounded below by max(0, C - rpm) x 60 / rpm
 * seconds plus latency. Concurrency is bounded by a semaphore, not by the Throttle EIP's
 * ConcurrentRequests mode (CAMEL-24926: it over-admits when a permit is held over 10 s; see CAMEL-NOTES.md).
 * Thread-safe.
 */
public final class LlmLimiter {

    private final Bucket bucket;
    private final Semaphore concurrency;
    private final int requestsPerMinute;
    private final int maxConcurrency;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();

    /**
     * @param requestsPerMinute the rate, requests per minute ({@code specforge.llm.requests-per-minute}), at least 1
     * @param maxConcurrency    calls in flight at once ({@code specforge.llm.max-concurrency}), at least 1
     * @throws IllegalArgumentException when either is below 1
     */
    public LlmLimiter(int requestsPerMinute, int maxConcurrency) {
        if (requestsPerMinute < 1 || maxConcurrency < 1) {
            throw new IllegalArgumentException("specforge.llm.requests-per-minute and specforge.llm.max-concurrency "
                    + "must be at least 1, not " + requestsPerMinute + " and " + maxConcurrency);
        }
        this.requestsPerMinute = requestsPerMinute;
        this.maxConcurrency = maxConcurrency;
        // A call takes the server's token when it arrives, ours when it leaves: while calls are in flight and the
        // server's bucket sits at its cap, it loses refill ours still gets. The drift is the refill of the time a
        // call spends in transit, so the reserve is one second of refill, and at most max-concurrency tokens
        // (measured: without a reserve, 9 of 1,400 calls at 1,200 rpm saw a 429; with 8, none). At 60 rpm that is
        // one token, not four: a reserve of max-concurrency tokens cost 4 s of every minute's burst there
        // (bench/results.md, scenario 4).
        long capacity = Math.max(1, requestsPerMinute - reserve(requestsPerMinute, maxConcurrency));
        this.bucket = Bucket.builder()
                .withNanosecondPrecision()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(requestsPerMinute, Duration.ofMinutes(1)))
                .build();
        this.concurrency = new Semaphore(maxConcurrency, true);
    }

    /**
     * @param requestsPerMinute the rate, requests per minute
     * @param maxConcurrency    calls in flight at once
     * @return the tokens the bucket keeps below the provider's capacity: one second of refill
     *         ({@code ceil(rpm / 60)}), at least 1 and at most {@code maxConcurrency}
     */
    static int reserve(int requestsPerMinute, int maxConcurrency) {
        return Math.max(1, Math.min(maxConcurrency, (requestsPerMinute + 59) / 60));
    }

    /** @return the configured rate, requests per minute */
    public int requestsPerMinute() {
        return requestsPerMinute;
    }

    /** @return the configured concurrency */
    public int maxConcurrency() {
        return maxConcurrency;
    }

    /** @return the most calls that were in flight at once since start */
    public int peakConcurrency() {
        return peak.get();
    }

    /**
     * Waits for a concurrency slot, then for a rate token.
     *
     * @param deadlineNanos {@link System#nanoTime()} after which to give up
     * @return a permit to close when the call is done
     * @throws DeadlineException    when the deadline passes first
     * @throws InterruptedException when interrupted while waiting
     */
    public Permit acquire(long deadlineNanos) throws InterruptedException {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0 || !concurrency.tryAcquire(left, TimeUnit.NANOSECONDS)) {
            throw new DeadlineException("no LLM concurrency slot before the spec's deadline");
        }
        try {
            left = deadlineNanos - System.nanoTime();
            if (left <= 0 || !bucket.asBlocking().tryConsume(1, Duration.ofNanos(left))) {
                throw new DeadlineException("no LLM rate token before the spec's deadline");
            }
        } catch (RuntimeException | InterruptedException e) {
            concurrency.release();
            throw e;
        }
        int now = inFlight.incrementAndGet();
        peak.accumulateAndGet(now, Math::max);
        return new Permit();
    }

    /** A held concurrency slot; closing it twice is harmless. */
    public final class Permit implements AutoCloseable {
        private boolean closed;

        private Permit() {
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                inFlight.decrementAndGet();
                concurrency.release();
            }
        }
    }

    /** The spec's deadline ({@code specforge.spec.timeout-ms}) passed while waiting. */
    public static final class DeadlineException extends RuntimeException {
        /** @param message what was being waited for */
        public DeadlineException(String message) {
            super(message);
        }
    }
}
