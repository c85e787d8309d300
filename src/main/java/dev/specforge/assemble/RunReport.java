package dev.specforge.assemble;

import dev.specforge.llm.LlmSummary;

import java.util.List;

/**
 * The report written next to each zip as {@code <base>.report.json} (and inside the dead letter's
 * {@code error.json} when a spec fails after planning). Timings live here, never in the zip.
 *
 * @param status           {@code ok} or {@code failed}
 * @param spec             the spec's file name
 * @param project          the generated project's name
 * @param stack            the stack used
 * @param format           the spec's format: {@code native}, {@code openapi}, {@code swagger} or {@code json_schema}
 * @param detectedBy       the rule that recognised the format (the key that names it, or for a JSON Schema without
 *                         {@code $schema} the shape that did, e.g. {@code type: object with properties}; see
 *                         {@code SpecReader.detect})
 * @param inlineTypes      how many types were made from inline request and response body schemas (OpenAPI, Swagger)
 * @param durationMs       wall time from receiving the spec to the finished zip, in milliseconds
 * @param renderThreads    the size of the render pool ({@code specforge.render.threads})
 * @param peakConcurrency  the most files of this spec rendered at the same moment
 * @param counts           file counts
 * @param llm              the enrichment's cost ledger
 * @param files            one row per planned file, sorted by path
 * @param warnings         mapping decisions that lost information
 * @param enforcedSuggestions the field-validators suggestions the generated service enforces although the spec does
 *                         not state them, one line each, e.g. {@code Customer.email: maxLength 255 (field-validators
 *                         suggestion, enforced: validation.suggestedConstraints = enforce)}; only a native spec with
 *                         {@code validation: {suggestedConstraints: enforce}} has any (see
 *                         {@code dev.specforge.render.ValidationRules#enforcedSuggestions}); empty otherwise
 */
public record RunReport(String status, String spec, String project, String stack, String format, String detectedBy,
                        int inlineTypes, long durationMs,
                        int renderThreads, int peakConcurrency, Counts counts, LlmSummary llm, List<FileRow> files,
                        List<String> warnings, List<String> enforcedSuggestions) {

    /** A report read back without {@code enforcedSuggestions} (one stored before the list existed) has none. */
    public RunReport {
        enforcedSuggestions = enforcedSuggestions == null ? List.of() : List.copyOf(enforcedSuggestions);
    }

    /**
     * @param files    planned files
     * @param valid    files that rendered and passed their check
     * @param invalid  files that failed to render or failed their check
     * @param critical critical files
     * @param bytes    total size of the rendered files, in bytes (uncompressed)
     */
    public record Counts(int files, int valid, int invalid, int critical, long bytes) {
    }

    /**
     * @param path     path in the project
     * @param template template that produced it
     * @param source   where the content came from: {@code cache} (the per-file result cache: neither rendered nor
     *                 checked in this run), else, rendered now: {@code template} (templates alone, or with offline
     *                 answers), {@code llm} (reads a fresh LLM answer), {@code llm-cache} (reads cached LLM answers
     *                 only) or {@code fallback} (an LLM answer it reads was replaced by the offline provider's)
     * @param check    the check applied ({@code java}, {@code json}, {@code yaml}, {@code xml}, {@code none},
     *                 {@code render} when rendering failed)
     * @param valid    whether it passed
     * @param critical whether it is critical
     * @param bytes    size in bytes
     * @param problem  why it is invalid, or {@code null}
     */
    public record FileRow(String path, String template, String source, String check, boolean valid, boolean critical,
                          int bytes, String problem) {
    }
}
