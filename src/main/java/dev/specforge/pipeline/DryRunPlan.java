package dev.specforge.pipeline;

import dev.specforge.llm.Estimate;

import java.util.List;

/**
 * The answer of a dry run ({@code generate --dry-run}, {@code direct:dry-run}): what would be generated and what the
 * enrichment would cost, with nothing called or written.
 *
 * @param spec       the spec's file name
 * @param project    the project name
 * @param stack      the stack
 * @param format     the spec's format
 * @param detectedBy the rule that recognised the format (as in the run report)
 * @param inlineTypes types made from inline request and response body schemas
 * @param fileCount  planned files
 * @param files      the planned files, in plan order
 * @param llm        the enrichment estimate: items, expected cache hits, calls after batching, tokens, cost (USD)
 *                   and duration (ms)
 * @param warnings   mapping decisions that lose information
 */
public record DryRunPlan(String spec, String project, String stack, String format, String detectedBy,
                         int inlineTypes, int fileCount, List<File> files,
                         Estimate llm, List<String> warnings) {

    /**
     * @param path     the path in the project
     * @param template the template
     * @param critical whether it is critical
     * @param enrich   the enrichment kinds it reads
     * @param items    the enrichment items it reads
     */
    public record File(String path, String template, boolean critical, List<String> enrich, int items) {
    }
}
