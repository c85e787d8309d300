package dev.specforge.pipeline;

/**
 * The names of the ESB contract of {@code direct:generate} (README "Calling specforge from another Camel route"):
 * the headers a caller may set, the headers the answer carries, and the two exchange properties in-process callers
 * exchange with the pipeline.
 *
 * <p>In, the body is the spec (String, byte[], InputStream or File) with optional headers {@value #HEADER_SPEC_NAME}
 * (the spec's file name, default the {@code CamelFileName} header, else {@code spec}), {@value #HEADER_STACK} (a
 * stack overriding the spec's own), {@value #HEADER_DRY_RUN} ({@code true}: answer the plan as JSON, write nothing)
 * and {@value #HEADER_RUN_ID} (an id to follow and cancel the run through {@link RunTracker}). Out, the body is the
 * zip {@link java.io.File} in the outbox, with headers {@value #HEADER_STATUS}, {@value #HEADER_PROJECT},
 * {@value #HEADER_FILES}, {@value #HEADER_VALID}, {@value #HEADER_LLM_REQUESTS}, {@value #HEADER_COST_USD} and
 * {@value #HEADER_REPORT} (the report's path).
 */
public final class EsbHeaders {

    /** Header: the spec's file name, used for output names. */
    public static final String HEADER_SPEC_NAME = "SpecforgeSpecName";
    /** Header: a stack that overrides the spec's {@code stack:}. */
    public static final String HEADER_STACK = "SpecforgeStack";
    /** Header: {@code true} to get the dry-run plan (JSON) instead of a zip. */
    public static final String HEADER_DRY_RUN = "SpecforgeDryRun";
    /** Header: the run id for {@link RunTracker} (progress, cancel); default the exchange id. */
    public static final String HEADER_RUN_ID = "SpecforgeRunId";
    /** Out header: {@code ok}. */
    public static final String HEADER_STATUS = "SpecforgeStatus";
    /** Out header: the generated project's name. */
    public static final String HEADER_PROJECT = "SpecforgeProject";
    /** Out header: number of generated files. */
    public static final String HEADER_FILES = "SpecforgeFiles";
    /** Out header: number of valid files. */
    public static final String HEADER_VALID = "SpecforgeValid";
    /** Out header: path of the report written next to the zip. */
    public static final String HEADER_REPORT = "SpecforgeReport";
    /** Out header: LLM calls made for this spec (each retry counts). */
    public static final String HEADER_LLM_REQUESTS = "SpecforgeLlmRequests";
    /** Out header: the LLM cost of this spec in USD. */
    public static final String HEADER_COST_USD = "SpecforgeCostUsd";
    /** Out exchange property: the run report, a {@link dev.specforge.assemble.RunReport} (read by the CLI and jobs). */
    public static final String REPORT = "specforgeReport";
    /**
     * In exchange property: who sent the spec; {@code inbox} when it came from the file inbox, which the dead letter
     * then removes the file from (other values, such as {@code http}, keep the caller's copy untouched).
     */
    public static final String TRIGGER = "specforgeTrigger";

    private EsbHeaders() {
    }
}
