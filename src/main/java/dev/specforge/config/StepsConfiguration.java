package dev.specforge.config;

import dev.specforge.cache.ResultStore;
import dev.specforge.cli.SpecforgeVersion;
import dev.specforge.http.HomeSteps;
import dev.specforge.http.HttpServerSetup;
import dev.specforge.http.HttpSteps;
import dev.specforge.http.JobSteps;
import dev.specforge.jobs.JobRegistry;
import dev.specforge.observe.SpecforgeMetrics;
import dev.specforge.pipeline.DeadLetterSteps;
import dev.specforge.pipeline.DeliverSteps;
import dev.specforge.pipeline.EnrichSteps;
import dev.specforge.pipeline.GenerateSteps;
import dev.specforge.pipeline.ReplaySteps;
import dev.specforge.pipeline.Generator;
import dev.specforge.pipeline.RunTracker;
import dev.specforge.plan.StackRegistry;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last configuration class: the beans the routes call, {@code generateSteps} and {@code enrichSteps}
 * ({@code routes/generate.camel.yaml}), {@code httpSteps} and {@code jobSteps} ({@code routes/http.camel.yaml}); and
 * the HTTP server's setup (security headers, the 413 problem).
 */
@Configuration
public class StepsConfiguration extends Beans {

    private static final Logger LOG = LoggerFactory.getLogger(StepsConfiguration.class);

    /**
     * @param generator the generator
     * @param settings  the settings
     * @param runs      the runs in flight
     * @param results   the durable result store
     * @return the main route's steps (parse and plan, render, validate, assemble, dry run)
     */
    @BindToRegistry("generateSteps")
    public GenerateSteps generateSteps(Generator generator, Settings settings, RunTracker runs, ResultStore results) {
        return once("generateSteps", () -> new GenerateSteps(generator, settings.folders().work(), runs, results));
    }

    /**
     * @param results the durable result store
     * @return the known-spec replay's steps
     */
    @BindToRegistry("replaySteps")
    public ReplaySteps replaySteps(ResultStore results) {
        return once("replaySteps", () -> new ReplaySteps(results));
    }

    /**
     * @param metrics specforge's meters
     * @return direct:deliver's steps
     */
    @BindToRegistry("deliverSteps")
    public DeliverSteps deliverSteps(SpecforgeMetrics metrics) {
        return once("deliverSteps", () -> new DeliverSteps(metrics));
    }

    /**
     * @param metrics specforge's meters
     * @return the Dead Letter Channel's steps
     */
    @BindToRegistry("deadLetterSteps")
    public DeadLetterSteps deadLetterSteps(SpecforgeMetrics metrics) {
        return once("deadLetterSteps", () -> new DeadLetterSteps(metrics));
    }

    /**
     * @param generator the generator
     * @return the enrichment stage's steps
     */
    @BindToRegistry("enrichSteps")
    public EnrichSteps enrichSteps(Generator generator) {
        return once("enrichSteps", () -> new EnrichSteps(generator));
    }

    /**
     * @param jobs     the job states
     * @param runs     the runs in flight (job progress)
     * @param stacks   the installed stacks
     * @param settings the settings ({@code specforge.http.api-key})
     * @return the HTTP API's steps
     */
    @BindToRegistry("httpSteps")
    public HttpSteps httpSteps(JobRegistry jobs, RunTracker runs, StackRegistry stacks, Settings settings) {
        return once("httpSteps", () -> new HttpSteps(jobs, runs, stacks, settings.http().apiKey()));
    }

    /**
     * @param jobs the job states
     * @return the job worker's steps
     */
    @BindToRegistry("jobSteps")
    public JobSteps jobSteps(JobRegistry jobs) {
        return once("jobSteps", () -> new JobSteps(jobs));
    }

    /**
     * Installs the HTTP server's setup and logs what was configured.
     *
     * @param context the context, every bean bound
     * @throws IllegalStateException when the setup cannot be installed
     */
    @Override
    public void configure(CamelContext context) {
        Settings settings = context.getRegistry().lookupByNameAndType("settings", Settings.class);
        try {
            context.addStartupListener(new HttpServerSetup(settings.http().maxBodyBytes()));
        } catch (Exception e) {
            throw new IllegalStateException("cannot install the HTTP server setup", e);
        }
        StackRegistry stacks = context.getRegistry().lookupByNameAndType("stacks", StackRegistry.class);
        Settings.Generation g = settings.generation();
        Settings.Llm llm = settings.llm();
        int port = Integer.parseInt(context.getPropertiesComponent().resolveProperty("camel.server.port").orElse("0")
                .trim());
        context.getRegistry().bind("homeSteps", new HomeSteps(stacks, new HomeSteps.Facts(SpecforgeVersion.of(),
                g.defaultStack(), g.specMaxBytes(), settings.http().maxBodyBytes(), g.bundleEntries(),
                g.bundleMaxBytes(), settings.jobs().workers(), settings.jobs().maxQueued(), llm.provider().id(),
                llm.model(), !llm.apiKey().isEmpty(), !settings.http().apiKey().isEmpty(), port)));
        try {
            context.addStartupListener(new ReadyLine(settings));
        } catch (Exception e) {
            throw new IllegalStateException("cannot install the start line", e);
        }
        LOG.info("specforge: templates {} (stacks {}), default stack {}, {} render threads, min valid ratio {}",
                stacks.roots().stream().map(r -> r.getFileSystem() == java.nio.file.FileSystems.getDefault()
                        ? r.toString() : "the jar's " + r).toList(), stacks.names(), g.defaultStack(), g.renderThreads(), g.minValidRatio());
    }
}
