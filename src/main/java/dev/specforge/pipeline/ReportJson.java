package dev.specforge.pipeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The one JSON mapper of the pipeline's outputs: the run report ({@code <base>.report.json}, also kept in the result
 * store), the dry-run plan and the dead letter's {@code error.json}. Indented, {@code null} fields left out.
 * Thread-safe once built.
 */
final class ReportJson {

    /** The mapper; configured once, never changed afterwards. */
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private ReportJson() {
    }
}
