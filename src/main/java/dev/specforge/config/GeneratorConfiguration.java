package dev.specforge.config;

import dev.specforge.cache.FileResultCache;
import dev.specforge.jobs.JobRegistry;
import dev.specforge.llm.Enricher;
import dev.specforge.observe.SpecforgeMetrics;
import dev.specforge.pipeline.EsbHeaders;
import dev.specforge.pipeline.Generator;
import dev.specforge.pipeline.RunTracker;
import dev.specforge.plan.StackRegistry;
import dev.specforge.render.TemplateRenderer;
import dev.specforge.spec.SpecBundle;
import dev.specforge.spec.SpecDefaults;
import dev.specforge.spec.SpecReader;
import dev.specforge.validate.FileValidator;
import dev.specforge.validate.ValidationPolicy;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.component.seda.SedaEndpoint;

import java.time.Clock;

/**
 * The fourth configuration class: the {@code generator} (the core pipeline the routes' steps call: spec reader,
 * planner, renderer, enrichment, validator, caches) and {@code jobs} (the HTTP API's job states).
 */
@Configuration
public class GeneratorConfiguration extends Beans {

    /** The Camel queue the HTTP jobs' ids wait on ({@code routes/http.camel.yaml}). */
    static final String JOB_QUEUE = "seda:jobs";

    /**
     * @param settings  the settings
     * @param stacks    the installed stacks
     * @param renderer  the renderer
     * @param enricher  the enrichment stage
     * @param validator the validator
     * @return the generator
     */
    @BindToRegistry("generator")
    public Generator generator(Settings settings, StackRegistry stacks, TemplateRenderer renderer, Enricher enricher,
                               FileValidator validator) {
        return once("generator", () -> {
            Settings.Generation g = settings.generation();
            // what, besides the spec and the stack, changes the output: part of the result store's key
            String outputSettings = String.join("|", settings.llm().provider().id(), settings.llm().model(),
                    g.defaultGroup(), g.defaultVersion(), Double.toString(g.minValidRatio()), stacks.overridesText());
            return new Generator(
                    new SpecReader(new SpecDefaults(g.defaultGroup(), g.defaultVersion(), g.specMaxBytes(),
                            new SpecBundle.Limits(g.bundleEntries(), g.bundleMaxBytes()))),
                    stacks, renderer, new ValidationPolicy(g.minValidRatio()), g.defaultStack(), g.renderThreads(),
                    enricher, new Generator.Caches(new FileResultCache(settings.cache().dir(), settings.cache().ttl(),
                            Clock.systemUTC()), settings.cache().parsedMaxBytes(), outputSettings), validator);
        });
    }

    /**
     * @param context  the context holding {@value #JOB_QUEUE}
     * @param settings the settings
     * @param runs     the runs in flight
     * @param metrics  specforge's meters (the jobs gauges)
     * @return the job states; a job cancelled while queued is taken off {@value #JOB_QUEUE}
     */
    @BindToRegistry("jobs")
    public JobRegistry jobs(CamelContext context, Settings settings, RunTracker runs, SpecforgeMetrics metrics) {
        return once("jobs", () -> {
            JobRegistry jobs = new JobRegistry(settings.jobs(), runs, Clock.systemUTC());
            // the routes made the queue with its size; an endpoint without one shares it
            jobs.dequeueWith(id -> context.getEndpoint(JOB_QUEUE, SedaEndpoint.class).getQueue()
                    .removeIf(exchange -> id.equals(exchange.getMessage().getHeader(EsbHeaders.HEADER_RUN_ID))));
            metrics.jobs(jobs::queued, jobs::running);
            return jobs;
        });
    }
}
