package dev.specforge.jobs;

/** Runs one job through the pipeline ({@code direct:generate}); see {@code dev.specforge.http.CamelJobRunner}. */
@FunctionalInterface
public interface JobRunner {

    /**
     * @param runId   the run id to pass on (progress and cancellation go through {@code RunTracker} by it)
     * @param request what to generate
     * @return the zip and report
     * @throws Exception whatever the pipeline failed with (a spec problem, a cancellation, an I/O error)
     */
    Job.Result run(String runId, JobRequest request) throws Exception;
}
