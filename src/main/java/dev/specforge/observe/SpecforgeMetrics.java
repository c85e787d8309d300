package dev.specforge.observe;

import dev.specforge.assemble.RunReport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The pipeline's own meters, process-wide, in the registry Camel serves on {@code /observe/metrics} (Prometheus
 * names in brackets):
 * <ul>
 *   <li>{@code specforge.specs} (tag {@code outcome}: ok, failed, cancelled, interrupted) [{@code specforge_specs_total}];</li>
 *   <li>{@code specforge.files} (tag {@code source}: template, llm, cache, fallback; from the run report)
 *       [{@code specforge_files_total}];</li>
 *   <li>{@code specforge.spec.duration}, a histogram of receive-to-zip wall time (tag {@code outcome})
 *       [{@code specforge_spec_duration_seconds_bucket}];</li>
 *   <li>{@code specforge.jobs} gauges (tag {@code state}: queued, running) [{@code specforge_jobs}].</li>
 * </ul>
 * The LLM meters ({@code specforge.llm.*}: requests, tokens, cost, cache) are {@link dev.specforge.llm.LlmMetrics}.
 * Thread-safe.
 */
public final class SpecforgeMetrics {

    private final MeterRegistry registry;

    /** @param registry the registry bound as {@code metricsRegistry} */
    public SpecforgeMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Counts a finished spec and its files.
     *
     * @param report the run report of a spec that produced a zip
     */
    public void succeeded(RunReport report) {
        outcome("ok", report.durationMs());
        java.util.Map<String, Long> bySource = report.files().stream().collect(java.util.stream.Collectors
                .groupingBy(RunReport.FileRow::source, java.util.TreeMap::new, java.util.stream.Collectors.counting()));
        bySource.forEach((source, n) -> Counter.builder("specforge.files")
                .description("Generated files by where their content came from")
                .tag("source", source).register(registry).increment(n));
    }

    /**
     * Counts a spec that ended without a zip.
     *
     * @param outcome    {@code failed}, {@code cancelled} or {@code interrupted} (left in the inbox by a shutdown)
     * @param durationMs time from receiving the spec to the failure, in ms, or {@code -1} when unknown
     */
    public void ended(String outcome, long durationMs) {
        outcome(outcome, durationMs);
    }

    /**
     * Registers the job gauges.
     *
     * @param queued  jobs accepted and waiting for a worker
     * @param running jobs being generated
     */
    public void jobs(Supplier<Number> queued, Supplier<Number> running) {
        Gauge.builder("specforge.jobs", queued).description("HTTP jobs by state").tag("state", "queued")
                .register(registry);
        Gauge.builder("specforge.jobs", running).description("HTTP jobs by state").tag("state", "running")
                .register(registry);
    }

    private void outcome(String outcome, long durationMs) {
        Counter.builder("specforge.specs").description("Specs by outcome").tag("outcome", outcome)
                .register(registry).increment();
        if (durationMs >= 0) {
            Timer.builder("specforge.spec.duration").description("Wall time from receiving a spec to its zip")
                    .tag("outcome", outcome).publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(10)).maximumExpectedValue(Duration.ofMinutes(10))
                    .register(registry).record(Duration.ofMillis(durationMs));
        }
    }
}
