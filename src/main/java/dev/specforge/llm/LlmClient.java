package dev.specforge.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Asks one {@link LlmBatch} of a real provider and returns the valid item answers.
 *
 * <p>Per batch: the answer schema is an object whose required properties are the item ids ({@code i1..iN}), each
 * with its own item schema ({@link AnswerSchemas#batch}), so strict structured output answers every item in the form
 * the check accepts. Each item's answer is checked ({@link AnswerCheck}); only the items whose answer is refused
 * (for a rule no strict schema can state) are asked again, alone in a smaller batch with their problems fed back, up
 * to {@code specforge.llm.max-attempts} attempts in all; the rest are left for the offline fallback.
 *
 * <p>Per HTTP call: a permission from the process-wide circuit breaker (resilience4j; while open, the batch falls
 * back at once), a permit from the {@link LlmLimiter}, then the call ({@link Transport}, {@link HttpLlmTransport}).
 * 429 and 529 answers wait {@code retry-after-ms} / {@code retry-after}; 5xx answers and transport errors (timeouts
 * included, {@code specforge.llm.timeout-ms}) back off exponentially with jitter from {@code specforge.llm.backoff-ms}
 * (seed 004: 3 s, 6 s, 12 s), up to {@code specforge.llm.max-retries} retries. Other 4xx answers (bad key, unknown
 * model) are not retried. Thread-safe.
 */
public final class LlmClient {

    private static final Logger LOG = LoggerFactory.getLogger(LlmClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The HTTP call ({@link HttpLlmTransport}; tests may answer it themselves). */
    @FunctionalInterface
    public interface Transport {
        /**
         * @param url     the full URL
         * @param headers request headers (carry the API key: never log them)
         * @param body    the JSON body
         * @return the response, whatever its status
         * @throws Exception on a transport failure (connection refused, timeout)
         */
        HttpReply post(String url, Map<String, String> headers, String body) throws Exception;
    }

    /**
     * An HTTP response.
     *
     * @param status  the status code
     * @param headers the headers, names in lower case
     * @param body    the body text
     */
    public record HttpReply(int status, Map<String, String> headers, String body) {
    }

    /**
     * Settings of the client.
     *
     * @param provider    openai or anthropic
     * @param baseUrl     base URL without trailing slash
     * @param model       model name
     * @param maxTokens   output token limit per call
     * @param apiKey      API key, may be empty
     * @param maxAttempts attempts per item when answers are invalid (at least 1)
     * @param maxRetries  retries per call after 429/529/5xx/transport errors
     * @param backoffMs   first backoff, in ms; doubles per retry, plus up to 25% jitter
     */
    public record Settings(Provider provider, String baseUrl, String model, int maxTokens, String apiKey,
                           int maxAttempts, int maxRetries, long backoffMs) {
        @Override
        public String toString() {
            return "Settings[provider=" + provider.id() + ", baseUrl=" + baseUrl + ", model=" + model + "]";
        }
    }

    private final Settings settings;
    private final LlmLimiter limiter;
    private final CircuitBreaker breaker;
    private final Transport transport;
    private final AnswerCheck check;
    private final LlmMetrics metrics;
    private final Prices prices;

    /**
     * @param settings  the settings
     * @param limiter   the process-wide limiter
     * @param breaker   the process-wide circuit breaker
     * @param transport the HTTP call
     * @param check     the answer check
     * @param metrics   meters
     * @param prices    prices, for the cost meter
     */
    public LlmClient(Settings settings, LlmLimiter limiter, CircuitBreaker breaker, Transport transport,
                     AnswerCheck check, LlmMetrics metrics, Prices prices) {
        this.settings = settings;
        this.limiter = limiter;
        this.breaker = breaker;
        this.transport = transport;
        this.check = check;
        this.metrics = metrics;
        this.prices = prices;
    }

    /**
     * @param batch         the batch
     * @param deadlineNanos the spec's deadline ({@link System#nanoTime()})
     * @return the valid answers by item id ({@link EnrichmentItem#id()}); items missing from it need the fallback
     * @throws InterruptedException when interrupted while waiting
     */
    public Map<String, JsonNode> ask(LlmBatch batch, long deadlineNanos) throws InterruptedException {
        Map<String, JsonNode> valid = new LinkedHashMap<>();
        List<EnrichmentItem> remaining = batch.items();
        Map<EnrichmentItem, String> problems = new LinkedHashMap<>();
        String formatProblem = null;
        for (int attempt = 1; attempt <= settings.maxAttempts() && !remaining.isEmpty(); attempt++) {
            if (attempt > 1) {
                batch.ledger().retry();
            }
            Map<String, EnrichmentItem> byId = new LinkedHashMap<>();
            for (EnrichmentItem item : remaining) {
                byId.put("i" + (byId.size() + 1), item);
            }
            Map<String, ObjectNode> schemas = new LinkedHashMap<>();
            byId.forEach((id, item) -> schemas.put(id, item.schema()));
            ObjectNode body = settings.provider().request(settings.model(), settings.maxTokens(), batch.system(),
                    userMessage(byId, feedback(byId, problems, formatProblem)), batch.kind().toolName(),
                    AnswerSchemas.batch(List.copyOf(schemas.values())));
            Provider.Reply reply;
            try {
                reply = settings.provider().parse(send(body, batch, deadlineNanos));
            } catch (Provider.AnswerFormatException e) {
                book(batch, e.usage(), "invalid");
                formatProblem = e.getMessage();
                LOG.debug("{} batch of {}: {}", batch.kind().id(), byId.size(), e.getMessage());
                continue;
            } catch (Unavailable e) {
                LOG.warn("{} batch of {} items: {}; falling back to the offline provider", batch.kind().id(),
                        byId.size(), e.getMessage());
                return valid;
            }
            formatProblem = null;
            problems.clear();
            for (Map.Entry<String, EnrichmentItem> en : byId.entrySet()) {
                EnrichmentItem item = en.getValue();
                List<String> p = check.problems(item.kind(), schemas.get(en.getKey()), reply.answer().get(en.getKey()));
                if (p.isEmpty()) {
                    valid.put(item.id(), reply.answer().get(en.getKey()));
                } else {
                    problems.put(item, String.join("; ", p));
                }
            }
            book(batch, reply.usage(), problems.isEmpty() ? "ok" : "invalid");
            if (!problems.isEmpty()) {
                LOG.info("{} batch: {} of {} answers invalid (attempt {} of {}): {}", batch.kind().id(),
                        problems.size(), byId.size(), attempt, settings.maxAttempts(), problems.values());
            }
            remaining = List.copyOf(problems.keySet());
        }
        return valid;
    }

    private void book(LlmBatch batch, Usage usage, String outcome) {
        batch.ledger().request(usage);
        metrics.request(outcome);
        metrics.usage(usage, prices);
    }

    /**
     * @param byId          this attempt's items by id
     * @param problems      the previous attempt's problems per item (items answered well are absent)
     * @param formatProblem why the previous response as a whole was unusable, or {@code null}
     * @return the feedback for the next attempt, naming items by their new ids, or {@code null} on a first attempt
     */
    private static String feedback(Map<String, EnrichmentItem> byId, Map<EnrichmentItem, String> problems,
                                   String formatProblem) {
        if (formatProblem != null) {
            return "Your previous answer was rejected: " + formatProblem + ". Answer every item again.";
        }
        if (problems.isEmpty()) {
            return null;
        }
        StringBuilder b = new StringBuilder("Your previous answer was rejected for these items. Fix exactly these "
                + "problems:\n");
        byId.forEach((id, item) -> {
            if (problems.containsKey(item)) {
                b.append("- ").append(id).append(" (").append(item.subject()).append("): ")
                        .append(problems.get(item)).append('\n');
            }
        });
        return b.toString();
    }

    /** @return the variable part of the prompt: the items with their contexts, then any problems to fix */
    static String userMessage(Map<String, EnrichmentItem> byId, String feedback) {
        ObjectNode items = JSON.createObjectNode();
        byId.forEach((id, item) -> items.set(id, item.context()));
        ObjectNode msg = JSON.createObjectNode();
        msg.set("items", items);
        String text;
        try {
            text = "Answer each of these items, keyed by its id:\n" + JSON.writeValueAsString(msg);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return feedback == null ? text : text + "\n\n" + feedback;
    }

    /** @return the body of a 200 response, after waits and retries */
    private JsonNode send(ObjectNode request, LlmBatch batch, long deadlineNanos) throws InterruptedException {
        String body = request.toString();
        String url = settings.baseUrl() + settings.provider().path();
        Map<String, String> headers = settings.provider().headers(settings.apiKey());
        String last = "no attempt";
        for (int retry = 0; retry <= settings.maxRetries(); retry++) {
            long waitMs;
            long start = System.nanoTime();
            HttpReply reply;
            try (LlmLimiter.Permit ignored = limiter.acquire(deadlineNanos)) {
                // asked after the limiter's wait, so calls queued behind it see a breaker that opened meanwhile
                if (!breaker.tryAcquirePermission()) {
                    throw new Unavailable("the circuit breaker is open after repeated failures of " + url);
                }
                start = System.nanoTime();
                reply = transport.post(url, headers, body);
            } catch (LlmLimiter.DeadlineException e) {
                throw new Unavailable(e.getMessage());
            } catch (Unavailable | InterruptedException e) {
                throw e;
            } catch (Exception e) {
                breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
                metrics.request("error");
                last = "transport error: " + e;
                waitMs = backoff(retry);
                if (!pause(waitMs, retry, deadlineNanos, last)) {
                    break;
                }
                continue;
            }
            long took = System.nanoTime() - start;
            int status = reply.status();
            if (status == 200) {
                breaker.onSuccess(took, TimeUnit.NANOSECONDS);
                try {
                    return JSON.readTree(reply.body());
                } catch (JsonProcessingException e) {
                    throw new Provider.AnswerFormatException("the response body is not JSON", Usage.NONE);
                }
            }
            last = "HTTP " + status + ": " + snippet(reply.body());
            if (status == 429 || status == 529) {
                batch.ledger().rateLimited();
                metrics.request("rate_limited");
                if (status == 529) {
                    breaker.onError(took, TimeUnit.NANOSECONDS, new IllegalStateException("overloaded"));
                } else {
                    breaker.releasePermission();
                }
                waitMs = retryAfter(reply.headers(), retry);
            } else if (status >= 500 || status == 408) {
                breaker.onError(took, TimeUnit.NANOSECONDS, new IllegalStateException("HTTP " + status));
                metrics.request("error");
                waitMs = backoff(retry);
            } else {
                breaker.onSuccess(took, TimeUnit.NANOSECONDS);
                metrics.request("error");
                throw new Unavailable(last + " (not retried; check specforge.llm.base-url, model and api-key)");
            }
            if (!pause(waitMs, retry, deadlineNanos, last)) {
                break;
            }
        }
        throw new Unavailable("gave up after " + (settings.maxRetries() + 1) + " tries; last: " + last);
    }

    private boolean pause(long waitMs, int retry, long deadlineNanos, String why) throws InterruptedException {
        if (retry >= settings.maxRetries()) {
            return false;
        }
        if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMs) > deadlineNanos) {
            throw new Unavailable(why + "; the next try would pass the spec's deadline");
        }
        LOG.debug("LLM call failed ({}); retrying in {} ms", why, waitMs);
        Thread.sleep(waitMs);
        return true;
    }

    /** @return backoff before retry {@code retry + 1}: base x 2^retry, plus up to 25% jitter */
    private long backoff(int retry) {
        long base = settings.backoffMs() << Math.min(retry, 20);
        return base + ThreadLocalRandom.current().nextLong(base / 4 + 1);
    }

    /** @return the wait a 429/529 asks for: {@code retry-after-ms}, else {@code retry-after} seconds, else backoff */
    private long retryAfter(Map<String, String> headers, int retry) {
        try {
            if (headers.containsKey("retry-after-ms")) {
                return Math.max(0, (long) Double.parseDouble(headers.get("retry-after-ms").trim()));
            }
            if (headers.containsKey("retry-after")) {
                return Math.max(0, (long) (Double.parseDouble(headers.get("retry-after").trim()) * 1000));
            }
        } catch (NumberFormatException notANumber) {
            // an HTTP date or garbage: fall through to the backoff
        }
        return backoff(retry);
    }

    private static String snippet(String body) {
        String s = body == null ? "" : body.replaceAll("\\s+", " ");
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    /** The provider cannot be used for this batch now: its items fall back to the offline provider. */
    static final class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message);
        }
    }
}
