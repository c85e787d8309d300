package dev.specforge.config;

import dev.specforge.pipeline.GenerateSteps;
import dev.specforge.pipeline.GeneratedFilesAggregationStrategy;
import dev.specforge.pipeline.Generator;
import dev.specforge.plan.StackRegistry;
import dev.specforge.render.TemplateRenderer;
import dev.specforge.spec.SpecDefaults;
import dev.specforge.spec.SpecReader;
import dev.specforge.validate.ValidationPolicy;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.PropertyInject;
import org.apache.camel.spi.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;

/**
 * Builds specforge's beans from the {@code specforge.*} properties (see {@code config/application.properties}, where
 * every key is documented) and binds them for the routes:
 * {@code generateSteps} (the pipeline bean), {@code renderPool} (the Splitter's bounded executor) and
 * {@code generatedFiles} (the Splitter's Aggregator). Every key can be overridden by a system property of the same
 * name or an environment variable ({@code SPECFORGE_RENDER_THREADS}), through Camel's properties component.
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
        StackRegistry stacks = new StackRegistry(templates);
        if (!stacks.exists(defaultStack)) {
            throw new IllegalStateException("specforge.stack.default '" + defaultStack + "' is not installed in "
                    + stacks.root() + "; installed stacks: " + stacks.names());
        }
        Generator generator = new Generator(
                new SpecReader(new SpecDefaults(defaultGroup, defaultVersion, maxSpecBytes)),
                stacks, new TemplateRenderer(templates), new ValidationPolicy(minValidRatio), defaultStack, threads);
        ExecutorService pool = camelContext.getExecutorServiceManager()
                .newFixedThreadPool(this, "specforge-render", threads);

        Registry registry = camelContext.getRegistry();
        registry.bind("generateSteps", new GenerateSteps(generator, Path.of(workDir)));
        registry.bind("renderPool", pool);
        registry.bind("generatedFiles", new GeneratedFilesAggregationStrategy());
        LOG.info("specforge: templates {} (stacks {}), default stack {}, {} render threads, min valid ratio {}",
                stacks.root(), stacks.names(), defaultStack, threads, minValidRatio);
    }
}
