package dev.specforge.observe;

import dev.specforge.plan.StackManifest;
import dev.specforge.plan.StackRegistry;
import dev.specforge.render.TemplateRenderer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * specforge's readiness checks, served on {@code /observe/health} and {@code /observe/health/ready} with Camel's own
 * (routes, consumers, context). Each is bound as a {@link org.apache.camel.health.HealthCheck} bean, which
 * camel-health picks up from the registry. None is a liveness check: a full disk or an open LLM circuit does not
 * mean the JVM should be restarted.
 */
public final class ReadinessChecks {

    private ReadinessChecks() {
    }

    /**
     * @param outbox the outbox folder ({@code specforge.outbox.dir})
     * @param work   the work folder inside it ({@code specforge.work.dir})
     * @return a check that creates and deletes a file in the work folder: DOWN when that fails
     */
    public static AbstractHealthCheck outboxWritable(Path outbox, Path work) {
        return new Readiness("specforge-outbox") {
            @Override
            protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
                builder.detail("outbox", outbox.toAbsolutePath().toString());
                try {
                    Files.createDirectories(work);
                    Path probe = Files.createTempFile(work, ".ready-", ".tmp");
                    Files.delete(probe);
                    builder.up();
                } catch (IOException | RuntimeException e) {
                    builder.message("outbox is not writable: " + e.getMessage()).down();
                }
            }
        };
    }

    /**
     * @param stacks   the installed stacks
     * @param renderer the template loader
     * @return a check that every installed stack's manifest parses and its templates load (FreeMarker caches them,
     *         so after the first call this costs a lookup per template): DOWN with the first problem otherwise
     */
    public static AbstractHealthCheck templatesLoad(StackRegistry stacks, TemplateRenderer renderer) {
        return new Readiness("specforge-templates") {
            @Override
            protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
                try {
                    int templates = 0;
                    for (String name : stacks.names()) {
                        StackManifest stack = stacks.manifest(name);
                        for (StackManifest.Output output : stack.outputs()) {
                            renderer.check(output.template());
                            templates++;
                        }
                    }
                    builder.detail("stacks", stacks.names().size()).detail("templates", templates).up();
                } catch (RuntimeException e) {
                    builder.message("templates do not load: " + e.getMessage()).down();
                }
            }
        };
    }

    /**
     * @param breaker the LLM client's circuit breaker
     * @return a check that is DOWN while the circuit is open (calls fail fast and files fall back to offline answers)
     */
    public static AbstractHealthCheck llmCircuit(CircuitBreaker breaker) {
        return new Readiness("specforge-llm-circuit") {
            @Override
            protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
                CircuitBreaker.State state = breaker.getState();
                builder.detail("state", state.name());
                if (state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN) {
                    builder.message("the LLM circuit breaker is open: the provider failed too often").down();
                } else {
                    builder.up();
                }
            }
        };
    }

    private abstract static class Readiness extends AbstractHealthCheck {
        Readiness(String id) {
            super("specforge", id);
        }

        @Override
        public boolean isLiveness() {
            return false;
        }
    }
}
