package dev.specforge.config;

import dev.specforge.cache.StaleFiles;
import dev.specforge.pipeline.RunTracker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;

/**
 * The first of specforge's configuration classes ({@code camel.main.configuration-classes} lists them in the order
 * their beans depend on each other: Camel Main binds each class's {@code @BindToRegistry} beans in that order, so a
 * factory method's parameters are beans of an earlier class, found by type). Binds {@code settings} (every
 * {@code specforge.*} key, read once: {@link Settings}), {@code runs} (the runs in flight) and
 * {@code metricsRegistry}; once every bean is bound, removes files an interrupted run left and sets up the graceful
 * shutdown.
 */
@Configuration
public class SettingsConfiguration extends Beans {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsConfiguration.class);

    /**
     * @param context the context whose properties component holds the configuration
     * @return the settings
     * @throws IllegalArgumentException naming the key and the value when a key is missing or malformed
     */
    @BindToRegistry("settings")
    public Settings settings(CamelContext context) {
        return once("settings", () -> new SettingsReader(context.getPropertiesComponent()).read());
    }

    /** @return the runs in flight (progress, cancellation) */
    @BindToRegistry("runs")
    public RunTracker runs() {
        return once("runs", () -> new RunTracker());
    }

    /**
     * @param registry the registry
     * @return the meter registry bound already, else a new Prometheus one (camel-micrometer-prometheus serves it on
     *         {@code /observe/metrics})
     */
    @BindToRegistry("metricsRegistry")
    public MeterRegistry metricsRegistry(Registry registry) {
        return once("metricsRegistry", () -> {
            MeterRegistry bound = registry.lookupByNameAndType("metricsRegistry", MeterRegistry.class);
            return bound != null ? bound : new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        });
    }

    /**
     * Removes what an interrupted run left (zips being assembled, temporary files) and sets up the graceful shutdown.
     *
     * @param context the context, every bean bound
     */
    @Override
    public void configure(CamelContext context) {
        Settings settings = context.getRegistry().lookupByNameAndType("settings", Settings.class);
        Settings.Folders folders = settings.folders();
        StaleFiles.clean(folders.work(), settings.cache().dir(), folders.outbox(), folders.deadLetter());
        shutdown(context, settings.daemon().shutdownTimeoutMs(),
                context.getRegistry().lookupByNameAndType("runs", RunTracker.class));
    }

    /**
     * Graceful shutdown in ms ({@code specforge.shutdown.timeout-ms}): Camel's shutdown strategy stops the consumers,
     * waits for the exchanges in flight for at most the timeout, then stops the rest; thread pools then get one
     * second to end. Configuration classes run after Camel Main applied {@code camel.main.*}, so the unit set here
     * stays milliseconds. Runs still unfinished at that point are logged ({@link RunTracker#all()}): a spec from the
     * file inbox stays there and is generated on the next start.
     */
    private static void shutdown(CamelContext context, long timeoutMs, RunTracker runs) {
        var strategy = context.getShutdownStrategy();
        strategy.setTimeUnit(TimeUnit.MILLISECONDS);
        strategy.setTimeout(Math.max(1, timeoutMs));
        strategy.setShutdownNowOnTimeout(true);
        strategy.setLogInflightExchangesOnTimeout(false);
        context.getExecutorServiceManager().setShutdownAwaitTermination(1000);
        onStop(context, () -> {
            for (var run : runs.all()) {
                LOG.warn("{}: did not finish within the shutdown timeout ({} ms; phase {}, {}/{} files); "
                        + "a spec from the inbox is left in the inbox for the next start", run.spec(),
                        timeoutMs, run.phase(), run.filesDone(), run.filesTotal());
            }
        });
    }

    /**
     * @param context the context
     * @param action  what to do when the context stops (after the routes)
     * @throws IllegalStateException when the service cannot be added
     */
    static void onStop(CamelContext context, Runnable action) {
        try {
            context.addService(new ServiceSupport() {
                @Override
                protected void doStop() {
                    action.run();
                }
            }, true, true);
        } catch (Exception e) {
            throw new IllegalStateException("cannot register a shutdown step", e);
        }
    }
}
