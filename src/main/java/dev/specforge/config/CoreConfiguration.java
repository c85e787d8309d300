package dev.specforge.config;

import dev.specforge.cache.CacheSweeper;
import dev.specforge.cache.ResultStore;
import dev.specforge.io.BuiltinFolder;
import dev.specforge.observe.ReadinessChecks;
import dev.specforge.observe.SpecforgeMetrics;
import dev.specforge.pipeline.DeadLetterSteps;
import dev.specforge.pipeline.GeneratedFilesAggregationStrategy;
import dev.specforge.pipeline.KnownSpecRepository;
import dev.specforge.pipeline.ProgressLog;
import dev.specforge.pipeline.RunTracker;
import dev.specforge.plan.PlanException;
import dev.specforge.plan.StackRegistry;
import dev.specforge.render.TemplateRenderer;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.Processor;
import org.apache.camel.health.HealthCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * The second configuration class: beans that need only {@link SettingsConfiguration}'s. Binds {@code stacks} (the
 * installed stacks), {@code templateRenderer}, {@code results} (the durable result store), {@code resultStore}
 * (the Idempotent Consumer's repository over it),
 * {@code specforgeMetrics}, {@code renderPool} (the render Splitter's bounded executor,
 * {@code specforge.render.threads} threads), {@code llmPool} (the enrichment Splitter's,
 * {@code specforge.llm.max-concurrency} threads),
 * {@code generatedFiles} (the render Splitter's Aggregator), {@code countRedelivery}, the housekeeping routes'
 * {@code cacheSweeper} and {@code progressLog}, and the {@code specforge-outbox} readiness check.
 */
@Configuration
public class CoreConfiguration extends Beans {

    private static final Logger LOG = LoggerFactory.getLogger(CoreConfiguration.class);

    /**
     * @param settings the settings
     * @return the installed stacks, each manifest checked
     * @throws IllegalStateException    when the default stack is installed in neither the templates folder nor the
     *                                  jar
     * @throws IllegalArgumentException when a {@code specforge.stack.<stack>.<property>} setting is wrong
     */
    @BindToRegistry("stacks")
    public StackRegistry stacks(Settings settings) {
        return once("stacks", () -> {
            Path templates = settings.folders().templates();
            List<Path> roots = new ArrayList<>();
            roots.add(templates);
            if (settings.folders().builtinStacks()) {
                BuiltinFolder.of("templates").ifPresent(roots::add);
            }
            if (!Files.isDirectory(templates)) {
                LOG.debug("specforge.templates.dir {} is not a folder: only the built-in stacks are offered",
                        templates.toAbsolutePath());
            }
            StackRegistry stacks = new StackRegistry(roots, settings.generation().stackOverrides());
            String defaultStack = settings.generation().defaultStack();
            if (!stacks.exists(defaultStack)) {
                throw new IllegalStateException("specforge.stack.default '" + defaultStack + "' is not installed in "
                        + stacks.roots() + "; installed stacks: " + stacks.names());
            }
            for (String name : stacks.names()) {
                try {
                    stacks.manifest(name);
                } catch (PlanException e) {
                    if (e.getMessage().startsWith("specforge.stack.")) {
                        throw new IllegalArgumentException(e.getMessage(), e);
                    }
                    LOG.warn("stack {} is broken: {}", name, e.getMessage());
                }
            }
            return stacks;
        });
    }

    /**
     * @param settings the settings
     * @return the FreeMarker renderer over the installed stacks' folders
     */
    @BindToRegistry("templateRenderer")
    public TemplateRenderer templateRenderer(Settings settings) {
        return once("templateRenderer", () -> new TemplateRenderer(stacks(settings)));
    }

    /**
     * @param settings the settings
     * @return the durable whole-spec result store under {@code specforge.cache.dir} (plain Java: the replay and
     *         assemble steps read and write it)
     */
    @BindToRegistry("results")
    public ResultStore results(Settings settings) {
        return once("results", () -> new ResultStore(settings.cache().dir(), settings.cache().ttl(),
                Clock.systemUTC()));
    }

    /**
     * @param settings the settings
     * @return the known-spec Idempotent Consumer's repository ({@code routes/generate.camel.yaml}) over
     *         {@link #results}
     */
    @BindToRegistry("resultStore")
    public KnownSpecRepository resultStore(Settings settings) {
        return once("resultStore", () -> new KnownSpecRepository(results(settings)));
    }

    /**
     * @param meters the meter registry
     * @return specforge's own meters
     */
    @BindToRegistry("specforgeMetrics")
    public SpecforgeMetrics specforgeMetrics(MeterRegistry meters) {
        return once("specforgeMetrics", () -> new SpecforgeMetrics(meters));
    }

    /**
     * @param context  the context whose executor manager owns the pool (it ends with the context)
     * @param settings the settings
     * @return the render Splitter's pool
     */
    @BindToRegistry("renderPool")
    public ExecutorService renderPool(CamelContext context, Settings settings) {
        return once("renderPool", () -> {
            return context.getExecutorServiceManager().newFixedThreadPool(this, "specforge-render",
                    settings.generation().renderThreads());
        });
    }

    /**
     * @param context  the context whose executor manager owns the pool (it ends with the context)
     * @param settings the settings
     * @return the enrichment Splitter's pool
     */
    @BindToRegistry("llmPool")
    public ExecutorService llmPool(CamelContext context, Settings settings) {
        return once("llmPool", () -> {
            return context.getExecutorServiceManager().newFixedThreadPool(this, "specforge-llm",
                    settings.llm().maxConcurrency());
        });
    }

    /** @return the render Splitter's Aggregator */
    @BindToRegistry("generatedFiles")
    public AggregationStrategy generatedFiles() {
        return once("generatedFiles", () -> new GeneratedFilesAggregationStrategy());
    }

    /** @return the Dead Letter Channel's redelivery counter */
    @BindToRegistry("countRedelivery")
    public Processor countRedelivery() {
        return once("countRedelivery", () -> DeadLetterSteps::countRedelivery);
    }

    /**
     * @param settings the settings
     * @return the cache sweep ({@code routes/housekeeping.camel.yaml})
     */
    @BindToRegistry("cacheSweeper")
    public CacheSweeper cacheSweeper(Settings settings) {
        return once("cacheSweeper", () -> new CacheSweeper(settings.cache().dir(), settings.cache().ttl(),
                Clock.systemUTC()));
    }

    /**
     * @param runs     the runs in flight
     * @param settings the settings
     * @return the daemon's progress log ({@code routes/housekeeping.camel.yaml}, when the interval is above 0)
     */
    @BindToRegistry("progressLog")
    public ProgressLog progressLog(RunTracker runs, Settings settings) {
        return once("progressLog", () -> new ProgressLog(runs, settings.daemon().progressLogIntervalMs()));
    }

    /**
     * @param settings the settings
     * @return the readiness check that the outbox and the work folder are writable
     */
    @BindToRegistry("specforge-outbox")
    public HealthCheck outboxWritable(Settings settings) {
        return once("specforge-outbox", () -> ReadinessChecks.outboxWritable(settings.folders().outbox(),
                settings.folders().work()));
    }
}
