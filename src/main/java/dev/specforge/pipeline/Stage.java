package dev.specforge.pipeline;

import java.util.Locale;

/**
 * Where a spec is in the pipeline, in route order: one value on its {@link SpecRun}, read both by the progress
 * reports (the HTTP job status {@code phase}, the CLI's progress, the daemon's progress log) and by the dead letter's
 * {@code error.json} ({@code stage}). On the wire each value is its lower-case name ({@link #wire()}).
 */
public enum Stage {
    /** Received, not yet being parsed: a failure before the run exists (e.g. in the dry-run branch). */
    RECEIVE,
    /** Reading the spec into the project model and planning its files ({@code generateSteps.plan}). */
    PARSE,
    /** Planned; answering the enrichment items ({@code direct:enrich}), or checking for a stored result first. */
    ENRICH,
    /** Rendering the files ({@code render-split}; each file is also checked there). */
    RENDER,
    /** Judging the project (critical files, valid ratio) and writing the zip ({@code generateSteps.assemble}). */
    VALIDATE,
    /** Writing the report and the zip to the outbox ({@code direct:deliver}), or replaying a stored result. */
    DELIVER;

    /** @return the value on the wire: {@code receive}, {@code parse}, {@code enrich}, {@code render}, ... */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
