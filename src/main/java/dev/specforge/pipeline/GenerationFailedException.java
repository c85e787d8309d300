package dev.specforge.pipeline;

import dev.specforge.assemble.RunReport;

/** A spec whose generated files failed validation (a critical file, or the valid-ratio threshold). */
public class GenerationFailedException extends RuntimeException {

    private final transient RunReport report;

    /**
     * @param message the verdict, naming the failing files and why
     * @param report  the run's report, with {@code status: failed}
     */
    public GenerationFailedException(String message, RunReport report) {
        super(message);
        this.report = report;
    }

    /** @return the failed run's report */
    public RunReport report() {
        return report;
    }
}
