package dev.specforge.pipeline;

/** A run was cancelled ({@link RunTracker#cancel}, e.g. {@code DELETE /api/jobs/{id}}); it writes no zip. */
public final class RunCancelledException extends RuntimeException {

    /** @param id the run id */
    public RunCancelledException(String id) {
        super("run " + id + " was cancelled");
    }
}
