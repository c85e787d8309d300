package dev.specforge.config;

import dev.specforge.llm.AnswerCheck;
import dev.specforge.llm.DiskAnswerCache;
import dev.specforge.llm.Enricher;
import dev.specforge.llm.HttpLlmTransport;
import dev.specforge.llm.LlmClient;
import dev.specforge.llm.LlmLimiter;
import dev.specforge.llm.LlmMetrics;
import dev.specforge.llm.Provider;
import dev.specforge.observe.ReadinessChecks;
import dev.specforge.plan.StackRegistry;
import dev.specforge.render.TemplateRenderer;
import dev.specforge.validate.ExternalCheck;
import dev.specforge.validate.FileValidator;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.health.HealthCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;

/**
 * The third configuration class: the enrichment stage ({@code enricher}: the provider's client behind a process-wide
 * limiter and a circuit breaker, and the durable answer cache), the generated files' validator
 * ({@code fileValidator}, with the external node and gofmt checks), and the {@code specforge-templates} and, for an
 * online provider, {@code specforge-llm-circuit} readiness checks.
 */
@Configuration
public class EnrichmentConfiguration extends Beans {

    private static final Logger LOG = LoggerFactory.getLogger(EnrichmentConfiguration.class);

    /** The online provider's circuit breaker, made with the enricher; {@code null} offline. */
    private CircuitBreaker breaker;

    /**
     * @param settings the settings
     * @param renderer the prompts' renderer
     * @param meters   the meter registry
     * @return the enrichment stage
     */
    @BindToRegistry("enricher")
    public Enricher enricher(Settings settings, TemplateRenderer renderer, MeterRegistry meters) {
        return once("enricher", () -> {
            Settings.Llm llm = settings.llm();
            LlmMetrics metrics = new LlmMetrics(meters, llm.provider());
            LlmClient client = null;
            if (llm.provider() != Provider.OFFLINE) {
                if (llm.apiKey().isEmpty()) {
                    LOG.warn("specforge.llm.provider is {} but no API key is set (specforge.llm.api-key or {}); "
                            + "calls go out without one, which only a local compatible server accepts",
                            llm.provider().id(), llm.provider().keyVariable());
                }
                Settings.Breaker b = llm.breaker();
                breaker = CircuitBreaker.of("llm", CircuitBreakerConfig.custom()
                        .failureRateThreshold((float) b.failureRatePercent())
                        .minimumNumberOfCalls(b.minimumCalls())
                        .slidingWindowSize(Math.max(b.minimumCalls(), 10))
                        .waitDurationInOpenState(Duration.ofMillis(b.openMs()))
                        .permittedNumberOfCallsInHalfOpenState(1)
                        .build());
                breaker.getEventPublisher().onStateTransition(e -> LOG.warn("LLM circuit breaker: {}",
                        e.getStateTransition()));
                client = new LlmClient(new LlmClient.Settings(llm.provider(), llm.baseUrl(), llm.model(),
                        llm.maxTokens(), llm.apiKey(), llm.maxAttempts(), llm.maxRetries(), llm.backoffMs()),
                        new LlmLimiter(llm.requestsPerMinute(), llm.maxConcurrency()), breaker,
                        new HttpLlmTransport(Duration.ofMillis(llm.connectTimeoutMs()),
                                Duration.ofMillis(llm.timeoutMs())),
                        new AnswerCheck(), metrics, llm.prices());
            }
            return new Enricher(new Enricher.Settings(llm.provider(), llm.model(), llm.prices(), llm.batchSize(),
                    llm.contextDepth(), llm.specTimeoutMs(), llm.requestsPerMinute(), llm.maxConcurrency(),
                    llm.expectedLatencyMs()), client,
                    new DiskAnswerCache(settings.cache().dir(), settings.cache().ttl(), Clock.systemUTC()),
                    renderer::render, metrics);
        });
    }

    /**
     * @param settings the settings
     * @return the validator of generated files; its node processes stop with the context
     */
    @BindToRegistry("fileValidator")
    public FileValidator fileValidator(Settings settings) {
        return once("fileValidator", () -> {
            Settings.Checks checks = settings.checks();
            return new FileValidator(externalCheck("specforge.validate.node", checks.node(), checks.toolTimeoutMs()),
                    externalCheck("specforge.validate.gofmt", checks.gofmt(), checks.toolTimeoutMs()));
        });
    }

    /**
     * @param stacks   the installed stacks
     * @param renderer the renderer
     * @return the readiness check that every stack's templates load
     */
    @BindToRegistry("specforge-templates")
    public HealthCheck templatesLoad(StackRegistry stacks, TemplateRenderer renderer) {
        return once("specforge-templates", () -> ReadinessChecks.templatesLoad(stacks, renderer));
    }

    /**
     * Binds the circuit's readiness check (online providers), stops the validator's processes with the context, and
     * logs the provider.
     *
     * @param context the context, every bean bound
     */
    @Override
    public void configure(CamelContext context) {
        if (breaker != null) {
            context.getRegistry().bind("specforge-llm-circuit", ReadinessChecks.llmCircuit(breaker));
        }
        FileValidator validator = context.getRegistry().lookupByNameAndType("fileValidator", FileValidator.class);
        SettingsConfiguration.onStop(context, validator::close);
        Settings.Llm llm = context.getRegistry().lookupByNameAndType("settings", Settings.class).llm();
        LOG.info("specforge: LLM provider {}{}", llm.provider().id(), llm.provider() == Provider.OFFLINE ? ""
                : ", model " + llm.model() + " at " + llm.baseUrl() + ", " + llm.requestsPerMinute()
                + " requests/min, " + llm.maxConcurrency() + " concurrent, batches of " + llm.batchSize()
                + ", API key " + (llm.apiKey().isEmpty() ? "not set" : "set"));
    }

    /**
     * @param key       {@code specforge.validate.node} or {@code specforge.validate.gofmt}
     * @param command   its value: a program on the PATH or a path; empty turns the check off
     * @param timeoutMs how long one check may run, in ms
     * @return the checker, or {@code null} (logged) when the value is empty or the program is not found
     */
    private static ExternalCheck externalCheck(String key, String command, long timeoutMs) {
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
}
