package dev.specforge.jobs;

/**
 * A spec submitted for generation.
 *
 * @param spec      the spec's bytes (at most {@code camel.server.max-body-size} over HTTP)
 * @param extension {@code json} or {@code yaml}, sniffed from the content; the run's outputs are named
 *                  {@code api-<job id>.<extension>} (zip, report, dead letter)
 * @param stack     a stack that overrides the spec's own, or {@code null}
 */
public record JobRequest(byte[] spec, String extension, String stack) {

    /**
     * @param jobId the job id
     * @return the spec file name the pipeline sees, {@code api-<job id>.<extension>}
     */
    public String specName(String jobId) {
        return "api-" + jobId + "." + extension;
    }
}
