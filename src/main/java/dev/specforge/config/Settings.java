package dev.specforge.config;

import dev.specforge.jobs.JobRegistry;
import dev.specforge.llm.Prices;
import dev.specforge.llm.Provider;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * specforge's settings as one immutable tree, read once at start by {@link SettingsReader} from Camel's properties
 * ({@code config/application.properties}, where every key is documented and set; a JVM system property of the same
 * name or a {@code SPECFORGE_*} environment variable overrides a key). Java holds no default of its own: a key
 * missing from the file is an error at start. Bound in the registry as {@code settings}.
 *
 * @param folders    where specforge reads and writes
 * @param generation how specs become projects
 * @param checks     the external checkers of generated sources
 * @param llm        the enrichment provider and its limits
 * @param cache      the durable caches
 * @param http       the HTTP API
 * @param jobs       the HTTP API's job queue: {@code specforge.jobs.workers}, {@code max-queued},
 *                   {@code expire-after}, {@code retry-after-seconds}
 * @param daemon     shutdown and the progress log
 */
public record Settings(Folders folders, Generation generation, Checks checks, Llm llm, Cache cache, Http http,
                       JobRegistry.Settings jobs, Daemon daemon) {

    /**
     * The job expiry's interval ({@code routes/housekeeping.camel.yaml} reads it as
     * {@code {{bean:settings.jobExpiryIntervalMs}}}): a quarter of {@code specforge.jobs.expire-after}, at least one
     * second and at most one minute, so a job is gone at most a quarter late.
     *
     * @return the interval in ms
     */
    public long jobExpiryIntervalMs() {
        return Math.max(1000, Math.min(jobs.expireAfter().toMillis() / 4, 60_000));
    }

    /**
     * The progress log's condition ({@code routes/housekeeping.camel.yaml}'s precondition
     * {@code {{bean:settings.progressLogEnabled}}}).
     *
     * @return whether {@code specforge.progress.log-interval-ms} is above 0
     */
    public boolean progressLogEnabled() {
        return daemon.progressLogIntervalMs() > 0;
    }

    /**
     * @param templates     {@code specforge.templates.dir}: one sub-folder per stack (may be missing: then only the
     *                      built-in stacks are offered)
     * @param builtinStacks {@code specforge.templates.builtin}: whether the stacks built into the jar are offered
     *                      after those of {@code templates} (a folder of the same name there overrides one)
     * @param outbox     {@code specforge.outbox.dir}: zips and reports
     * @param work       {@code specforge.work.dir}: zips being assembled
     * @param deadLetter {@code specforge.deadletter.dir}: failed specs and their error reports
     */
    public record Folders(Path templates, boolean builtinStacks, Path outbox, Path work, Path deadLetter) {
    }

    /**
     * @param defaultStack   {@code specforge.stack.default}
     * @param stackOverrides {@code specforge.stack.<stack>.<property>} values, by stack, then property (sorted)
     * @param renderThreads  the render pool's size: {@code specforge.render.threads}, where 0 means 2 x the
     *                       available processors
     * @param minValidRatio  {@code specforge.validate.min-valid-ratio}, 0..1
     * @param specMaxBytes   {@code specforge.spec.max-bytes}: largest spec, in bytes
     * @param bundleEntries  {@code specforge.bundle.max-entries}: most entries of a multi-file spec
     * @param bundleMaxBytes {@code specforge.bundle.max-bytes}: most bytes of a multi-file spec once inflated
     * @param defaultGroup   {@code specforge.project.default-group}
     * @param defaultVersion {@code specforge.project.default-version}
     */
    public record Generation(String defaultStack, Map<String, Map<String, String>> stackOverrides, int renderThreads,
                             double minValidRatio, int specMaxBytes, int bundleEntries, long bundleMaxBytes,
                             String defaultGroup, String defaultVersion) {
    }

    /**
     * @param node          {@code specforge.validate.node}: the program or path; empty = the check is off
     * @param gofmt         {@code specforge.validate.gofmt}: the program or path; empty = the check is off
     * @param toolTimeoutMs {@code specforge.validate.tool-timeout-ms}: one check's limit, in ms
     */
    public record Checks(String node, String gofmt, long toolTimeoutMs) {
    }

    /**
     * @param provider          {@code specforge.llm.provider}
     * @param baseUrl           {@code specforge.llm.base-url} without a trailing slash; the provider's when empty
     * @param model             {@code specforge.llm.model}; the provider's when empty; {@code offline} offline
     * @param apiKey            {@code specforge.llm.api-key}; when empty the provider's environment variable
     *                          ({@code OPENAI_API_KEY}, {@code ANTHROPIC_API_KEY}); may be empty. Never logged.
     * @param maxTokens         {@code specforge.llm.max-tokens}: output tokens per call
     * @param maxAttempts       {@code specforge.llm.max-attempts}: attempts per item with broken answers
     * @param maxRetries        {@code specforge.llm.max-retries}: retries per call after 429/529/5xx/timeouts
     * @param backoffMs         {@code specforge.llm.backoff-ms}: the first backoff, in ms
     * @param requestsPerMinute {@code specforge.llm.requests-per-minute}
     * @param maxConcurrency    {@code specforge.llm.max-concurrency}: calls in flight (and the llmPool's size)
     * @param batchSize         {@code specforge.llm.batch-size}: items of one kind per call
     * @param contextDepth      {@code specforge.llm.context-depth}: reference hops in a per-entity context
     * @param expectedLatencyMs {@code specforge.llm.expected-latency-ms}: per call, for dry-run estimates
     * @param specTimeoutMs     {@code specforge.spec.timeout-ms}: one spec's enrichment deadline, in ms
     * @param timeoutMs         {@code specforge.llm.timeout-ms}: one call's wait for its answer, in ms
     * @param connectTimeoutMs  {@code specforge.llm.connect-timeout-ms}: one connection attempt, in ms
     * @param prices            {@code specforge.llm.price.*}; each empty one is the provider's default
     * @param breaker           {@code specforge.llm.circuit-breaker.*}
     */
    public record Llm(Provider provider, String baseUrl, String model, String apiKey, int maxTokens,
                      int maxAttempts, int maxRetries, long backoffMs, int requestsPerMinute, int maxConcurrency,
                      int batchSize, int contextDepth, long expectedLatencyMs, long specTimeoutMs, long timeoutMs,
                      long connectTimeoutMs, Prices prices,
                      Breaker breaker) {

        @Override
        public String toString() {
            return "Llm[provider=" + provider.id() + ", baseUrl=" + baseUrl + ", model=" + model + "]";
        }
    }

    /**
     * @param failureRatePercent {@code specforge.llm.circuit-breaker.failure-rate-threshold}: % of failed calls
     * @param minimumCalls       {@code specforge.llm.circuit-breaker.minimum-calls}
     * @param openMs             {@code specforge.llm.circuit-breaker.open-ms}: how long it stays open, in ms
     */
    public record Breaker(double failureRatePercent, int minimumCalls, long openMs) {
    }

    /**
     * @param dir            {@code specforge.cache.dir}: LLM answers, file results, spec results
     * @param ttl            {@code specforge.cache.ttl}: how long a durable entry stays valid
     * @param parsedMaxBytes {@code specforge.cache.parsed-max-bytes}: parsed specs kept in memory, by source size
     */
    public record Cache(Path dir, Duration ttl, long parsedMaxBytes) {
    }

    /**
     * @param apiKey       {@code specforge.http.api-key}; empty = the API is open. Never logged.
     * @param maxBodyBytes {@code camel.server.max-body-size}: the largest request body, in bytes
     */
    public record Http(String apiKey, long maxBodyBytes) {

        @Override
        public String toString() {
            return "Http[apiKey=" + (apiKey.isEmpty() ? "not set" : "set") + ", maxBodyBytes=" + maxBodyBytes + "]";
        }
    }

    /**
     * @param shutdownTimeoutMs     {@code specforge.shutdown.timeout-ms}: how long a graceful stop waits, in ms
     * @param progressLogIntervalMs {@code specforge.progress.log-interval-ms}: the progress log's interval; 0 = off
     */
    public record Daemon(long shutdownTimeoutMs, long progressLogIntervalMs) {
    }
}
