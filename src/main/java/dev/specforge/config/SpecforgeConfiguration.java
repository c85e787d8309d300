package dev.specforge.config;

import dev.specforge.cache.CacheSweeper;
import dev.specforge.cache.FileResultCache;
import dev.specforge.cache.ResultStore;
import dev.specforge.cache.StaleFiles;
import dev.specforge.http.CamelJobRunner;
import dev.specforge.http.HttpServerSetup;
import dev.specforge.http.HttpSteps;
import dev.specforge.jobs.JobRegistry;
import dev.specforge.llm.AnswerCheck;
import dev.specforge.llm.DiskAnswerCache;
import dev.specforge.llm.Enricher;
import dev.specforge.llm.HttpLlmTransport;
import dev.specforge.llm.LlmClient;
import dev.specforge.llm.LlmLimiter;
import dev.specforge.llm.LlmMetrics;
import dev.specforge.llm.Prices;
import dev.specforge.llm.Provider;
import dev.specforge.observe.ReadinessChecks;
import dev.specforge.observe.SpecforgeMetrics;
import dev.specforge.pipeline.DeadLetterSteps;
import dev.specforge.pipeline.DeliverSteps;
import dev.specforge.pipeline.EnrichSteps;
import dev.specforge.pipeline.GenerateSteps;
import dev.specforge.pipeline.GeneratedFilesAggregationStrategy;
import dev.specforge.pipeline.Generator;
import dev.specforge.pipeline.KnownSpecRepository;
import dev.specforge.pipeline.ProgressLog;
import dev.specforge.pipeline.ReplaySteps;
import dev.specforge.pipeline.RunTracker;
import dev.specforge.plan.StackRegistry;
import dev.specforge.render.TemplateRenderer;
import dev.specforge.spec.SpecDefaults;
import dev.specforge.spec.SpecBundle;
import dev.specforge.spec.SpecReader;
import dev.specforge.validate.ExternalCheck;
import dev.specforge.validate.FileValidator;
import dev.specforge.validate.ValidationPolicy;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.PropertyInject;
import org.apache.camel.spi.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Builds specforge's beans from the {@code specforge.*} properties (see {@code config/application.properties}, where
 * every key is documented) and binds them for the routes:
 * {@code generateSteps} (the pipeline bean), {@code renderPool} (the Splitter's bounded executor),
 * {@code generatedFiles} (the Splitter's Aggregator), {@code enrichSteps} (the enrichment stage), {@code llmPool}
 * (the enrichment Splitter's executor, {@code specforge.llm.max-concurrency} threads), {@code metricsRegistry}
 * (a Prometheus registry, unless one is bound already; camel-micrometer-prometheus serves it on
 * {@code /observe/metrics}), {@code runs} (the runs in flight), {@code jobs} and {@code httpSteps} (the HTTP API), and
 * the readiness checks. It also schedules the job expiry and the daemon's progress log. Every key can be overridden
 * by a system property of the same name or an environment variable ({@code SPECFORGE_RENDER_THREADS}), through
 * Camel's properties component.
 */
@Configuration
public class SpecforgeConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SpecforgeConfiguration.class);

    @PropertyInject(value = "specforge.templates.dir", defaultValue = "templates")
    private String templatesDir;
    @PropertyInject(value = "specforge.stack.default", defaultValue = "camel-service")
    private String defaultStack;
    @PropertyInject(value = "specforge.render.threads", defaultValue = "0")
    private int renderThreads;
    @PropertyInject(value = "specforge.validate.min-valid-ratio", defaultValue = "0.95")
    private double minValidRatio;
    @PropertyInject(value = "specforge.spec.max-bytes", defaultValue = "16777216")
    private int maxSpecBytes;
    @PropertyInject(value = "specforge.project.default-group", defaultValue = "com.example")
    private String defaultGroup;
    @PropertyInject(value = "specforge.project.default-version", defaultValue = "0.1.0")
    private String defaultVersion;
    @PropertyInject(value = "specforge.work.dir", defaultValue = "outbox/.work")
    private String workDir;
    @PropertyInject(value = "specforge.outbox.dir", defaultValue = "outbox")
    private String outboxDir;

    /**
     * Builds the beans and binds them in the registry.
     *
     * @param camelContext the context being configured
     * @throws IllegalStateException    when the templates folder or the default stack is missing
     * @throws IllegalArgumentException when {@code specforge.render.threads} is negative or
     *                                  {@code specforge.validate.min-valid-ratio} is outside 0..1
     */
    @Override
    public void configure(CamelContext camelContext) {
        Path templates = Path.of(templatesDir);
        if (!Files.isDirectory(templates)) {
            throw new IllegalStateException("specforge.templates.dir '" + templates.toAbsolutePath()
                    + "' is not a folder; run specforge from its installation folder or set the property");
        }
        if (renderThreads < 0) {
            throw new IllegalArgumentException("specforge.render.threads must be 0 (auto) or more, not " + renderThreads);
        }
        int threads = renderThreads == 0 ? 2 * Runtime.getRuntime().availableProcessors() : renderThreads;
        StackRegistry stacks = new StackRegistry(templates, stackOverrides(camelContext));
        if (!stacks.exists(defaultStack)) {
            throw new IllegalStateException("specforge.stack.default '" + defaultStack + "' is not installed in "
                    + stacks.root() + "; installed stacks: " + stacks.names());
        }
        for (String name : stacks.names()) {
            try {
                stacks.manifest(name);
            } catch (dev.specforge.plan.PlanException e) {
                if (e.getMessage().startsWith("specforge.stack.")) {
                    throw new IllegalArgumentException(e.getMessage(), e);
                }
                LOG.warn("stack {} is broken: {}", name, e.getMessage());
            }
        }
        TemplateRenderer renderer = new TemplateRenderer(templates);
        Registry registry = camelContext.getRegistry();
        MeterRegistry meters = registry.lookupByNameAndType("metricsRegistry", MeterRegistry.class);
        if (meters == null) {
            meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            registry.bind("metricsRegistry", meters);
        }
        Llm llm = new Llm(camelContext);
        Enricher enricher = llm.enricher(camelContext, renderer, meters);
        Path cacheDir = Path.of(llm.prop("specforge.cache.dir", "cache"));
        Duration ttl = Llm.duration("specforge.cache.ttl", llm.prop("specforge.cache.ttl", "7d"));
        StaleFiles.clean(Path.of(workDir), cacheDir, Path.of(outboxDir),
                Path.of(llm.prop("specforge.deadletter.dir", "outbox/failed")));
        ResultStore results = new ResultStore(cacheDir, ttl, Clock.systemUTC());
        String settings = String.join("|", llm.provider.id(), llm.model, defaultGroup, defaultVersion,
                Double.toString(minValidRatio), stacks.overridesText());
        long toolTimeout = (long) llm.number("specforge.validate.tool-timeout-ms", 60_000);
        FileValidator validator = new FileValidator(
                externalCheck(camelContext, "specforge.validate.node", "node", toolTimeout),
                externalCheck(camelContext, "specforge.validate.gofmt", "gofmt", toolTimeout));
        // the JavaScript check's node processes stop with the context (they would end with the JVM anyway)
        try {
            camelContext.addService(new org.apache.camel.support.service.ServiceSupport() {
                @Override
                protected void doStop() {
                    validator.close();
                }
            }, true, true);
        } catch (Exception e) {
            throw new IllegalStateException("cannot register the validator's shutdown", e);
        }
        Generator generator = new Generator(
                new SpecReader(new SpecDefaults(defaultGroup, defaultVersion, maxSpecBytes, new SpecBundle.Limits(
                        (int) llm.number("specforge.bundle.max-entries", 10_000),
                        (long) llm.number("specforge.bundle.max-bytes", 64 * 1024 * 1024)))),
                stacks, renderer, new ValidationPolicy(minValidRatio), defaultStack, threads, enricher,
                new Generator.Caches(new FileResultCache(cacheDir, ttl, Clock.systemUTC()),
                        (long) llm.number("specforge.cache.parsed-max-bytes", 64 * 1024 * 1024), settings), validator);
        ExecutorService pool = camelContext.getExecutorServiceManager()
                .newFixedThreadPool(this, "specforge-render", threads);
        ExecutorService llmPool = camelContext.getExecutorServiceManager()
                .newFixedThreadPool(this, "specforge-llm", llm.concurrency);

        RunTracker runs = new RunTracker();
        shutdown(camelContext, (long) llm.number("specforge.shutdown.timeout-ms", 30_000), runs);
        SpecforgeMetrics metrics = new SpecforgeMetrics(meters);
        registry.bind("runs", runs);
        registry.bind("resultStore", new KnownSpecRepository(results));
        registry.bind("generateSteps", new GenerateSteps(generator, Path.of(workDir), runs, results));
        registry.bind("enrichSteps", new EnrichSteps(generator));
        registry.bind("replaySteps", new ReplaySteps(results));
        registry.bind("deliverSteps", new DeliverSteps(metrics));
        registry.bind("deadLetterSteps", new DeadLetterSteps(metrics));
        registry.bind("countRedelivery", (org.apache.camel.Processor) DeadLetterSteps::countRedelivery);
        registry.bind("renderPool", pool);
        registry.bind("llmPool", llmPool);
        registry.bind("generatedFiles", new GeneratedFilesAggregationStrategy());
        entryPoints(camelContext, llm, runs, metrics, stacks, new CacheSweeper(cacheDir, ttl, Clock.systemUTC()));
        registry.bind("specforge-outbox", ReadinessChecks.outboxWritable(Path.of(outboxDir), Path.of(workDir)));
        registry.bind("specforge-templates", ReadinessChecks.templatesLoad(stacks, renderer));
        if (llm.breaker != null) {
            registry.bind("specforge-llm-circuit", ReadinessChecks.llmCircuit(llm.breaker));
        }
        LOG.info("specforge: templates {} (stacks {}), default stack {}, {} render threads, min valid ratio {}",
                stacks.root(), stacks.names(), defaultStack, threads, minValidRatio);
        LOG.info("specforge: LLM provider {}{}", llm.provider.id(), llm.provider == Provider.OFFLINE ? ""
                : ", model " + llm.model + " at " + llm.baseUrl + ", " + llm.rpm + " requests/min, " + llm.concurrency
                + " concurrent, batches of " + llm.batchSize + ", API key " + (llm.apiKey.isEmpty() ? "not set" : "set"));
    }

    /**
     * @param context  the context
     * @param key      {@code specforge.validate.node} or {@code specforge.validate.gofmt}
     * @param fallback the program when the key is not set
     * @param timeoutMs how long one check may run, in ms
     * @return the checker, or {@code null} (logged) when the key is set empty or the program is not found
     */
    private static ExternalCheck externalCheck(CamelContext context, String key, String fallback, long timeoutMs) {
        String command = context.getPropertiesComponent().resolveProperty(key).map(String::trim).orElse(fallback);
        ExternalCheck check = ExternalCheck.find(command, timeoutMs);
        if (check != null) {
            LOG.info("{}: {}", key, check.executable());
        } else if (command.isEmpty()) {
            LOG.info("{} is empty: that check is off", key);
        } else {
            LOG.warn("{}: '{}' is not on the PATH; {}", key, command, key.endsWith("node")
                    ? "generated JavaScript files are not syntax-checked (each report warns)"
                    : "generated Go files get the structural check only");
        }
        return check;
    }

    /**
     * @return {@code specforge.stack.<stack>.<property>} settings (not {@code specforge.stack.default}), by stack
     */
    private static Map<String, Map<String, String>> stackOverrides(CamelContext context) {
        Map<String, Map<String, String>> overrides = new java.util.TreeMap<>();
        java.util.Properties all = context.getPropertiesComponent().loadProperties(
                k -> k.startsWith("specforge.stack.") && !k.equals("specforge.stack.default"));
        for (String key : all.stringPropertyNames()) {
            String rest = key.substring("specforge.stack.".length());
            int dot = rest.indexOf('.');
            if (dot <= 0 || dot == rest.length() - 1) {
                throw new IllegalArgumentException(key + ": stack settings are specforge.stack.<stack>.<property>");
            }
            String value = context.getPropertiesComponent().resolveProperty(key).orElse("").trim();
            overrides.computeIfAbsent(rest.substring(0, dot), s -> new java.util.TreeMap<>())
                    .put(rest.substring(dot + 1), value);
        }
        return overrides;
    }

    /**
     * Graceful shutdown in ms ({@code specforge.shutdown.timeout-ms}): Camel's shutdown strategy stops the consumers,
     * waits for the exchanges in flight for at most the timeout, then stops the rest; thread pools then get one
     * second to end. Configuration classes run after Camel Main applied {@code camel.main.*}, so the unit set here
     * stays milliseconds. Runs still unfinished at that point are logged ({@link RunTracker#all()}): a spec from the
     * file inbox stays there and is generated on the next start.
     */
    private static void shutdown(CamelContext camelContext, long timeoutMs, RunTracker runs) {
        var strategy = camelContext.getShutdownStrategy();
        strategy.setTimeUnit(TimeUnit.MILLISECONDS);
        strategy.setTimeout(Math.max(1, timeoutMs));
        strategy.setShutdownNowOnTimeout(true);
        strategy.setLogInflightExchangesOnTimeout(false);
        camelContext.getExecutorServiceManager().setShutdownAwaitTermination(1000);
        try {
            camelContext.addService(new org.apache.camel.support.service.ServiceSupport() {
                @Override
                protected void doStop() {
                    for (var run : runs.all()) {
                        LOG.warn("{}: did not finish within the shutdown timeout ({} ms; phase {}, {}/{} files); "
                                + "a spec from the inbox is left in the inbox for the next start", run.spec(),
                                timeoutMs, run.phase(), run.filesDone(), run.filesTotal());
                    }
                }
            });
        } catch (Exception e) {
            throw new IllegalStateException("cannot register the shutdown log", e);
        }
    }

    /**
     * The HTTP API's beans ({@code jobs}, {@code httpSteps}, the 413 problem) and the housekeeping schedule: job
     * expiry and the daemon's progress log.
     */
    private void entryPoints(CamelContext camelContext, Llm settings, RunTracker runs, SpecforgeMetrics metrics,
                             StackRegistry stacks, CacheSweeper sweeper) {
        int workers = settings.positive("specforge.jobs.workers", 2);
        Duration expireAfter = Llm.duration("specforge.jobs.expire-after", settings.prop("specforge.jobs.expire-after", "1h"));
        JobRegistry jobs = new JobRegistry(new JobRegistry.Settings(workers,
                (int) settings.number("specforge.jobs.max-queued", 10), expireAfter,
                settings.positive("specforge.jobs.retry-after-seconds", 5)),
                new CamelJobRunner(camelContext), runs,
                camelContext.getExecutorServiceManager().newFixedThreadPool(this, "specforge-jobs", workers),
                Clock.systemUTC());
        metrics.jobs(jobs::queued, jobs::running);
        camelContext.getRegistry().bind("jobs", jobs);
        camelContext.getRegistry().bind("httpSteps", new HttpSteps(jobs, runs, stacks,
                settings.prop("specforge.http.api-key", "")));
        try {
            camelContext.addStartupListener(new HttpServerSetup(
                    (long) settings.number("camel.server.max-body-size", 5 * 1024 * 1024)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot install the HTTP server setup", e);
        }

        ScheduledExecutorService housekeeping = camelContext.getExecutorServiceManager()
                .newSingleThreadScheduledExecutor(this, "specforge-housekeeping");
        long sweepMs = Math.max(1000, Math.min(expireAfter.toMillis() / 4, 60_000));
        housekeeping.scheduleWithFixedDelay(jobs::expire, sweepMs, sweepMs, TimeUnit.MILLISECONDS);
        housekeeping.scheduleWithFixedDelay(sweeper, 1, 10, TimeUnit.MINUTES);
        long progressMs = (long) settings.number("specforge.progress.log-interval-ms", 5000);
        if (progressMs > 0) {
            housekeeping.scheduleWithFixedDelay(new ProgressLog(runs, progressMs), progressMs, progressMs,
                    TimeUnit.MILLISECONDS);
        }
    }

    /** The {@code specforge.llm.*}, {@code specforge.cache.*} and {@code specforge.spec.timeout-ms} settings. */
    private static final class Llm {
        final Provider provider;
        final String baseUrl;
        final String model;
        final String apiKey;
        final int rpm;
        final int concurrency;
        final int batchSize;
        CircuitBreaker breaker;
        private final CamelContext context;

        Llm(CamelContext context) {
            this.context = context;
            provider = Provider.of(prop("specforge.llm.provider", "offline"));
            baseUrl = stripSlash(prop("specforge.llm.base-url", provider.defaultBaseUrl()));
            model = provider == Provider.OFFLINE ? "offline" : prop("specforge.llm.model", provider.defaultModel());
            String key = prop("specforge.llm.api-key", "");
            apiKey = key.isEmpty() && provider != Provider.OFFLINE ? nz(System.getenv(provider.keyVariable())) : key;
            rpm = positive("specforge.llm.requests-per-minute", 60);
            concurrency = positive("specforge.llm.max-concurrency", 4);
            batchSize = positive("specforge.llm.batch-size", 20);
            if (provider != Provider.OFFLINE && apiKey.isEmpty()) {
                LOG.warn("specforge.llm.provider is {} but no API key is set (specforge.llm.api-key or {}); calls go "
                        + "out without one, which only a local compatible server accepts", provider.id(),
                        provider.keyVariable());
            }
        }

        Enricher enricher(CamelContext camelContext, TemplateRenderer renderer, MeterRegistry meters) {
            Prices defaults = provider.defaultPrices();
            Prices prices = new Prices(
                    number("specforge.llm.price.input-usd-per-mtok", defaults.inputPerMTok()),
                    number("specforge.llm.price.output-usd-per-mtok", defaults.outputPerMTok()),
                    number("specforge.llm.price.cache-read-multiplier", defaults.cacheReadMultiplier()),
                    number("specforge.llm.price.cache-write-multiplier", defaults.cacheWriteMultiplier()));
            LlmMetrics metrics = new LlmMetrics(meters, provider);
            LlmClient client = null;
            if (provider != Provider.OFFLINE) {
                int minimumCalls = positive("specforge.llm.circuit-breaker.minimum-calls", 5);
                breaker = CircuitBreaker.of("llm", CircuitBreakerConfig.custom()
                        .failureRateThreshold((float) number("specforge.llm.circuit-breaker.failure-rate-threshold", 50))
                        .minimumNumberOfCalls(minimumCalls)
                        .slidingWindowSize(Math.max(minimumCalls, 10))
                        .waitDurationInOpenState(Duration.ofMillis(positive("specforge.llm.circuit-breaker.open-ms", 30000)))
                        .permittedNumberOfCallsInHalfOpenState(1)
                        .build());
                breaker.getEventPublisher().onStateTransition(e -> LOG.warn("LLM circuit breaker: {}",
                        e.getStateTransition()));
                client = new LlmClient(new LlmClient.Settings(provider, baseUrl, model,
                        positive("specforge.llm.max-tokens", 8192), apiKey, positive("specforge.llm.max-attempts", 3),
                        (int) number("specforge.llm.max-retries", 3), positive("specforge.llm.backoff-ms", 3000)),
                        new LlmLimiter(rpm, concurrency), breaker, new HttpLlmTransport(
                        Duration.ofMillis(positive("specforge.llm.connect-timeout-ms", 10000)),
                        Duration.ofMillis(positive("specforge.llm.timeout-ms", 45000))),
                        new AnswerCheck(), metrics, prices);
            }
            return new Enricher(new Enricher.Settings(provider, model, prices, batchSize,
                    (int) number("specforge.llm.context-depth", 1), positive("specforge.spec.timeout-ms", 300000),
                    rpm, concurrency, (long) number("specforge.llm.expected-latency-ms", 3000)),
                    client, new DiskAnswerCache(Path.of(prop("specforge.cache.dir", "cache")),
                    duration("specforge.cache.ttl", prop("specforge.cache.ttl", "7d")), Clock.systemUTC()), renderer::render, metrics);
        }

        String prop(String key, String fallback) {
            String v = context.getPropertiesComponent().resolveProperty(key).orElse("").trim();
            return v.isEmpty() ? fallback : v;
        }

        double number(String key, double fallback) {
            String v = prop(key, "");
            try {
                double d = v.isEmpty() ? fallback : Double.parseDouble(v);
                if (d < 0) {
                    throw new NumberFormatException();
                }
                return d;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " must be a non-negative number, not '" + v + "'");
            }
        }

        int positive(String key, int fallback) {
            double d = number(key, fallback);
            if (d < 1 || d > Integer.MAX_VALUE || d != Math.rint(d)) {
                throw new IllegalArgumentException(key + " must be a whole number of at least 1, not " + prop(key, ""));
            }
            return (int) d;
        }

        /** @return a duration from {@code 7d}, {@code 12h}, {@code 30m}, {@code 45s} or ISO-8601 ({@code P7D}) */
        static Duration duration(String key, String text) {
            String t = text.trim().toLowerCase(Locale.ROOT);
            try {
                if (t.matches("[0-9]+[dhms]")) {
                    long n = Long.parseLong(t.substring(0, t.length() - 1));
                    return switch (t.charAt(t.length() - 1)) {
                        case 'd' -> Duration.ofDays(n);
                        case 'h' -> Duration.ofHours(n);
                        case 'm' -> Duration.ofMinutes(n);
                        default -> Duration.ofSeconds(n);
                    };
                }
                return Duration.parse(text.trim().toUpperCase(Locale.ROOT));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(key + " '" + text + "' is not a duration such as 7d, 12h, 30m, "
                        + "45s or P7D");
            }
        }

        private static String stripSlash(String url) {
            return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }

        private static String nz(String s) {
            return s == null ? "" : s.trim();
        }
    }
}
