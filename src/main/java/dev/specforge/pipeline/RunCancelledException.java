package dev.specforge.pipeline;

/** A run was cancelled ({@link RunTracker#cancel}, e.g. {@code DELETE /api/jobs/{id}}); it writes no zip. */
public final class RunCancelledException extends RuntimeException {

    /** @param run the run id or the spec's name */
    public RunCancelledException(String run) {
        super(run + " was cancelled");
    }
}
