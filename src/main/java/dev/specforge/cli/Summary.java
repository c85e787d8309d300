package dev.specforge.cli;

import dev.specforge.assemble.RunReport;
import dev.specforge.llm.LlmSummary;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The one-shot CLI's closing summary, after seed 004's generation summary: duration, success rate, files
 * validated and failed, LLM calls, cache hit rate, tokens and cost, over every spec of the run. Not thread-safe
 * (the CLI runs specs one after another).
 */
final class Summary {

    private final long startNanos = System.nanoTime();
    private int ok;
    private int failed;
    private long files;
    private long valid;
    private long llmRequests;
    private long cacheHits;
    private long cacheMisses;
    private long inputTokens;
    private long outputTokens;
    private long cachedInputTokens;
    private double costUsd;

    /** @param report the report of a spec that produced a zip */
    void succeeded(RunReport report) {
        ok++;
        if (report == null) {
            return;
        }
        files += report.counts().files();
        valid += report.counts().valid();
        LlmSummary llm = report.llm();
        llmRequests += llm.requests();
        cacheHits += llm.cacheHits();
        cacheMisses += llm.cacheMisses();
        inputTokens += llm.inputTokens();
        outputTokens += llm.outputTokens();
        cachedInputTokens += llm.cachedInputTokens();
        costUsd += llm.costUsd();
    }

    /** Counts a spec that failed (or was missing). */
    void failed() {
        failed++;
    }

    /**
     * Prints, e.g.:
     * <pre>
     * Summary: 2 specs in 3.4 s, success rate 50.0% (1 ok, 1 failed)
     *   files: 18 generated, 18 validated, 0 failed validation
     *   LLM: 3 calls, cache hit rate 0.0% (0 hits, 16 misses), tokens 9000 input / 2000 output / 0 cached, cost $0.0026
     * </pre>
     *
     * @param out where to print
     */
    void print(PrintWriter out) {
        int specs = ok + failed;
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        out.printf(Locale.ROOT, "Summary: %d spec%s in %.1f s, success rate %.1f%% (%d ok, %d failed)%n", specs,
                specs == 1 ? "" : "s", seconds, specs == 0 ? 0.0 : 100.0 * ok / specs, ok, failed);
        out.printf(Locale.ROOT, "  files: %d generated, %d validated, %d failed validation%n", files, valid,
                files - valid);
        long asked = cacheHits + cacheMisses;
        out.printf(Locale.ROOT, "  LLM: %d calls, cache hit rate %.1f%% (%d hits, %d misses), tokens %d input / %d "
                        + "output / %d cached, cost $%.4f%n", llmRequests, asked == 0 ? 0.0 : 100.0 * cacheHits / asked,
                cacheHits, cacheMisses, inputTokens, outputTokens, cachedInputTokens, costUsd);
        out.flush();
    }
}
